using Pipeline.Tokens;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// The "trf_tagger" component: universal part-of-speech tags (UPOS, <c>token.Pos</c>) from the transformer's
/// token vectors and lexical features (see <see cref="NeuralTokenClassifier"/>).
/// </summary>
public sealed class NeuralTagger : NeuralTokenClassifier
{
    /// <summary>The factory name, as used in meta.json's "pipeline".</summary>
    public const string FactoryName = "trf_tagger";

    /// <summary>Creates an untrained tagger (settings: docs/transformers.md).</summary>
    public NeuralTagger(IReadOnlyDictionary<string, object?> config)
        : base(config)
    {
    }

    /// <inheritdoc />
    public override string Name => FactoryName;

    /// <inheritdoc />
    public override IReadOnlyList<Attr> Writes { get; } = Array.AsReadOnly<Attr>([Attr.Pos]);

    /// <inheritdoc />
    protected override string? GoldLabel(Doc doc, int i) => doc[i].Pos is { Length: > 0 } pos ? pos : null;

    /// <inheritdoc />
    protected override void SetLabel(Doc doc, int i, string label) => doc[i].Pos = label;
}
