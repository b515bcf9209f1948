namespace Pipeline.Transformers.Heads.Entities;

/// <summary>The sizes of an <see cref="EntityNetwork"/>.</summary>
/// <param name="VectorWidth">The encoder's vector width (doc.TensorWidth).</param>
/// <param name="EmbeddingRows">Rows of the hashed lexical embedding table.</param>
/// <param name="EmbeddingWidth">Width of each lexical feature's vector.</param>
/// <param name="Width">Width of each token's row in the network.</param>
/// <param name="Depth">The number of residual window layers (the context each token sees: Depth * Radius each side).</param>
/// <param name="Radius">Neighbours on each side in each window layer.</param>
/// <param name="Labels">The number of entity labels (the classes are 1 + 4 * Labels, BILUO).</param>
/// <param name="Layers">Self-attention layers over the doc after the window layers (0: none).</param>
/// <param name="AttentionHeads">Heads of each self-attention layer (they split <paramref name="Width"/>).</param>
/// <param name="Distance">Signed distances with their own attention score (farther ones share the last).</param>
internal sealed record EntityShape(int VectorWidth, int EmbeddingRows, int EmbeddingWidth, int Width, int Depth, int Radius, int Labels, int Layers, int AttentionHeads, int Distance)
{
    /// <summary>The number of fields in a saved model.</summary>
    public const int Count = 10;

    /// <summary>The BILUO classes.</summary>
    public int Classes => BiluoDecoder.ClassCount(Labels);

    /// <summary>The fields in file order.</summary>
    public int[] Values => [VectorWidth, EmbeddingRows, EmbeddingWidth, Width, Depth, Radius, Labels, Layers, AttentionHeads, Distance];

    /// <summary>The number of floats of all parameters, from the sizes alone (to check a file before allocating).</summary>
    public long Floats =>
        ((long)EmbeddingRows * EmbeddingWidth)
        + Layer(VectorWidth + (EntityFeatures.Count * EmbeddingWidth), Width)
        + (Depth * Layer(((2 * Radius) + 1) * Width, Width))
        + (Layers * ((4 * Layer(Width, Width)) + (AttentionHeads * ((2L * Distance) + 1))))
        + Layer(Width, Classes);

    /// <summary>Reads the fields in file order.</summary>
    public static EntityShape From(ReadOnlySpan<int> v) => new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);

    private static long Layer(long inputs, long outputs) => (inputs * outputs) + outputs;
}
