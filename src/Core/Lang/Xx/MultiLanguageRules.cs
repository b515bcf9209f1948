using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// Language-neutral tokenizer rules ("xx"): the shared punctuation, emoticons and URL handling, splitting
/// hyphenated words, with no language-specific special cases.
/// </summary>
public static class MultiLanguageRules
{
    /// <summary>Builds a fresh copy of the language-neutral rules.</summary>
    public static TokenizerRules Create()
    {
        var cases = new SpecialCaseTable();
        BaseExceptions.AddTo(cases);
        return CommonRules.Create(cases, CommonRules.AllHyphens);
    }
}
