namespace Pipeline.Tokenization;

/// <summary>
/// One token of a tokenizer special case, e.g. <c>n't</c> of "don't". Besides its text a piece can carry
/// attributes that a rule knows better than a model, such as the normal form <c>not</c>.
/// </summary>
/// <param name="Text">The token text; the pieces of a special case concatenate to the case's text.</param>
/// <param name="Norm">The normalized form of the token (e.g. "not" for "n't"), or null to use the default.</param>
public sealed record SpecialCasePiece(string Text, string? Norm = null);
