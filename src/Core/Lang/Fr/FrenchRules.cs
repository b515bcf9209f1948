using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// The tokenizer rules of French: shared punctuation, elision prefixes, hyphenated clitic suffixes and French
/// special cases. Hyphenated compounds ("peut-être", "Jean-Pierre") stay whole; long dashes still split. Times
/// split around "h" ("14h30" = "14" "h" "30").
/// </summary>
public static class FrenchRules
{
    /// <summary>Builds a fresh copy of the French rules.</summary>
    public static TokenizerRules Create()
    {
        var cases = new SpecialCaseTable();
        BaseExceptions.AddTo(cases);
        FrenchExceptions.AddTo(cases);
        return CommonRules.Create(
            cases,
            CommonRules.LongDashes,
            extraPrefixes: FrenchExceptions.Prefixes(),
            extraSuffixes: FrenchExceptions.Suffixes(),
            extraSuffixPatterns: [@"(?<=[0-9])h"],
            extraInfixPatterns: [@"(?<=[0-9])h(?=[0-9]{2}\b)"]);
    }
}
