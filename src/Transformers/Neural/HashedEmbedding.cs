using System.Numerics.Tensors;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// A table of learned vectors looked up by hashed feature ids (the "hash embedding" of spaCy's tok2vec): each row of
/// the output concatenates the vectors of that row's <see cref="Features"/> ids, so unseen words still get vectors
/// from their shape, prefix and suffix. Ids are reduced modulo <see cref="Rows"/>.
/// </summary>
public sealed class HashedEmbedding
{
    /// <summary>Creates a table of small random vectors drawn from <paramref name="random"/>.</summary>
    public HashedEmbedding(int rows, int dimensions, int features, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        ArgumentNullException.ThrowIfNull(random);
        Rows = rows;
        Dimensions = dimensions;
        Features = features;
        Table = new Parameter(rows * dimensions);
        for (var i = 0; i < Table.Value.Length; i++)
        {
            Table.Value[i] = ((2 * random.NextSingle()) - 1) * 0.1f;
        }
    }

    /// <summary>The number of vectors in the table.</summary>
    public int Rows { get; }

    /// <summary>The length of each vector.</summary>
    public int Dimensions { get; }

    /// <summary>Feature ids per output row.</summary>
    public int Features { get; }

    /// <summary>The output width: <see cref="Features"/> * <see cref="Dimensions"/>.</summary>
    public int Outputs => Features * Dimensions;

    /// <summary>The vectors, row-major [Rows, Dimensions].</summary>
    public Parameter Table { get; }

    /// <summary>Looks up <paramref name="ids"/> ([rows, Features]) and returns [rows, Outputs].</summary>
    public float[] Forward(ReadOnlySpan<ulong> ids)
    {
        var rows = Check(ids.Length);
        var y = new float[rows * Outputs];
        for (var i = 0; i < ids.Length; i++)
        {
            Row(Table.Value, ids[i]).CopyTo(y.AsSpan(i * Dimensions, Dimensions));
        }

        return y;
    }

    /// <summary>Adds the gradient <paramref name="dy"/> ([rows, Outputs]) to the looked-up vectors' gradients.</summary>
    public void Backward(ReadOnlySpan<ulong> ids, ReadOnlySpan<float> dy)
    {
        var rows = Check(ids.Length);
        if (dy.Length != rows * Outputs)
        {
            throw TransformerErrors.ShapeMismatch("The embedding gradient", $"has {dy.Length} values; it must be {rows} rows of {Outputs}");
        }

        for (var i = 0; i < ids.Length; i++)
        {
            var gradient = Row(Table.Gradient, ids[i]);
            TensorPrimitives.Add(gradient, dy.Slice(i * Dimensions, Dimensions), gradient);
        }
    }

    private Span<float> Row(float[] table, ulong id) => table.AsSpan((int)(id % (ulong)Rows) * Dimensions, Dimensions);

    private int Check(int ids) => ids % Features == 0 ? ids / Features
        : throw TransformerErrors.ShapeMismatch("The feature ids", $"are {ids}, which is not a whole number of rows of {Features}");
}
