using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// The tokenizer rules of Portuguese: shared punctuation, hyphenated clitic suffixes and Portuguese abbreviations.
/// Hyphenated compounds ("primeiro-ministro", "fim-de-semana") stay whole; long dashes still split.
/// </summary>
public static class PortugueseRules
{
    /// <summary>Builds a fresh copy of the Portuguese rules.</summary>
    public static TokenizerRules Create()
    {
        var cases = new SpecialCaseTable();
        BaseExceptions.AddTo(cases);
        PortugueseExceptions.AddTo(cases);
        return CommonRules.Create(cases, CommonRules.LongDashes, extraSuffixes: PortugueseExceptions.Suffixes());
    }
}
