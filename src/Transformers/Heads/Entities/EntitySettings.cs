namespace Pipeline.Transformers.Heads.Entities;

/// <summary>
/// Training settings of "trf_ner", from its factory config: the network's sizes, dropout (of input values, and of whole lexical features), Adam's learning rate and its half-life in training docs (0: constant), docs
/// per optimizer step and the seed (docs/transformers.md). A value out of range is E268 naming the key. Loading a
/// trained recognizer reads its sizes from the saved file instead.
/// </summary>
internal sealed record EntitySettings(int Width, int Depth, int Radius, int EmbeddingRows, int EmbeddingWidth, float Dropout, float FeatureDropout, float LearningRate, int Batch, int Seed, float Average, int AttentionLayers, int AttentionHeads, int MaxDistance, int HalfLife)
{
    /// <summary>Reads the settings of component <paramref name="component"/>.</summary>
    public static EntitySettings From(string component, IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new EntitySettings(
            HeadSettings.Int(component, config, "width", 128, 1, 4096),
            HeadSettings.Int(component, config, "depth", 2, 0, 16),
            HeadSettings.Int(component, config, "radius", 1, 0, 16),
            HeadSettings.Int(component, config, "embedding_rows", 1 << 16, 1, NetworkShape.MaxSize),
            HeadSettings.Int(component, config, "embedding_width", 32, 1, 1024),
            HeadSettings.Float(component, config, "dropout", 0.2f, 0, 0.9f),
            HeadSettings.Float(component, config, "feature_dropout", 0f, 0, 0.9f),
            HeadSettings.Float(component, config, "learning_rate", 1e-3f, 1e-6f, 1),
            HeadSettings.Int(component, config, "batch", 8, 1, 4096),
            HeadSettings.Int(component, config, "seed", 0, 0, int.MaxValue),
            HeadSettings.Float(component, config, "average", 0.999f, 0, 0.99999f),
            HeadSettings.Int(component, config, "attention_layers", 0, 0, 8),
            HeadSettings.Int(component, config, "attention_heads", 4, 1, 64),
            HeadSettings.Int(component, config, "max_distance", 20, 1, 512),
            HeadSettings.Int(component, config, "learning_rate_half_life", 0, 0, int.MaxValue));
    }
}
