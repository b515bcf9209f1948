using System.IO.Hashing;
using System.Reflection;
using Microsoft.ML.OnnxRuntime;

namespace Pipeline.Transformers;

/// <summary>
/// A BERT-family encoder in ONNX Runtime with its WordPiece vocabulary: encodes windows of piece ids (each opened
/// by [CLS] and closed by [SEP]) into one vector per piece. Thread-safe: ONNX Runtime sessions allow concurrent runs.
/// </summary>
internal sealed class OnnxEncoder : IDisposable
{
    private const string ResourcePrefix = "resource:";
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly bool _typeIds;

    private OnnxEncoder(InferenceSession session, WordPieceTokenizer tokenizer, string source, string[]? layerOutputs)
    {
        _session = session;
        Tokenizer = tokenizer;
        var inputs = session.InputMetadata.Keys.ToHashSet(StringComparer.Ordinal);
        if (!inputs.Contains("input_ids") || !inputs.Contains("attention_mask"))
        {
            throw TransformerErrors.BadModel(source, $"its inputs are {string.Join(", ", inputs)}");
        }

        _typeIds = inputs.Contains("token_type_ids");
        _inputNames = _typeIds ? ["input_ids", "attention_mask", "token_type_ids"] : ["input_ids", "attention_mask"];
        _outputNames = layerOutputs ?? [session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state" : session.OutputNames[0]];
        Width = Encode([[tokenizer.ClsId, tokenizer.SepId]], source)[0].Length / 2;
    }

    /// <summary>The encoder's WordPiece tokenizer.</summary>
    public WordPieceTokenizer Tokenizer { get; }

    /// <summary>A hash of the graph's and the vocabulary's bytes: two encoders with equal hashes encode alike.</summary>
    public UInt128 ContentHash { get; private init; }

    /// <summary>The length of each piece vector (384 for all-MiniLM-L6-v2).</summary>
    public int Width { get; }

    /// <summary>Loads the encoder named by <paramref name="config"/>: an assembly's embedded resources or two files.</summary>
    public static OnnxEncoder Load(TransformerConfig config)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = config.Threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        // Idle threads sleep rather than spin: on a small shared machine spinning takes cores from other work.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        if (config.ModelPath is { } modelPath && config.VocabPath is { } vocabPath)
        {
            if (!File.Exists(modelPath))
            {
                throw TransformerErrors.FileMissing("model_path", modelPath);
            }

            if (!File.Exists(vocabPath))
            {
                throw TransformerErrors.FileMissing("vocab_path", vocabPath);
            }

            var fileHash = new XxHash128();
            WordPieceTokenizer tokenizer;
            var vocabBytes = File.ReadAllBytes(vocabPath);
            fileHash.Append(vocabBytes);
            using (var vocab = new MemoryStream(vocabBytes))
            {
                tokenizer = WordPieceTokenizer.FromStream(vocab, vocabPath, config.Lowercase, config.StripAccents);
            }

            var graphBytes = File.ReadAllBytes(modelPath);
            fileHash.Append(graphBytes);
            return Open(graphBytes, config, options, tokenizer, modelPath, fileHash.GetCurrentHashAsUInt128());
        }

        var name = (config.Encoder ?? TransformerConfig.DefaultEncoder)[ResourcePrefix.Length..];
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(name));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            throw TransformerErrors.ResourceMissing(name, $"the app references no assembly '{name}' ({e.Message.TrimEnd('.')})");
        }

        var resources = assembly.GetManifestResourceNames();
        var modelResource = resources.FirstOrDefault(r => r.EndsWith("model.onnx", StringComparison.OrdinalIgnoreCase))
            ?? throw TransformerErrors.ResourceMissing(name, "the assembly embeds no resource ending in model.onnx");
        var vocabResource = resources.FirstOrDefault(r => r.EndsWith("vocab.txt", StringComparison.OrdinalIgnoreCase))
            ?? throw TransformerErrors.ResourceMissing(name, "the assembly embeds no resource ending in vocab.txt");
        var source = $"{name}:{modelResource}";
        var hash = new XxHash128();
        WordPieceTokenizer wordPiece;
        using (var vocab = new MemoryStream())
        {
            using (var resource = assembly.GetManifestResourceStream(vocabResource)!)
            {
                resource.CopyTo(vocab);
            }

            hash.Append(vocab.GetBuffer().AsSpan(0, (int)vocab.Length));
            vocab.Position = 0;
            wordPiece = WordPieceTokenizer.FromStream(vocab, $"{name}:{vocabResource}", config.Lowercase, config.StripAccents);
        }

        byte[] model;
        using (var stream = assembly.GetManifestResourceStream(modelResource)!)
        {
            model = new byte[stream.Length];
            stream.ReadExactly(model);
        }

        hash.Append(model);
        return Open(model, config, options, wordPiece, source, hash.GetCurrentHashAsUInt128());
    }

    /// <summary>
    /// Encodes windows of piece ids (padded together into one batch) and returns, per window, its pieces' vectors
    /// row by row (<see cref="Width"/> floats per piece, [CLS] and [SEP] included).
    /// </summary>
    public float[][] Encode(IReadOnlyList<int[]> windows, string source = "encoder")
    {
        var batch = windows.Count;
        var length = windows.Max(w => w.Length);
        var ids = new long[batch * length];
        var mask = new long[batch * length];
        for (var b = 0; b < batch; b++)
        {
            var window = windows[b];
            var row = b * length;
            for (var i = 0; i < length; i++)
            {
                ids[row + i] = i < window.Length ? window[i] : Tokenizer.PadId;
                mask[row + i] = i < window.Length ? 1 : 0;
            }
        }

        long[] shape = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typeValue = _typeIds ? OrtValue.CreateTensorValueFromMemory(new long[batch * length], shape) : null;
        OrtValue[] inputs = typeValue is null ? [idsValue, maskValue] : [idsValue, maskValue, typeValue];
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputNames, inputs, _outputNames);
        var width = 0;
        var result = new float[batch][];
        for (var k = 0; k < outputs.Count; k++)
        {
            var output = outputs[k];
            var outShape = output.GetTensorTypeAndShape().Shape;
            if (outShape.Length != 3 || outShape[0] != batch || outShape[1] != length || (k > 0 && outShape[2] != width))
            {
                throw TransformerErrors.BadModel(source, $"its output '{_outputNames[k]}' has shape [{string.Join(", ", outShape)}], not [{batch}, {length}, width]");
            }

            width = (int)outShape[2];
            var data = output.GetTensorDataAsSpan<float>();
            for (var b = 0; b < batch; b++)
            {
                var rows = data.Slice(b * length * width, windows[b].Length * width);
                if (k == 0)
                {
                    result[b] = rows.ToArray();
                }
                else
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(result[b], rows, result[b]);
                }
            }
        }

        if (outputs.Count > 1)
        {
            // The mean of the layers.
            foreach (var rows in result)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(rows, 1f / outputs.Count, rows);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    // The graph, its weights quantized when the config asks, then with its last layers' outputs exposed (averaged by
    // Encode) when it asks for more than the last. The content hash is of the bytes as shipped.
    private static OnnxEncoder Open(byte[] model, TransformerConfig config, SessionOptions options, WordPieceTokenizer tokenizer, string source, UInt128 contentHash)
    {
        if (config.Quantize == TransformerConfig.Int8)
        {
            if (OnnxInt8Quantizer.Quantize(model) is not var (quantized, count))
            {
                // Not a graph at all: ONNX Runtime's own message (E264) says more than ours would.
                Create(() => new InferenceSession(model, options), tokenizer, source, contentHash, null).Dispose();
                throw TransformerErrors.BadModel(source, "it holds no graph");
            }

            if (count == 0)
            {
                throw TransformerErrors.NothingToQuantize(source);
            }

            model = quantized;
        }

        var layers = config.Layers;
        if (layers == 1)
        {
            return Create(() => new InferenceSession(model, options), tokenizer, source, contentHash, null);
        }

        if (OnnxLayerOutputs.Expose(model, layers) is not var (exposed, names))
        {
            // Not a graph at all is the format error E264; a graph without findable layers is the setting's fault.
            Create(() => new InferenceSession(model, options), tokenizer, source, contentHash, null).Dispose();
            throw TransformerErrors.BadSetting("layers", $"is {layers}, but the layers of {source} cannot be found or it has fewer (use 1, the last layer alone)");
        }

        return Create(() => new InferenceSession(exposed, options), tokenizer, source, contentHash, names);
    }

    private static OnnxEncoder Create(Func<InferenceSession> open, WordPieceTokenizer tokenizer, string source, UInt128 contentHash, string[]? layerOutputs)
    {
        InferenceSession session;
        try
        {
            session = open();
        }
        catch (OnnxRuntimeException e)
        {
            throw TransformerErrors.BadModel(source, $"ONNX Runtime cannot load it ({e.Message.TrimEnd('.')})", e);
        }

        try
        {
            return new OnnxEncoder(session, tokenizer, source, layerOutputs) { ContentHash = contentHash };
        }
        catch (OnnxRuntimeException e)
        {
            session.Dispose();
            throw TransformerErrors.BadModel(source, $"running it on [CLS] [SEP] failed ({e.Message.TrimEnd('.')})", e);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
