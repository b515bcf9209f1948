namespace Pipeline.Transformers.Heads;

/// <summary>The sizes of a <see cref="TokenWindowNetwork"/>.</summary>
/// <param name="VectorWidth">The encoder's vector width (doc.TensorWidth).</param>
/// <param name="EmbeddingRows">Rows of the hashed lexical embedding table.</param>
/// <param name="EmbeddingWidth">Width of each lexical feature's vector.</param>
/// <param name="Projection">Width of each token's projection, before the window.</param>
/// <param name="Radius">Tokens on each side of a token in its window.</param>
/// <param name="Hidden">Width of the hidden layer over the window.</param>
/// <param name="Classes">The number of labels.</param>
internal sealed record NetworkShape(int VectorWidth, int EmbeddingRows, int EmbeddingWidth, int Projection, int Radius, int Hidden, int Classes)
{
    /// <summary>The largest size any field may have in a saved model (a bound on what a file can make us allocate).</summary>
    public const int MaxSize = 1 << 20;

    /// <summary>Tokens per window.</summary>
    public int Window => (2 * Radius) + 1;

    /// <summary>The fields in file order.</summary>
    public int[] Values => [VectorWidth, EmbeddingRows, EmbeddingWidth, Projection, Radius, Hidden, Classes];

    /// <summary>The number of floats of every parameter, from the sizes alone (to check a file before allocating).</summary>
    public long Floats => ((long)EmbeddingRows * EmbeddingWidth)
        + Layer(VectorWidth + (LexicalFeatures.Count * EmbeddingWidth), Projection)
        + Layer(Window * Projection, Hidden)
        + Layer(Hidden, Classes);

    /// <summary>Reads the fields in file order.</summary>
    public static NetworkShape From(ReadOnlySpan<int> v) => new(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);

    private static long Layer(int inputs, int outputs) => ((long)inputs * outputs) + outputs;
}
