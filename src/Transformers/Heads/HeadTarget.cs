using Pipeline.Tokens;

namespace Pipeline.Transformers.Heads;

/// <summary>What a <see cref="NeuralTokenClassifier"/> predicts: its factory name and the token attribute it reads (gold) and sets.</summary>
/// <param name="Name">The factory and component name.</param>
/// <param name="Attribute">The attribute it sets.</param>
/// <param name="Gold">A token's gold label, or null when it has none.</param>
/// <param name="Set">Sets a token's predicted label.</param>
internal sealed record HeadTarget(string Name, Attr Attribute, Func<Token, string?> Gold, Action<Token, string> Set)
{
    /// <summary>Universal part-of-speech tags (token.Pos).</summary>
    public static HeadTarget Upos { get; } = new(NeuralTokenClassifier.TaggerName, Attr.Pos, t => t.Pos is { Length: > 0 } pos ? pos : null, (t, label) => t.Pos = label);

    /// <summary>Universal features (token.Morph), one label per feature set.</summary>
    public static HeadTarget UFeats { get; } = new(NeuralTokenClassifier.MorphologizerName, Attr.Morph, t => t.Morph, (t, label) => t.Morph = label);
}
