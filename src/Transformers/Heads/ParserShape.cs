namespace Pipeline.Transformers.Heads;

/// <summary>The sizes of a <see cref="ParserNetwork"/>.</summary>
/// <param name="VectorWidth">The encoder's vector width (doc.TensorWidth).</param>
/// <param name="EmbeddingRows">Rows of the hashed lexical embedding table.</param>
/// <param name="EmbeddingWidth">Width of each lexical feature's vector.</param>
/// <param name="Projection">Width of each token's projection, before the window.</param>
/// <param name="Radius">Tokens on each side of a token in its window.</param>
/// <param name="Hidden">Width of the hidden layer over the window.</param>
/// <param name="Arc">Width of the arc-dependent and arc-head vectors.</param>
/// <param name="Label">Width of the label-dependent and label-head vectors.</param>
/// <param name="Distance">Signed head distances with their own learned score (farther ones share the last).</param>
/// <param name="Labels">The number of dependency labels.</param>
/// <param name="Layers">Self-attention layers over the sentence (0: the window network gives the four vectors directly).</param>
/// <param name="AttentionHeads">Heads of each self-attention layer (they split <paramref name="Hidden"/>).</param>
internal sealed record ParserShape(int VectorWidth, int EmbeddingRows, int EmbeddingWidth, int Projection, int Radius, int Hidden, int Arc, int Label, int Distance, int Labels, int Layers, int AttentionHeads)
{
    /// <summary>The number of sizes in a saved model.</summary>
    public const int Count = 12;

    /// <summary>The width of the four vectors of a token together.</summary>
    public int Vectors => (2 * Arc) + (2 * Label);

    /// <summary>The token network's shape: its outputs are the four vectors, or the attention layers' rows (Hidden wide).</summary>
    public NetworkShape Tokens => new(VectorWidth, EmbeddingRows, EmbeddingWidth, Projection, Radius, Hidden, Layers == 0 ? Vectors : Hidden);

    /// <summary>The fields in file order.</summary>
    public int[] Values => [VectorWidth, EmbeddingRows, EmbeddingWidth, Projection, Radius, Hidden, Arc, Label, Distance, Labels, Layers, AttentionHeads];

    /// <summary>The number of floats of every parameter, from the sizes alone (to check a file before allocating).</summary>
    public long Floats => Tokens.Floats
        + (Layers == 0 ? 0 : (Layers * ((4 * (((long)Hidden * Hidden) + Hidden)) + (AttentionHeads * ((2L * Distance) + 1)))) + ((long)Hidden * Vectors) + Vectors)
        + ((long)Arc * Arc) + Arc + Arc + Label + ((2 * Distance) + 1) + (((3L * Label) + 1) * Labels);

    /// <summary>Reads the fields in file order.</summary>
    public static ParserShape From(ReadOnlySpan<int> v) => new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
}
