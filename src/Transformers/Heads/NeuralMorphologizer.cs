using Pipeline.Tokens;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// The "trf_morphologizer" component: each token's universal features (UFeats, <c>token.Morph</c>, one label per
/// feature set as in spaCy's morphologizer) from the transformer's token vectors and lexical features (see
/// <see cref="NeuralTokenClassifier"/>).
/// </summary>
public sealed class NeuralMorphologizer : NeuralTokenClassifier
{
    /// <summary>The factory name, as used in meta.json's "pipeline".</summary>
    public const string FactoryName = "trf_morphologizer";

    /// <summary>Creates an untrained morphologizer (settings: docs/transformers.md).</summary>
    public NeuralMorphologizer(IReadOnlyDictionary<string, object?> config)
        : base(config)
    {
    }

    /// <inheritdoc />
    public override string Name => FactoryName;

    /// <inheritdoc />
    public override IReadOnlyList<Attr> Writes { get; } = Array.AsReadOnly<Attr>([Attr.Morph]);

    /// <inheritdoc />
    protected override string? GoldLabel(Doc doc, int i) => doc[i].Morph;

    /// <inheritdoc />
    protected override void SetLabel(Doc doc, int i, string label) => doc[i].Morph = label;
}
