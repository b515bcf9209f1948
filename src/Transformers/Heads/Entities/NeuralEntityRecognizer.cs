using System.Numerics.Tensors;
using Pipeline.Components;
using Pipeline.Serialization;
using Pipeline.Tokens;
using Pipeline.Training;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads.Entities;

/// <summary>
/// A trainable named-entity recognizer (factory "trf_ner") over the encoder's vectors on <see cref="Doc.Tensor"/>
/// and hashed lexical features, through an <see cref="EntityNetwork"/> trained with Adam on per-token softmax
/// cross-entropy over BILUO classes; a moving average of the weights (as the other heads keep) is what it predicts
/// with and saves. Decoding is Viterbi over the valid BILUO transitions, so the output is always a
/// set of well-formed spans; it writes them as the perceptron "ner" does (token.EntIob, token.EntType, Doc.Ents).
/// Entities already in the doc (from an entity_ruler, say) are kept: only the tokens between them are labelled. It
/// takes part in training like the other components (<see cref="ITrainable"/>) and saves to its folder (model.bin).
/// A doc without vectors is refused (E269).
/// </summary>
public sealed class NeuralEntityRecognizer : ITrainable, IDeclaresAttributes, IDiskSerializable
{
    /// <summary>The factory name.</summary>
    public const string FactoryName = "trf_ner";

    private readonly EntitySettings _settings;
    private EntityNetwork? _network;
    private EntityNetwork? _average;
    private BatchedAdam? _adam;
    private Random? _dropout;
    private long _docs;
    private List<string> _labels = [];
    private Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>An untrained recognizer with the settings of <paramref name="config"/> (docs/transformers.md).</summary>
    public NeuralEntityRecognizer(IReadOnlyDictionary<string, object?> config)
    {
        _settings = EntitySettings.From(FactoryName, config);
        if (_settings.AttentionLayers > 0 && _settings.Width % _settings.AttentionHeads != 0)
        {
            throw TransformerErrors.BadHeadSetting(FactoryName, "attention_heads", $"is {_settings.AttentionHeads}, which does not divide 'width' ({_settings.Width})");
        }
    }

    /// <inheritdoc />
    public string Name => FactoryName;

    /// <inheritdoc />
    public IReadOnlyList<string> Labels => _labels;

    /// <inheritdoc />
    public IReadOnlyList<Attr> Reads { get; } = Array.AsReadOnly<Attr>([Attr.Orth, Attr.EntIob, Attr.EntType]);

    /// <inheritdoc />
    public IReadOnlyList<Attr> Writes { get; } = Array.AsReadOnly<Attr>([Attr.EntIob, Attr.EntType]);

    /// <inheritdoc />
    public Doc Process(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var network = _average ?? _network ?? throw TransformerErrors.HeadNotTrained(Name);
        if (doc.Length > 0)
        {
            var logits = network.Forward(Vectors(doc, network), EntityFeatures.Of(doc), doc.Length).Logits;
            Write(doc, Decode(doc, logits));
        }

        return doc;
    }

    /// <inheritdoc />
    public void Initialize(IEnumerable<Doc> golds)
    {
        ArgumentNullException.ThrowIfNull(golds);
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var gold in golds)
        {
            foreach (var ent in gold.Ents)
            {
                labels.Add(ent.Label);
            }
        }

        _labels = [.. labels];
        _index = HeadInputs.LabelIndex(_labels);
        _network = null; // Built at the first update, when the encoder's width is known.
        _average = null;
        _adam = null;
        _dropout = new Random(_settings.Seed + 1);
        _docs = 0;
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

        if (predicted.Length != gold.Length)
        {
            throw TransformerErrors.ShapeMismatch($"The predicted doc of {Name}", $"has {predicted.Length} tokens; its gold doc has {gold.Length}");
        }

        if (_network is null)
        {
            var s = _settings;
            _network = new EntityNetwork(new EntityShape(TokenVectors.WidthToTrain(Name, predicted), s.EmbeddingRows, s.EmbeddingWidth, s.Width, s.Depth, s.Radius, _labels.Count, s.AttentionLayers, s.AttentionHeads, s.MaxDistance), s.Seed);
            _adam = new BatchedAdam(_network.Parameters, s.LearningRate, s.Batch, UpdateAverage);
            if (s.Average > 0)
            {
                _average = new EntityNetwork(_network.Shape, s.Seed);
                MovingAverage.Reset(_average.Parameters, _network.Parameters);
            }
        }

        var network = _network;
        var ids = EntityFeatures.Of(predicted);
        EntityFeatures.Drop(ids, _dropout!, _settings.FeatureDropout);
        var activations = network.Forward(Vectors(predicted, network), ids, predicted.Length, _dropout, _settings.Dropout);
        var fixedTokens = Fixed(predicted);
        var golds = GoldClasses(gold);
        var predictions = Decode(predicted, activations.Logits, fixedTokens);
        var classes = network.Shape.Classes;
        var rows = Enumerable.Range(0, golds.Length).Where(i => golds[i] >= 0 && !fixedTokens[i]).ToList();
        var errors = rows.Count(i => predictions[i] != golds[i]);
        if (rows.Count > 0)
        {
            // The loss of the annotated tokens outside existing entities only; the others get no gradient.
            var dLogits = HeadInputs.RowsGradient(activations.Logits, classes, rows, [.. rows.Select(i => golds[i])]);
            network.Backward(activations, dLogits);
            _adam!.Added();
            if (_settings.HalfLife > 0)
            {
                // Halves the step size every HalfLife training docs, so the later epochs refine rather than overfit.
                _adam.LearningRate = _settings.LearningRate * MathF.Pow(0.5f, ++_docs / (float)_settings.HalfLife);
            }
        }

        Write(predicted, predictions);
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
        EntityModelFile.Write(directory, _average ?? _network ?? throw TransformerErrors.HeadNotTrained(Name), _labels);
    }

    /// <inheritdoc />
    public void FromDisk(string directory)
    {
        var (network, labels) = EntityModelFile.Read(directory);
        _network = network;
        _average = null;
        _labels = labels;
        _index = HeadInputs.LabelIndex(_labels);
        _adam = null;
    }

    // After each optimizer step: the moving average of the weights, which the trained recognizer predicts with and saves.
    private void UpdateAverage(int steps)
    {
        if (_average is not null)
        {
            MovingAverage.Update(_average.Parameters, _network!.Parameters, _settings.Average, steps);
        }
    }

    private ReadOnlySpan<float> Vectors(Doc doc, EntityNetwork network) => TokenVectors.Of(Name, doc, network.Shape.VectorWidth);

    // Tokens of entities the doc already has (B or I with a type); the recognizer leaves them alone.
    private static bool[] Fixed(Doc doc)
    {
        var result = new bool[doc.Length];
        for (var i = 0; i < doc.Length; i++)
        {
            result[i] = doc[i].EntIobId is 1 or 3 && doc[i].EntTypeId != 0;
        }

        return result;
    }

    private int[] Decode(Doc doc, float[] logits, bool[]? fixedTokens = null) => Decode(logits, _labels.Count, fixedTokens ?? Fixed(doc));

    /// <summary>
    /// The best valid BILUO classes of every token from the scores, each run of tokens between existing entities
    /// decoded on its own (so no predicted entity touches one); existing entities' tokens get -1.
    /// </summary>
    internal static int[] Decode(float[] logits, int labels, bool[] fixedTokens)
    {
        var classes = BiluoDecoder.ClassCount(labels);
        var n = fixedTokens.Length;
        var logProbabilities = new float[logits.Length];
        for (var i = 0; i < n; i++)
        {
            var row = logProbabilities.AsSpan(i * classes, classes);
            TensorPrimitives.SoftMax(logits.AsSpan(i * classes, classes), row);
            TensorPrimitives.Log(row, row);
        }

        var result = new int[n];
        for (var start = 0; start < n;)
        {
            if (fixedTokens[start])
            {
                result[start++] = -1;
                continue;
            }

            var end = start;
            while (end < n && !fixedTokens[end])
            {
                end++;
            }

            BiluoDecoder.Decode(logProbabilities.AsSpan(start * classes, (end - start) * classes), classes, result.AsSpan(start, end - start));
            start = end;
        }

        return result;
    }

    // The gold class of every token: -1 where the IOB code is unset, O for labels the recognizer does not know.
    private int[] GoldClasses(Doc gold)
    {
        var classes = new int[gold.Length];
        for (var i = 0; i < classes.Length; i++)
        {
            classes[i] = gold[i].EntIobId == 0 ? -1 : BiluoDecoder.Outside;
        }

        foreach (var ent in gold.Ents)
        {
            if (!_index.TryGetValue(ent.Label, out var label))
            {
                continue;
            }

            for (var i = ent.Start; i < ent.End; i++)
            {
                var kind = ent.Length == 1 ? BiluoDecoder.Unit : i == ent.Start ? BiluoDecoder.Begin : i == ent.End - 1 ? BiluoDecoder.Last : BiluoDecoder.Inside;
                classes[i] = BiluoDecoder.Class(label, kind);
            }
        }

        return classes;
    }

    // Writes the decoded classes as IOB codes and entity types, leaving existing entities (-1) alone.
    private void Write(Doc doc, int[] classes)
    {
        var strings = doc.Vocab.Strings;
        for (var i = 0; i < doc.Length; i++)
        {
            var cls = classes[i];
            if (cls < 0)
            {
                continue;
            }

            if (cls == BiluoDecoder.Outside)
            {
                doc.SetEntity(i, 2, 0);
                continue;
            }

            var begins = BiluoDecoder.KindOf(cls) is BiluoDecoder.Begin or BiluoDecoder.Unit;
            doc.SetEntity(i, begins ? (byte)3 : (byte)1, strings.Add(_labels[BiluoDecoder.LabelOf(cls)]));
        }
    }
}
