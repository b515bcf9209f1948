using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>The tokenizer rules of English: shared punctuation, hyphen splitting and English special cases.</summary>
public static class EnglishRules
{
    /// <summary>
    /// Word beginnings after which a hyphen does not split, as in the English Web Treebank ("e-mail", "non-human",
    /// "re-elected"); other hyphenated words split ("15-year" = "15" "-" "year").
    /// </summary>
    private const string BoundPrefixes =
        "e|non|pre|anti|re|mid|post|co|over|pro|multi|ex|sub|semi|neo|cross|vice|un|micro|intra|inter|counter|mis";

    /// <summary>Builds a fresh copy of the English rules.</summary>
    public static TokenizerRules Create()
    {
        var cases = new SpecialCaseTable();
        BaseExceptions.AddTo(cases);
        EnglishExceptions.AddTo(cases);
        return CommonRules.Create(
            cases,
            CommonRules.AllHyphens,
            hyphenGuard: $"(?<!^(?i:{BoundPrefixes}))",
            extraSuffixes: ["'s", "'S", "’s", "’S"]);
    }
}
