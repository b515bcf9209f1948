using System.Globalization;
using System.Text.Json;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// Training settings of a neural head, from its factory config (meta.json's pipeline_args or C#): sizes of the
/// network, dropout, Adam's learning rate, docs per optimizer step, the seed and the decay of the weights' moving
/// average (0: none). Loading a trained head reads its
/// sizes from the saved file instead.
/// </summary>
internal sealed record HeadSettings(int Hidden, int Projection, int Radius, int EmbeddingRows, int EmbeddingWidth, float Dropout, float LearningRate, int Batch, int Seed, float Average)
{
    /// <summary>Reads the settings; a value out of range is E260-style E268 naming the component and key.</summary>
    public static HeadSettings From(string component, IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new HeadSettings(
            Int(component, config, "hidden", 256, 1, 4096),
            Int(component, config, "projection", 128, 1, 4096),
            Int(component, config, "radius", 2, 0, 16),
            Int(component, config, "embedding_rows", 1 << 16, 1, NetworkShape.MaxSize),
            Int(component, config, "embedding_width", 32, 1, 1024),
            Float(component, config, "dropout", 0.2f, 0, 0.9f),
            Float(component, config, "learning_rate", 1e-3f, 1e-6f, 1),
            Int(component, config, "batch", 8, 1, 4096),
            Int(component, config, "seed", 0, 0, int.MaxValue),
            Float(component, config, "average", 0.999f, 0, 0.99999f));
    }

    internal static int Int(string component, IReadOnlyDictionary<string, object?> config, string key, int fallback, int min, int max)
    {
        var value = !config.TryGetValue(key, out var raw) || raw is null ? fallback : raw switch
        {
            int i => i,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var parsed) => parsed,
            _ => throw TransformerErrors.BadHeadSetting(component, key, $"must be a whole number, not {raw}"),
        };
        return value >= min && value <= max ? value
            : throw TransformerErrors.BadHeadSetting(component, key, string.Create(CultureInfo.InvariantCulture, $"is {value}; it must be between {min} and {max}"));
    }

    internal static bool Bool(string component, IReadOnlyDictionary<string, object?> config, string key, bool fallback) =>
        !config.TryGetValue(key, out var raw) || raw is null ? fallback : raw switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.False } => false,
            _ => throw TransformerErrors.BadHeadSetting(component, key, $"must be true or false, not {raw}"),
        };

    internal static float Float(string component, IReadOnlyDictionary<string, object?> config, string key, float fallback, float min, float max)
    {
        var value = !config.TryGetValue(key, out var raw) || raw is null ? fallback : raw switch
        {
            float f => f,
            double d => (float)d,
            int i => i,
            string s when float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetSingle(),
            _ => throw TransformerErrors.BadHeadSetting(component, key, $"must be a number, not {raw}"),
        };
        return value >= min && value <= max ? value
            : throw TransformerErrors.BadHeadSetting(component, key, string.Create(CultureInfo.InvariantCulture, $"is {value}; it must be between {min} and {max}"));
    }
}
