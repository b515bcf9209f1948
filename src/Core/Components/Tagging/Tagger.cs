using System.Buffers;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Tagging;

/// <summary>
/// A part-of-speech tagger (factory "tagger"): a greedy left-to-right averaged perceptron that predicts the
/// universal tag (<see cref="Token.Pos"/>) and the language-specific tag (<see cref="Token.Tag"/>) of each token
/// from the word, its affixes and shape, its neighbours, their ambiguity classes and the previous predictions. The
/// two tags are scored by two heads over one shared feature table, so each feature is looked up once. Frequent
/// words that training always tags the same way are tagged from a dictionary. Train it with <see cref="Train"/> (or
/// <see cref="Initialize"/>, <see cref="Update"/>, <see cref="FinishTraining"/>); it is saved as <c>model.bin</c>
/// in its directory. <see cref="Process"/> is safe for concurrent use.
/// </summary>
public sealed partial class Tagger : ModelComponent, IPipe, IDeclaresAttributes
{
    /// <summary>The name of the factory that creates taggers.</summary>
    public const string FactoryName = "tagger";

    /// <summary>Config key: the share of features left out of each training decision (see <see cref="DropRate"/>).</summary>
    public const string DropRateKey = "drop_rate";

    private string[] _pos = [];
    private string[] _tags = [];
    private ulong[] _posHashes = [];
    private ulong[] _tagHashes = [];
    private Dictionary<ulong, (int Pos, int Tag)> _tagDictionary = [];
    private Dictionary<ulong, ulong> _ambiguity = [];
    private AveragedPerceptron? _model;
    private AveragedPerceptron? _second;
    private float _secondMargin = float.PositiveInfinity;
    private readonly AddedLabels _labelsAdded = new();

    /// <summary>Creates an untrained tagger.</summary>
    public Tagger(string name = FactoryName)
        : base(name)
    {
    }

    /// <inheritdoc />
    public IReadOnlyList<Attr> Reads { get; } = Array.AsReadOnly<Attr>([Attr.Orth]);

    /// <inheritdoc />
    public IReadOnlyList<Attr> Writes { get; } = Array.AsReadOnly<Attr>([Attr.Pos, Attr.Tag]);

    /// <summary>Creates a tagger from a factory config: "drop_rate" (optional number, E022 unless from 0 up to 1).</summary>
    public static Tagger FromConfig(IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var dropRate = ConfigValues.GetDouble(config, FactoryName, DropRateKey, 0);
        return FeatureDropout.IsRate(dropRate)
            ? new Tagger { DropRate = dropRate }
            : throw Errors.BadConfig(FactoryName, DropRateKey, $"must be at least 0 and below 1, not {dropRate}");
    }

    /// <summary>Whether the tagger has a model (trained or loaded).</summary>
    public bool IsTrained => _model is not null;

    /// <summary>The language-specific tags (XPOS) it can predict, sorted; for meta.json.</summary>
    public IReadOnlyList<string> Labels => Array.AsReadOnly(_tags);

    /// <summary>The universal tags (UPOS) it can predict, sorted.</summary>
    public IReadOnlyList<string> PosLabels => Array.AsReadOnly(_pos);

    /// <summary>How many word forms the tag dictionary tags without the model.</summary>
    public int TagDictionarySize => _tagDictionary.Count;

    /// <summary>
    /// Sets <see cref="Token.Pos"/> and, when the model knows language-specific tags, <see cref="Token.Tag"/> of
    /// every token (E063 when untrained).
    /// </summary>
    public Doc Process(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var model = _model ?? throw Errors.NotTrained(Name);
        var n = doc.Length;
        if (n == 0)
        {
            return doc;
        }

        EnsureLabels(doc.Vocab.Strings);
        var lex = ArrayPool<LexicalFeatures>.Shared.Rent(n);
        var predicted = ArrayPool<int>.Shared.Rent(4 * n);
        var margins = ArrayPool<float>.Shared.Rent(n);
        try
        {
            Lexicalize(doc, lex);
            var words = lex.AsSpan(0, n);
            var pos = predicted.AsSpan(0, n);
            var tags = predicted.AsSpan(n, n);
            Decode(model, words, pos, tags, new Pass { Margins = margins.AsSpan(0, n) });
            if (SecondPass && _second is { } second)
            {
                var firstPos = predicted.AsSpan(2 * n, n);
                var firstTags = predicted.AsSpan(3 * n, n);
                pos.CopyTo(firstPos);
                tags.CopyTo(firstTags);
                Decode(second, words, pos, tags, new Pass
                {
                    FirstPos = firstPos,
                    FirstTags = firstTags,
                    Margins = margins.AsSpan(0, n),
                    Threshold = _secondMargin,
                });
            }

            var posColumn = Doc.Ensure(ref doc.PosColumn, n);
            for (var i = 0; i < n; i++)
            {
                posColumn[i] = _posHashes[pos[i]];
            }

            if (_tags.Length > 0)
            {
                var tagColumn = Doc.Ensure(ref doc.TagColumn, n);
                for (var i = 0; i < n; i++)
                {
                    tagColumn[i] = _tagHashes[tags[i]];
                }
            }
        }
        finally
        {
            ArrayPool<LexicalFeatures>.Shared.Return(lex);
            ArrayPool<int>.Shared.Return(predicted);
            ArrayPool<float>.Shared.Return(margins);
        }

        return doc;
    }

    private protected override byte[] SaveModel() => TaggerFormatter.Instance.Write(
        new TaggerSavedState(_pos, _tags, _tagDictionary, _ambiguity, _model ?? throw Errors.NotTrained(Name), _second, _secondMargin));

    private protected override void LoadModel(ReadOnlyMemory<byte> data, string source)
    {
        var state = TaggerFormatter.Instance.Read(data, source);
        SetLabels(state.Pos, state.Tags);
        _tagDictionary = state.TagDictionary;
        _ambiguity = state.Ambiguity;
        _model = state.Model;
        _second = state.Second;
        _secondMargin = state.SecondMargin;
        _posIndex = null;
        _tagIndex = null;
    }

    private void SetLabels(string[] pos, string[] tags)
    {
        _pos = pos;
        _tags = tags;
        _posHashes = Array.ConvertAll(pos, p => StringStore.Hash(p));
        _tagHashes = Array.ConvertAll(tags, t => StringStore.Hash(t));
        _labelsAdded.Reset();
    }

    private void EnsureLabels(StringStore strings) => _labelsAdded.EnsureIn(strings, _pos.Concat(_tags));

    private static void Lexicalize(Doc doc, Span<LexicalFeatures> lex)
    {
        var strings = doc.Vocab.Strings;
        var orth = doc.OrthColumn;
        for (var i = 0; i < orth.Length; i++)
        {
            lex[i] = LexicalFeatures.Get(strings, orth[i]);
        }
    }
}
