namespace Pipeline.Components.Matching;

/// <summary>
/// Builds the exception for a bad field of a pattern, so one validator serves every caller: AddPatterns (E050
/// naming the pattern), pattern files (E051 naming the line) and config (E022).
/// </summary>
internal delegate Exception PatternFailure(string field, string problem);
