using System.Numerics.Tensors;
using Pipeline.Components;
using Pipeline.Serialization;
using Pipeline.Tokens;
using Pipeline.Training;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// A trainable neural dependency parser ("trf_parser") over the encoder's vectors on <see cref="Doc.Tensor"/> and
/// hashed lexical features: a deep biaffine graph parser (<see cref="ParserNetwork"/>, Dozat and Manning 2017)
/// trained with Adam on the cross-entropy of each token's head (softmax over all heads and the root) and of its
/// label given the gold head. Decoding takes the maximum spanning tree of the heads' log-probabilities with exactly
/// one root (<see cref="SpanningTree"/>, crossing arcs allowed), then each token's best label given its head: the
/// root gets the label the training data gives roots, the others any other label. Each sentence already marked on
/// the doc is parsed on its own (the whole doc when none is); it sets <see cref="Token.Head"/>,
/// <see cref="Token.Dep"/> and the sentence starts, and saves to its folder (model.bin).
/// </summary>
public sealed class NeuralParser : ITrainable, IDeclaresAttributes, IDiskSerializable
{
    /// <summary>The factory name.</summary>
    public const string FactoryName = "trf_parser";

    private static readonly byte[] Magic = "PLPARS01"u8.ToArray();
    private readonly HeadSettings _settings;
    private readonly (int Arc, int Label, int Distance, int Layers, int Heads) _sizes;
    private ParserNetwork? _network;
    private BatchedAdam? _adam;
    private Random? _dropout;
    private List<string> _labels = [];
    private Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>An untrained parser with the settings of <paramref name="config"/> (docs/transformers.md).</summary>
    public NeuralParser(IReadOnlyDictionary<string, object?> config)
    {
        _settings = HeadSettings.From(FactoryName, config);
        _sizes = (
            HeadSettings.Int(FactoryName, config, "arc_size", 256, 1, 4096),
            HeadSettings.Int(FactoryName, config, "label_size", 64, 1, 4096),
            HeadSettings.Int(FactoryName, config, "max_distance", 20, 1, 512),
            HeadSettings.Int(FactoryName, config, "attention_layers", 0, 0, 8),
            HeadSettings.Int(FactoryName, config, "attention_heads", 4, 1, 64));
        if (_sizes.Layers > 0 && _settings.Hidden % _sizes.Heads != 0)
        {
            throw TransformerErrors.BadHeadSetting(FactoryName, "attention_heads", $"is {_sizes.Heads}, which does not divide 'hidden' ({_settings.Hidden})");
        }
    }

    /// <inheritdoc />
    public string Name => FactoryName;

    /// <summary>The dependency labels; the first is the one written on roots.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <inheritdoc />
    public IReadOnlyList<Attr> Reads { get; } = Array.AsReadOnly<Attr>([Attr.Orth, Attr.SentStart]);

    /// <inheritdoc />
    public IReadOnlyList<Attr> Writes { get; } = Array.AsReadOnly<Attr>([Attr.Head, Attr.Dep, Attr.SentStart]);

    /// <inheritdoc />
    public Doc Process(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var network = _network ?? throw TransformerErrors.HeadNotTrained(Name);
        if (doc.Length == 0)
        {
            return doc;
        }

        var vectors = TokenVectors.Of(Name, doc, network.Shape.VectorWidth);
        var ids = LexicalFeatures.Of(doc);
        foreach (var (start, n) in Segments(doc))
        {
            var a = Forward(network, vectors, ids, start, n, null);
            Write(doc, start, a, Decode(a));
        }

        return doc;
    }

    /// <inheritdoc />
    public void Initialize(IEnumerable<Doc> golds)
    {
        ArgumentNullException.ThrowIfNull(golds);
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        var roots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var gold in golds)
        {
            for (var i = 0; i < gold.Length; i++)
            {
                if (gold[i].Dep is { Length: > 0 } label)
                {
                    labels.Add(label);
                    if (gold[i].HeadIndex == i)
                    {
                        roots[label] = roots.GetValueOrDefault(label) + 1;
                    }
                }
            }
        }

        // The roots' most frequent label (UD's "root") comes first: decoding writes it on every root.
        var root = roots.Count == 0 ? Components.Parsing.Parser.RootLabel
            : roots.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        labels.Remove(root);
        SetLabels([root, .. labels]);
        _network = null; // Built at the first update, when the encoder's width is known.
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
            var shape = new ParserShape(TokenVectors.WidthToTrain(Name, predicted), s.EmbeddingRows, s.EmbeddingWidth, s.Projection, s.Radius, s.Hidden, _sizes.Arc, _sizes.Label, _sizes.Distance, _labels.Count, _sizes.Layers, _sizes.Heads);
            _network = new ParserNetwork(shape, s.Seed);
            _adam = new BatchedAdam(_network.Parameters, s.LearningRate, s.Batch);
        }

        var network = _network;
        var vectors = TokenVectors.Of(Name, predicted, network.Shape.VectorWidth);
        var ids = LexicalFeatures.Of(predicted);
        var (errors, count) = (0, 0);
        foreach (var (start, n) in Segments(predicted))
        {
            var a = Forward(network, vectors, ids, start, n, _dropout);
            var heads = Decode(a);
            var labels = Write(predicted, start, a, heads);
            var (rows, goldHeads, goldLabels) = Targets(gold, start, n);
            if (rows.Count == 0)
            {
                continue;
            }

            // Arcs: each labelled token's softmax over its heads; labels: scored given the gold heads.
            var dScores = HeadInputs.RowsGradient(a.Scores, n + 1, rows, goldHeads);
            var labelHeads = (int[])heads.Clone();
            for (var j = 0; j < rows.Count; j++)
            {
                labelHeads[rows[j]] = goldHeads[j];
            }

            var l = network.Label(a, labelHeads);
            network.Backward(a, dScores, l, HeadInputs.RowsGradient(l.Logits, _labels.Count, rows, goldLabels));
            count += rows.Count;
            errors += rows.Where((r, j) => heads[r] != goldHeads[j] || labels[r] != goldLabels[j]).Count();
        }

        if (count > 0)
        {
            _adam!.Added();
        }

        return new TrainingLoss(errors, count);
    }

    /// <inheritdoc />
    public void FinishTraining()
    {
        _adam?.Finish();
    }

    /// <inheritdoc />
    public void ToDisk(string directory)
    {
        var network = _network ?? throw TransformerErrors.HeadNotTrained(Name);
        HeadModelFile.Write(directory, Magic, network.Shape.Values, _labels, network.Parameters);
    }

    /// <inheritdoc />
    public void FromDisk(string directory)
    {
        var (network, labels) = HeadModelFile.Read(
            directory,
            Magic,
            ParserShape.Count,
            (i, value) => value >= (i is 4 or 10 ? 0 : 1) && value <= NetworkShape.MaxSize && (i switch { 4 => 16, 10 => 8, 11 => 64, 6 or 7 or 8 => 4096, _ => int.MaxValue }) >= value,
            sizes => (ParserShape.From(sizes).Labels, ParserShape.From(sizes).Floats),
            (sizes, labels) => sizes[5] % sizes[11] == 0 ? (new ParserNetwork(ParserShape.From(sizes), 0), labels)
                : throw TransformerErrors.BadHeadModel(Path.Combine(directory, HeadModelFile.FileName), $"its {sizes[11]} attention heads do not divide its hidden width {sizes[5]}"),
            read => read.Item1.Parameters);
        _network = network;
        SetLabels(labels);
        _adam = null;
    }

    // The marked sentences as (start, length); the whole doc when none is marked after its first token.
    private static IEnumerable<(int Start, int Length)> Segments(Doc doc)
    {
        var start = 0;
        for (var i = 1; i <= doc.Length; i++)
        {
            if (i == doc.Length || doc[i].IsSentStart == true)
            {
                yield return (start, i - start);
                start = i;
            }
        }
    }

    private static ParserNetwork.Activations Forward(ParserNetwork network, ReadOnlySpan<float> vectors, ulong[] ids, int start, int n, Random? dropout, float rate = 0)
    {
        var width = network.Shape.VectorWidth;
        return network.Forward(vectors.Slice(start * width, n * width), ids[(start * LexicalFeatures.Count)..((start + n) * LexicalFeatures.Count)], n, dropout, rate);
    }

    // The best single-rooted tree of the heads' log-probabilities.
    private static int[] Decode(ParserNetwork.Activations a)
    {
        var n = a.Tokens;
        var logProbabilities = new float[a.Scores.Length];
        for (var i = 0; i < n; i++)
        {
            var row = a.Scores.AsSpan(i * (n + 1), n + 1);
            var max = TensorPrimitives.Max(row);
            var output = logProbabilities.AsSpan(i * (n + 1), n + 1);
            TensorPrimitives.Subtract(row, max, output);
            var sum = 0f;
            foreach (var s in output)
            {
                sum += MathF.Exp(s);
            }

            TensorPrimitives.Subtract(output, MathF.Log(sum), output);
        }

        return SpanningTree.Decode(logProbabilities, n);
    }

    private void SetLabels(List<string> labels)
    {
        _labels = labels;
        _index = HeadInputs.LabelIndex(_labels);
    }

    private ParserNetwork.Activations Forward(ParserNetwork network, ReadOnlySpan<float> vectors, ulong[] ids, int start, int n, Random? dropout) =>
        Forward(network, vectors, ids, start, n, dropout, dropout is null ? 0 : _settings.Dropout);

    // The tokens of a segment with a gold label the model knows and a gold head inside the segment (n: the root).
    private (List<int> Rows, List<int> Heads, List<int> Labels) Targets(Doc gold, int start, int n)
    {
        var (rows, heads, labels) = (new List<int>(n), new List<int>(n), new List<int>(n));
        for (var i = 0; i < n; i++)
        {
            var token = gold[start + i];
            var head = token.HeadIndex - start;
            if (_index.TryGetValue(token.Dep, out var label) && head >= 0 && head < n)
            {
                rows.Add(i);
                heads.Add(head == i ? n : head);
                labels.Add(label);
            }
        }

        return (rows, heads, labels);
    }

    // Writes the tree and each token's best label (the root label on the root only) and returns the label indexes.
    private int[] Write(Doc doc, int start, ParserNetwork.Activations a, int[] heads)
    {
        var n = a.Tokens;
        var scores = _network!.Label(a, heads).Logits;
        var classes = _labels.Count;
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = heads[i] == n || classes == 1 ? 0 : 1 + TensorPrimitives.IndexOfMax(scores.AsSpan((i * classes) + 1, classes - 1));
            var token = doc[start + i];
            token.HeadIndex = heads[i] == n ? start + i : start + heads[i];
            token.Dep = _labels[labels[i]];
            token.IsSentStart = i == 0;
        }

        return labels;
    }
}
