using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>Assembles a language's <see cref="TokenizerRules"/> from the shared punctuation and its own data.</summary>
internal static class CommonRules
{
    /// <summary>Every dash that splits two words, ASCII hyphen included.</summary>
    public const string AllHyphens = "---|--|—|–|-|~";

    /// <summary>Only the long dashes: for languages whose hyphenated compounds are single tokens.</summary>
    public const string LongDashes = "---|--|—|–";

    /// <summary>
    /// The shared rules plus the language's extra prefixes/suffixes and special cases. <paramref name="hyphens"/>
    /// and <paramref name="hyphenGuard"/> choose how hyphenated words split (see <see cref="Punctuation.InfixPatterns"/>).
    /// </summary>
    public static TokenizerRules Create(
        SpecialCaseTable cases,
        string hyphens,
        string hyphenGuard = "",
        IEnumerable<string>? extraPrefixes = null,
        IEnumerable<string>? extraSuffixes = null,
        IEnumerable<string>? extraSuffixPatterns = null,
        IEnumerable<string>? extraInfixPatterns = null) => new()
        {
            Prefixes = Punctuation.Prefixes().Concat(extraPrefixes ?? []).Distinct().ToArray(),
            PrefixPatterns = Punctuation.PrefixPatterns().ToArray(),
            PrefixCategories = Punctuation.PrefixCategories,
            Suffixes = Punctuation.Suffixes().Concat(extraSuffixes ?? []).Distinct().ToArray(),
            SuffixPatterns = Punctuation.SuffixPatterns().Concat(extraSuffixPatterns ?? []).ToArray(),
            SuffixCategories = Punctuation.SuffixCategories,
            InfixPatterns = Punctuation.InfixPatterns(hyphens, hyphenGuard).Concat(extraInfixPatterns ?? []).ToArray(),
            SpecialCases = new Dictionary<string, IReadOnlyList<SpecialCasePiece>>(cases.Cases, StringComparer.Ordinal),
            TokenMatch = Punctuation.PhoneNumber,
            UrlMatch = Punctuation.Url,
        };
}
