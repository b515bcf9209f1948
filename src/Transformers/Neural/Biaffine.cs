using System.Numerics.Tensors;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// The biaffine arc scorer of Dozat and Manning's parser: s(i, j) = d_i · (U h_j) + b · h_j for every dependent row
/// d_i ([rows, Size]) and candidate head row h_j ([columns, Size]). The bilinear term scores how well a pair fits;
/// the linear term is each head's prior of taking dependents. U starts at zero, so the first scores are the prior's.
/// </summary>
public sealed class Biaffine
{
    /// <summary>Creates a scorer over vectors of <paramref name="size"/> values, with small random weights.</summary>
    public Biaffine(int size, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentNullException.ThrowIfNull(random);
        Size = size;
        Weights = new Parameter(size * size);
        Bias = new Parameter(size);
        var limit = MathF.Sqrt(3f / size) / size;
        for (var i = 0; i < Weights.Value.Length; i++)
        {
            Weights.Value[i] = ((2 * random.NextSingle()) - 1) * limit;
        }
    }

    /// <summary>The width of the dependent and head vectors.</summary>
    public int Size { get; }

    /// <summary>U, row-major [Size, Size]: row a holds the weights of the dependent's value a.</summary>
    public Parameter Weights { get; }

    /// <summary>b, the head prior's weights.</summary>
    public Parameter Bias { get; }

    /// <summary>The scorer's parameters, for an optimizer.</summary>
    public IReadOnlyList<Parameter> Parameters => [Weights, Bias];

    /// <summary>Returns the scores [rows, columns] of dependents <paramref name="d"/> against heads <paramref name="h"/>.</summary>
    public float[] Forward(ReadOnlySpan<float> d, ReadOnlySpan<float> h)
    {
        var (rows, columns) = (Rows(d.Length, "dependent"), Rows(h.Length, "head"));
        var q = Query(d, rows);
        var s = new float[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            var qi = q.AsSpan(i * Size, Size);
            for (var j = 0; j < columns; j++)
            {
                s[(i * columns) + j] = TensorPrimitives.Dot(qi, h.Slice(j * Size, Size));
            }
        }

        return s;
    }

    /// <summary>
    /// Given the forward inputs and the loss's gradient <paramref name="ds"/> with respect to the scores, adds U's
    /// and b's gradients and returns the gradients with respect to <paramref name="d"/> and <paramref name="h"/>.
    /// </summary>
    public (float[] DD, float[] DH) Backward(ReadOnlySpan<float> d, ReadOnlySpan<float> h, ReadOnlySpan<float> ds)
    {
        var (rows, columns) = (Rows(d.Length, "dependent"), Rows(h.Length, "head"));
        if (ds.Length != rows * columns)
        {
            throw TransformerErrors.ShapeMismatch("The score gradient", $"has {ds.Length} values; it must be {rows} rows of {columns}");
        }

        var q = Query(d, rows);
        var dq = new float[rows * Size];
        var dh = new float[columns * Size];
        var dd = new float[rows * Size];
        var (u, du) = (Weights.Value, Weights.Gradient);
        for (var i = 0; i < rows; i++)
        {
            var dqi = dq.AsSpan(i * Size, Size);
            var qi = q.AsSpan(i * Size, Size);
            for (var j = 0; j < columns; j++)
            {
                var g = ds[(i * columns) + j];
                if (g != 0)
                {
                    TensorPrimitives.MultiplyAdd(h.Slice(j * Size, Size), g, dqi, dqi);
                    var dhj = dh.AsSpan(j * Size, Size);
                    TensorPrimitives.MultiplyAdd(qi, g, dhj, dhj);
                }
            }

            // q_i = U^T d_i + b: b gets dq_i, U's row a gets d_i[a] dq_i, and d_i[a] gets U's row a · dq_i.
            TensorPrimitives.Add(Bias.Gradient, dqi, Bias.Gradient);
            var di = d.Slice(i * Size, Size);
            for (var a = 0; a < Size; a++)
            {
                var row = du.AsSpan(a * Size, Size);
                TensorPrimitives.MultiplyAdd(dqi, di[a], row, row);
                dd[(i * Size) + a] = TensorPrimitives.Dot(u.AsSpan(a * Size, Size), dqi);
            }
        }

        return (dd, dh);
    }

    // q_i = U^T d_i + b, so that s(i, j) = q_i · h_j.
    private float[] Query(ReadOnlySpan<float> d, int rows)
    {
        var q = new float[rows * Size];
        var u = Weights.Value;
        for (var i = 0; i < rows; i++)
        {
            var qi = q.AsSpan(i * Size, Size);
            Bias.Value.CopyTo(qi);
            for (var a = 0; a < Size; a++)
            {
                var x = d[(i * Size) + a];
                if (x != 0)
                {
                    TensorPrimitives.MultiplyAdd(u.AsSpan(a * Size, Size), x, qi, qi);
                }
            }
        }

        return q;
    }

    private int Rows(int length, string what) => length % Size == 0 ? length / Size
        : throw TransformerErrors.ShapeMismatch($"The {what} vectors", $"have {length} values, which is not a whole number of rows of {Size}");
}
