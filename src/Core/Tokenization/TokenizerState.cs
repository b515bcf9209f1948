using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Pipeline.Tokenization;

/// <summary>
/// The compiled, immutable form of a <see cref="TokenizerRules"/>: affix matchers, regexes, the special-case table
/// and the per-chunk cache. A <see cref="Tokenizer"/> swaps in a new state when its rules change, so concurrent
/// tokenization always sees one consistent set of rules and a cache that matches them.
/// </summary>
internal sealed class TokenizerState
{
    /// <summary>Chunks longer than this are not cached (they are rare and would bloat the cache).</summary>
    public const int MaxCachedChunkLength = 64;

    /// <summary>The cache stops growing at this many distinct chunks; frequent chunks come first in practice.</summary>
    public const int MaxCacheEntries = 1 << 17;

    private readonly AffixMatcher _prefixes;
    private readonly AffixMatcher _suffixes;
    private readonly Regex? _infixes;
    private readonly Regex? _tokenMatch;
    private readonly Regex? _urlMatch;
    private readonly Dictionary<string, Special>.AlternateLookup<ReadOnlySpan<char>> _specials;
    private readonly ConcurrentDictionary<string, Chunk> _cache = new(StringComparer.Ordinal);
    private int _cacheCount;

    /// <summary>Validates and compiles <paramref name="rules"/>; throws E040-E042 when they are invalid.</summary>
    public TokenizerState(TokenizerRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Validate(rules);
        Rules = rules;
        _prefixes = new AffixMatcher(rules.Prefixes, rules.PrefixPatterns, rules.PrefixCategories, atEnd: false);
        _suffixes = new AffixMatcher(rules.Suffixes, rules.SuffixPatterns, rules.SuffixCategories, atEnd: true);
        if (rules.InfixPatterns.Count > 0)
        {
            _infixes = Compile("InfixPatterns", string.Join("|", rules.InfixPatterns.Select(p => $"(?:{p})")));
        }

        _tokenMatch = rules.TokenMatch is null ? null : Compile("TokenMatch", $"\\A(?:{rules.TokenMatch})\\z");
        _urlMatch = rules.UrlMatch is null ? null : Compile("UrlMatch", $"\\A(?:{rules.UrlMatch})\\z");
        var specials = new Dictionary<string, Special>(rules.SpecialCases.Count, StringComparer.Ordinal);
        foreach (var (text, pieces) in rules.SpecialCases)
        {
            var norms = pieces.Any(p => !string.IsNullOrEmpty(p.Norm)) ? pieces.Select(p => p.Norm).ToArray() : null;
            specials[text] = new Special(pieces.Select(p => p.Text.Length).ToArray(), norms);
        }

        _specials = specials.GetAlternateLookup<ReadOnlySpan<char>>();
        Cache = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The rules this state was compiled from.</summary>
    public TokenizerRules Rules { get; }

    /// <summary>Token hashes (and norms, if any) per chunk already split, looked up without allocating a string.</summary>
    public ConcurrentDictionary<string, Chunk>.AlternateLookup<ReadOnlySpan<char>> Cache { get; }

    /// <summary>Adds a chunk's tokens to the cache, unless the chunk is long or the cache is full.</summary>
    public void Remember(ReadOnlySpan<char> chunk, Chunk tokens)
    {
        // ConcurrentDictionary.Count takes every lock, so the size is tracked here instead.
        if (chunk.Length <= MaxCachedChunkLength && Volatile.Read(ref _cacheCount) < MaxCacheEntries && Cache.TryAdd(chunk, tokens))
        {
            Interlocked.Increment(ref _cacheCount);
        }
    }

    /// <summary>
    /// Splits one whitespace-free chunk, appending the length of each token to <paramref name="lengths"/>
    /// (the lengths add up to the chunk's length). Tokens made by a special case whose piece has a norm are
    /// appended to <paramref name="norms"/> as (token index in the chunk, norm). <paramref name="suffixes"/> is
    /// scratch space.
    /// </summary>
    public void Split(ReadOnlySpan<char> chunk, List<int> lengths, List<int> suffixes, List<(int Index, string Norm)> norms)
    {
        try
        {
            SplitAffixes(chunk, lengths, suffixes, norms);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw Errors.RegexTimedOut($"the tokenizer rule {FieldOf(e.Pattern)}", e.Pattern, chunk.ToString(), e.MatchTimeout);
        }
    }

    private string FieldOf(string pattern) =>
        pattern == _prefixes.Pattern ? nameof(TokenizerRules.PrefixPatterns)
        : pattern == _suffixes.Pattern ? nameof(TokenizerRules.SuffixPatterns)
        : pattern == _infixes?.ToString() ? nameof(TokenizerRules.InfixPatterns)
        : pattern == _tokenMatch?.ToString() ? nameof(TokenizerRules.TokenMatch)
        : nameof(TokenizerRules.UrlMatch);

    private void SplitAffixes(ReadOnlySpan<char> chunk, List<int> lengths, List<int> suffixes, List<(int Index, string Norm)> norms)
    {
        if (_specials.TryGetValue(chunk, out var special))
        {
            special.AddTo(lengths, norms);
            return;
        }

        if (_tokenMatch is not null && _tokenMatch.IsMatch(chunk))
        {
            lengths.Add(chunk.Length);
            return;
        }

        suffixes.Clear();
        var start = 0;
        var end = chunk.Length;
        var first = true;
        while (start < end)
        {
            var s = chunk[start..end];
            if (!first && (_specials.ContainsKey(s) || (_tokenMatch is not null && _tokenMatch.IsMatch(s))))
            {
                break;
            }

            first = false;
            var prefix = _prefixes.Match(s);
            if (prefix > 0 && prefix < s.Length && _specials.ContainsKey(s[prefix..]))
            {
                lengths.Add(prefix);
                start += prefix;
                break;
            }

            // The suffix is matched on the whole string so that its patterns can look behind into the prefix;
            // only when it would overlap the prefix is it matched again on what follows the prefix.
            var suffix = _suffixes.Match(s);
            if (suffix > s.Length - prefix)
            {
                suffix = _suffixes.Match(s[prefix..]);
            }
            if (suffix > 0 && suffix < s.Length && _specials.ContainsKey(s[..^suffix]))
            {
                suffixes.Add(suffix);
                end -= suffix;
                break;
            }

            if (prefix == 0 && suffix == 0)
            {
                break;
            }

            if (prefix > 0)
            {
                lengths.Add(prefix);
                start += prefix;
            }

            if (suffix > 0)
            {
                suffixes.Add(suffix);
                end -= suffix;
            }
        }

        if (start < end)
        {
            SplitMiddle(chunk[start..end], lengths, norms);
        }

        for (var i = suffixes.Count - 1; i >= 0; i--)
        {
            lengths.Add(suffixes[i]);
        }
    }

    private void SplitMiddle(ReadOnlySpan<char> s, List<int> lengths, List<(int Index, string Norm)> norms)
    {
        if (_specials.TryGetValue(s, out var special))
        {
            special.AddTo(lengths, norms);
            return;
        }

        if (_infixes is null || (_tokenMatch is not null && _tokenMatch.IsMatch(s)) || (_urlMatch is not null && _urlMatch.IsMatch(s)))
        {
            lengths.Add(s.Length);
            return;
        }

        var position = 0;
        foreach (var match in _infixes.EnumerateMatches(s))
        {
            if (match.Index > position)
            {
                lengths.Add(match.Index - position);
            }

            if (match.Length > 0)
            {
                lengths.Add(match.Length);
            }

            position = match.Index + match.Length;
        }

        if (position < s.Length)
        {
            lengths.Add(s.Length - position);
        }
    }

    private static Regex Compile(string field, string pattern)
    {
        try
        {
            return RegexCache.Get(pattern);
        }
        catch (ArgumentException e)
        {
            throw Errors.BadTokenizerPattern(field, pattern, e.Message);
        }
    }

    private static void Validate(TokenizerRules rules)
    {
        CheckLiterals(nameof(TokenizerRules.Prefixes), rules.Prefixes);
        CheckLiterals(nameof(TokenizerRules.Suffixes), rules.Suffixes);
        CheckPatterns(nameof(TokenizerRules.PrefixPatterns), rules.PrefixPatterns);
        CheckPatterns(nameof(TokenizerRules.SuffixPatterns), rules.SuffixPatterns);
        CheckPatterns(nameof(TokenizerRules.InfixPatterns), rules.InfixPatterns);
        CheckPatterns(nameof(TokenizerRules.TokenMatch), rules.TokenMatch is null ? [] : [rules.TokenMatch]);
        CheckPatterns(nameof(TokenizerRules.UrlMatch), rules.UrlMatch is null ? [] : [rules.UrlMatch]);
        CheckCategories(nameof(TokenizerRules.PrefixCategories), rules.PrefixCategories);
        CheckCategories(nameof(TokenizerRules.SuffixCategories), rules.SuffixCategories);
        ArgumentNullException.ThrowIfNull(rules.SpecialCases);
        foreach (var (text, pieces) in rules.SpecialCases)
        {
            CheckSpecialCase(text, pieces);
        }
    }

    /// <summary>Checks one special case: non-empty, whitespace-free text spelled exactly by non-empty pieces.</summary>
    public static void CheckSpecialCase(string text, IReadOnlyList<SpecialCasePiece> pieces)
    {
        CheckText(nameof(TokenizerRules.SpecialCases), text);
        if (!Spells(text, pieces))
        {
            throw Errors.SpecialCaseMismatch(text, pieces?.Select(p => p?.Text ?? "(null)") ?? []);
        }
    }

    private static bool Spells(string text, IReadOnlyList<SpecialCasePiece>? pieces)
    {
        if (pieces is null || pieces.Count == 0)
        {
            return false;
        }

        var rest = text.AsSpan();
        foreach (var piece in pieces)
        {
            if (string.IsNullOrEmpty(piece?.Text) || !rest.StartsWith(piece.Text, StringComparison.Ordinal))
            {
                return false;
            }

            rest = rest[piece.Text.Length..];
        }

        return rest.IsEmpty;
    }

    private static void CheckLiterals(string field, IReadOnlyList<string> literals)
    {
        ArgumentNullException.ThrowIfNull(literals, field);
        foreach (var literal in literals)
        {
            CheckText(field, literal);
        }
    }

    private static void CheckText(string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw Errors.BadTokenizerText(field, text ?? "(null)", "is empty");
        }

        if (text.AsSpan().ContainsAny(Whitespace.Chars))
        {
            throw Errors.BadTokenizerText(field, text, "contains whitespace");
        }
    }

    private static void CheckPatterns(string field, IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns, field);
        foreach (var pattern in patterns)
        {
            if (string.IsNullOrEmpty(pattern))
            {
                throw Errors.BadTokenizerPattern(field, pattern ?? "(null)", "the pattern is empty");
            }

            RegexCache.Validate(field, pattern);
        }
    }

    private static void CheckCategories(string field, IReadOnlyList<System.Globalization.UnicodeCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories, field);
        foreach (var category in categories)
        {
            if (!Enum.IsDefined(category))
            {
                throw Errors.BadTokenizerText(field, ((int)category).ToString(System.Globalization.CultureInfo.InvariantCulture), "is not a Unicode category");
            }
        }
    }

    /// <summary>The tokens of a cached chunk: their hashes and, only when a special case gave one a norm, per-token norm hashes (0 = none).</summary>
    internal readonly record struct Chunk(ulong[] Orths, ulong[]? Norms);

    /// <summary>A compiled special case: piece lengths and, only when some piece has one, the pieces' norms.</summary>
    private sealed record Special(int[] Lengths, string?[]? Norms)
    {
        public void AddTo(List<int> lengths, List<(int Index, string Norm)> norms)
        {
            if (Norms is not null)
            {
                for (var k = 0; k < Norms.Length; k++)
                {
                    if (!string.IsNullOrEmpty(Norms[k]))
                    {
                        norms.Add((lengths.Count + k, Norms[k]!));
                    }
                }
            }

            lengths.AddRange(Lengths);
        }
    }
}
