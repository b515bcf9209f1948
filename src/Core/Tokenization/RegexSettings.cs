using System.Text.RegularExpressions;

namespace Pipeline.Tokenization;

/// <summary>
/// Limits for the regular expressions Pipeline compiles from data: tokenizer rules (prefix, suffix and infix
/// patterns, <c>TokenMatch</c>, <c>UrlMatch</c>) and the REGEX constraints of token patterns (e.g. an
/// entity_ruler's). Model files are untrusted input, and a pattern such as <c>^(a+)+$</c> can backtrack for hours
/// on a short text; with a timeout such a match stops and raises E155 instead of hanging the process.
/// </summary>
public static class RegexSettings
{
    /// <summary>The default <see cref="MatchTimeout"/>: one second, far above any sane pattern's cost on one token.</summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromSeconds(1);

    private static long _matchTimeoutTicks = DefaultMatchTimeout.Ticks;

    /// <summary>
    /// How long one match of such a regex may run before it is stopped with E155 (default one second). Takes effect
    /// for regexes compiled afterwards: set it before creating or loading the pipeline. Must be positive, or
    /// <see cref="Regex.InfiniteMatchTimeout"/> to disable the limit for trusted patterns (ArgumentException otherwise).
    /// </summary>
    public static TimeSpan MatchTimeout
    {
        get => TimeSpan.FromTicks(Volatile.Read(ref _matchTimeoutTicks));
        set
        {
            if (value != Regex.InfiniteMatchTimeout && (value <= TimeSpan.Zero || value.TotalMilliseconds >= int.MaxValue))
            {
                throw Errors.InvalidArgument(nameof(MatchTimeout), $"is {value}; use a positive time under 24 days, or Regex.InfiniteMatchTimeout");
            }

            Volatile.Write(ref _matchTimeoutTicks, value.Ticks);
        }
    }
}
