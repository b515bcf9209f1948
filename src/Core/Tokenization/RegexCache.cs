using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Pipeline.Tokenization;

/// <summary>
/// Compiled regular expressions shared by every tokenizer of the process, keyed by pattern, so that creating many
/// pipelines of one language compiles its patterns once. Regex instances are safe for concurrent matching.
/// </summary>
internal static class RegexCache
{
    private const int MaxEntries = 512;
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> Valid = new(StringComparer.Ordinal);

    /// <summary>
    /// The compiled regex of <paramref name="pattern"/>, with the current <see cref="RegexSettings.MatchTimeout"/>;
    /// throws ArgumentException when it is invalid.
    /// </summary>
    public static Regex Get(string pattern)
    {
        var timeout = RegexSettings.MatchTimeout;
        if (Compiled.TryGetValue(pattern, out var regex) && regex.MatchTimeout == timeout)
        {
            return regex;
        }

        regex = new Regex(pattern, Options, timeout);
        Remember(Compiled, pattern, regex);
        return regex;
    }

    /// <summary>Checks that <paramref name="pattern"/> parses, without compiling it to code; throws E041 when not.</summary>
    public static void Validate(string field, string pattern)
    {
        if (Valid.ContainsKey(pattern) || Compiled.ContainsKey(pattern))
        {
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw Errors.BadTokenizerPattern(field, pattern, e.Message);
        }

        Remember(Valid, pattern, true);
    }

    /// <summary>Adds an entry; a full cache (e.g. after loading many foreign models) is emptied and refilled on use.</summary>
    private static void Remember<T>(ConcurrentDictionary<string, T> cache, string pattern, T value)
    {
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }

        cache[pattern] = value;
    }
}
