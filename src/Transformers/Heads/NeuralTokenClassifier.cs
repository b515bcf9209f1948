using Pipeline.Components;
using Pipeline.Serialization;
using Pipeline.Tokens;
using Pipeline.Training;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// A trainable neural head that gives every token one label (a tag, a feature set) from the encoder's vectors on
/// <see cref="Doc.Tensor"/> and hashed lexical features, through a <see cref="TokenWindowNetwork"/> trained with
/// Adam on softmax cross-entropy. It takes part in <see cref="PipelineTrainer"/> like the perceptron components
/// (<see cref="ITrainable"/>) and saves to its folder (model.bin). A doc without vectors is refused (E269). Two
/// factories make one: "trf_tagger" (UPOS, token.Pos) and "trf_morphologizer" (UFeats, token.Morph, one label per
/// feature set as in spaCy's morphologizer). With "xpos" (the default) the tagger learns one joint label per (UPOS,
/// XPOS) pair of its training corpus and sets token.Tag beside token.Pos, so the parser and lemmatizer after it read
/// the language-specific tags as they do after the sm tagger; a corpus without XPOS, or "xpos": false, gives the UPOS
/// tagger, and a saved UPOS-only tagger loads and tags as before.
/// </summary>
public sealed class NeuralTokenClassifier : ITrainable, IDeclaresAttributes, IDiskSerializable
{
    /// <summary>The factory name of the UPOS tagger.</summary>
    public const string TaggerName = "trf_tagger";

    /// <summary>The factory name of the UFeats morphologizer.</summary>
    public const string MorphologizerName = "trf_morphologizer";

    /// <summary>The factory name of the lemmatizer.</summary>
    public const string LemmatizerName = "trf_lemmatizer";

    private readonly HeadTarget _target;
    private readonly HeadSettings _settings;
    private readonly bool _xpos;
    private TokenWindowNetwork? _network;
    private TokenWindowNetwork? _average;
    private BatchedAdam? _adam;
    private Random? _dropout;
    private List<string> _labels = [];
    private Dictionary<string, int> _index = new(StringComparer.Ordinal);

    private NeuralTokenClassifier(HeadTarget target, IReadOnlyDictionary<string, object?> config)
    {
        _target = target;
        _settings = HeadSettings.From(target.Name, config);
        _xpos = target == HeadTarget.UposXpos;
    }

    /// <inheritdoc />
    public string Name => _target.Name;

    /// <inheritdoc />
    public IReadOnlyList<string> Labels => _labels;

    /// <inheritdoc />
    public IReadOnlyList<Attr> Reads { get; } = Array.AsReadOnly<Attr>([Attr.Orth]);

    /// <summary>
    /// The attribute it sets; the tagger also sets token.Tag when it predicts XPOS (before training: when its config asks
    /// for XPOS; once trained or loaded: when its labels hold XPOS).
    /// </summary>
    public IReadOnlyList<Attr> Writes => _target.Attribute == Attr.Pos && (_labels.Count == 0 ? _xpos : _labels.Any(HeadTarget.IsJoint))
        ? [Attr.Pos, Attr.Tag]
        : [_target.Attribute];

    /// <summary>
    /// An untrained tagger ("trf_tagger") with the settings of <paramref name="config"/> (docs/transformers.md): UPOS and,
    /// unless "xpos" is false, XPOS where its training corpus has them.
    /// </summary>
    public static NeuralTokenClassifier Tagger(IReadOnlyDictionary<string, object?> config) =>
        new(HeadSettings.Bool(TaggerName, config ?? throw new ArgumentNullException(nameof(config)), "xpos", true) ? HeadTarget.UposXpos : HeadTarget.Upos, config);

    /// <summary>An untrained UFeats morphologizer ("trf_morphologizer") with the settings of <paramref name="config"/>.</summary>
    public static NeuralTokenClassifier Morphologizer(IReadOnlyDictionary<string, object?> config) => new(HeadTarget.UFeats, config);

    /// <summary>An untrained lemmatizer ("trf_lemmatizer"): one label per edit script of the sm lemmatizer (<see cref="HeadTarget.Lemma"/>).</summary>
    public static NeuralTokenClassifier Lemmatizer(IReadOnlyDictionary<string, object?> config) => new(HeadTarget.Lemma, config);

    /// <inheritdoc />
    public Doc Process(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var network = _average ?? _network ?? throw TransformerErrors.HeadNotTrained(Name);
        if (doc.Length == 0)
        {
            return doc;
        }

        var scores = network.Forward(Vectors(doc, network), LexicalFeatures.Of(doc), doc.Length).Logits;
        Label(doc, scores);
        return doc;
    }

    /// <inheritdoc />
    public void Initialize(IEnumerable<Doc> golds)
    {
        ArgumentNullException.ThrowIfNull(golds);
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var gold in golds)
        {
            for (var i = 0; i < gold.Length; i++)
            {
                if (_target.Gold(gold[i]) is { } label)
                {
                    labels.Add(label);
                }
            }
        }

        _labels = [.. labels];
        _index = HeadInputs.LabelIndex(_labels);
        _network = null; // Built at the first update, when the encoder's width is known.
        _average = null;
        _adam = null;
        _dropout = new Random(_settings.Seed + 1);
    }

    /// <inheritdoc />
    public TrainingLoss Update(Doc predicted, Doc gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        if (_labels.Count == 0 || predicted.Length == 0)
        {
            return default;
        }

        if (_network is null)
        {
            var s = _settings;
            _network = new TokenWindowNetwork(new NetworkShape(TokenVectors.WidthToTrain(Name, predicted), s.EmbeddingRows, s.EmbeddingWidth, s.Projection, s.Radius, s.Hidden, _labels.Count), s.Seed);
            _adam = new BatchedAdam(_network.Parameters, s.LearningRate, s.Batch, UpdateAverage);
            if (s.Average > 0)
            {
                _average = new TokenWindowNetwork(_network.Shape, s.Seed);
                MovingAverage.Reset(_average.Parameters, _network.Parameters);
            }
        }

        var network = _network;
        var activations = network.Forward(Vectors(predicted, network), LexicalFeatures.Of(predicted), predicted.Length, _dropout, _settings.Dropout);
        var rows = new List<int>(predicted.Length);
        var golds = new List<int>(predicted.Length);
        for (var i = 0; i < predicted.Length; i++)
        {
            if (_target.Gold(gold[i]) is { } label && _index.TryGetValue(label, out var k))
            {
                rows.Add(i);
                golds.Add(k);
            }
        }

        var classes = _labels.Count;
        var predictions = Label(predicted, activations.Logits);
        var errors = rows.Where((r, j) => predictions[r] != golds[j]).Count();
        if (rows.Count > 0)
        {
            // The loss of the labelled tokens only; unlabelled ones get no gradient.
            var dLogits = HeadInputs.RowsGradient(activations.Logits, classes, rows, golds);
            network.Backward(activations, dLogits);
            _adam!.Added();
        }

        return new TrainingLoss(errors, rows.Count);
    }

    /// <inheritdoc />
    public void FinishTraining()
    {
        _adam?.Finish();
    }

    /// <inheritdoc />
    public void ToDisk(string directory)
    {
        HeadModelFile.Write(directory, _average ?? _network ?? throw TransformerErrors.HeadNotTrained(Name), _labels);
    }

    /// <inheritdoc />
    public void FromDisk(string directory)
    {
        var (network, labels) = HeadModelFile.Read(directory);
        _network = network;
        _average = null;
        _labels = labels;
        _index = HeadInputs.LabelIndex(_labels);
        _adam = null;
    }

    // After each optimizer step: the moving average of the weights, which the trained head predicts with and saves.
    private void UpdateAverage(int steps)
    {
        if (_average is not null)
        {
            MovingAverage.Update(_average.Parameters, _network!.Parameters, _settings.Average, steps);
        }
    }

    private ReadOnlySpan<float> Vectors(Doc doc, TokenWindowNetwork network) => TokenVectors.Of(Name, doc, network.Shape.VectorWidth);

    // Sets each token's highest-scoring label and returns the label indexes.
    private int[] Label(Doc doc, float[] scores)
    {
        var classes = _labels.Count;
        var best = new int[doc.Length];
        for (var i = 0; i < doc.Length; i++)
        {
            best[i] = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(scores.AsSpan(i * classes, classes));
            _target.Set(doc[i], _labels[best[i]]);
        }

        return best;
    }
}
