using System.Globalization;

namespace Pipeline.Tokenization;

/// <summary>
/// The data that drives the rule-based <see cref="Tokenizer"/>: which affixes are split off a whitespace-separated
/// chunk, where a chunk is split inside, and which strings are tokenized in a fixed way. The rules are saved with
/// the model (the <c>tokenizer</c> file), so a loaded pipeline splits text exactly like the one that was saved.
/// Language classes build theirs, e.g. <c>EnglishRules.Create()</c>; derive variants with <c>with { ... }</c>.
/// Record equality compares the collections by reference, not by content.
/// </summary>
public sealed record TokenizerRules
{
    /// <summary>Literal strings split off the start of a chunk; the longest that matches wins.</summary>
    public IReadOnlyList<string> Prefixes { get; init; } = [];

    /// <summary>Regular expressions (.NET syntax) matched at the start of a chunk, for context-dependent prefixes.</summary>
    public IReadOnlyList<string> PrefixPatterns { get; init; } = [];

    /// <summary>
    /// Unicode categories of which a leading symbol (with any marks or emoji modifiers that follow it) is split off,
    /// e.g. <see cref="UnicodeCategory.CurrencySymbol"/> or <see cref="UnicodeCategory.OtherSymbol"/> for emoji.
    /// </summary>
    public IReadOnlyList<UnicodeCategory> PrefixCategories { get; init; } = [];

    /// <summary>Literal strings split off the end of a chunk; the longest that matches wins.</summary>
    public IReadOnlyList<string> Suffixes { get; init; } = [];

    /// <summary>Regular expressions matched at the end of a chunk, for context-dependent suffixes.</summary>
    public IReadOnlyList<string> SuffixPatterns { get; init; } = [];

    /// <summary>Unicode categories of which a trailing symbol (with its marks and modifiers) is split off.</summary>
    public IReadOnlyList<UnicodeCategory> SuffixCategories { get; init; } = [];

    /// <summary>Regular expressions whose matches inside a chunk (after affixes are removed) become tokens of their own.</summary>
    public IReadOnlyList<string> InfixPatterns { get; init; } = [];

    /// <summary>
    /// Strings tokenized in a fixed way, mapped to their pieces (which concatenate to the string), e.g.
    /// "don't" to "do" + "n't". A case applies to a whole chunk or to what is left of it after affixes are removed.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SpecialCasePiece>> SpecialCases { get; init; } =
        new Dictionary<string, IReadOnlyList<SpecialCasePiece>>(StringComparer.Ordinal);

    /// <summary>
    /// A regular expression for strings that are never split (checked on the chunk and after each affix removal),
    /// or null for none.
    /// </summary>
    public string? TokenMatch { get; init; }

    /// <summary>
    /// A regular expression for URLs and e-mail addresses, checked once affixes are removed (so trailing punctuation
    /// still splits off) and before infixes; a match stays one token. Null for none.
    /// </summary>
    public string? UrlMatch { get; init; }
}
