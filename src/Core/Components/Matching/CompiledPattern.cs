namespace Pipeline.Components.Matching;

/// <summary>
/// A validated entity pattern ready to match: the pattern in canonical form, plus either the token texts of its
/// phrase or its compiled token steps.
/// </summary>
internal sealed record CompiledPattern(EntityPattern Pattern, ulong[]? PhraseOrths, TokenStep[]? Steps);
