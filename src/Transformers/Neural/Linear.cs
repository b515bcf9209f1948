using System.Numerics.Tensors;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// A fully connected layer y = W x + b over a batch of rows (row-major: row r of x is x[r*Inputs..]). Stateless
/// between calls, so the caller keeps the input for <see cref="Backward"/>; several threads may run
/// <see cref="Forward(ReadOnlySpan{float})"/> at once.
/// </summary>
public sealed class Linear
{
    /// <summary>Creates a layer with Glorot-uniform weights drawn from <paramref name="random"/> and zero bias.</summary>
    public Linear(int inputs, int outputs, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        ArgumentNullException.ThrowIfNull(random);
        Inputs = inputs;
        Outputs = outputs;
        Weights = new Parameter(inputs * outputs);
        Bias = new Parameter(outputs);
        var limit = MathF.Sqrt(6f / (inputs + outputs));
        for (var i = 0; i < Weights.Value.Length; i++)
        {
            Weights.Value[i] = ((2 * random.NextSingle()) - 1) * limit;
        }
    }

    /// <summary>The input width.</summary>
    public int Inputs { get; }

    /// <summary>The output width.</summary>
    public int Outputs { get; }

    /// <summary>W, row-major [Outputs, Inputs]: output o's weights are Weights.Value[o*Inputs..].</summary>
    public Parameter Weights { get; }

    /// <summary>b, one per output.</summary>
    public Parameter Bias { get; }

    /// <summary>The layer's parameters, for an optimizer.</summary>
    public IReadOnlyList<Parameter> Parameters => [Weights, Bias];

    /// <summary>Computes y ([rows, Outputs]) from x ([rows, Inputs]).</summary>
    public float[] Forward(ReadOnlySpan<float> x)
    {
        var rows = Rows(x.Length, Inputs, "input");
        var y = new float[rows * Outputs];
        Forward(x, y);
        return y;
    }

    /// <summary>Writes y ([rows, Outputs]) from x ([rows, Inputs]) into <paramref name="y"/>, allocating nothing.</summary>
    public void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        var rows = Rows(x.Length, Inputs, "input");
        if (y.Length != rows * Outputs)
        {
            throw TransformerErrors.ShapeMismatch("The output buffer", $"has {y.Length} values; it must be {rows} rows of {Outputs}");
        }

        var (w, b, n, m) = (Weights.Value, Bias.Value, Inputs, Outputs);
        var r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            var block = x.Slice(r * n, 4 * n);
            for (var o = 0; o < m; o++)
            {
                var (d0, d1, d2, d3) = RowKernels.Dot4(w.AsSpan(o * n, n), block);
                y[(r * m) + o] = d0 + b[o];
                y[((r + 1) * m) + o] = d1 + b[o];
                y[((r + 2) * m) + o] = d2 + b[o];
                y[((r + 3) * m) + o] = d3 + b[o];
            }
        }

        for (; r < rows; r++)
        {
            var input = x.Slice(r * n, n);
            for (var o = 0; o < m; o++)
            {
                y[(r * m) + o] = TensorPrimitives.Dot(w.AsSpan(o * n, n), input) + b[o];
            }
        }
    }

    /// <summary>
    /// Given the forward input <paramref name="x"/> and the loss's gradient <paramref name="dy"/> with respect to y,
    /// adds the weights' and bias's gradients to their <see cref="Parameter.Gradient"/> and returns the gradient with respect to x.
    /// </summary>
    public float[] Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy)
    {
        var rows = Rows(x.Length, Inputs, "input");
        if (dy.Length != rows * Outputs)
        {
            throw TransformerErrors.ShapeMismatch("The output gradient", $"has {dy.Length} values; it must be {rows} rows of {Outputs}");
        }

        var (w, dw, n, m) = (Weights.Value, Weights.Gradient, Inputs, Outputs);
        var dx = new float[rows * n];
        var r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            var block = x.Slice(r * n, 4 * n);
            var dBlock = dx.AsSpan(r * n, 4 * n);
            for (var o = 0; o < m; o++)
            {
                var (g0, g1, g2, g3) = (dy[(r * m) + o], dy[((r + 1) * m) + o], dy[((r + 2) * m) + o], dy[((r + 3) * m) + o]);
                Bias.Gradient[o] += g0 + g1 + g2 + g3;
                RowKernels.AddScaled4(dw.AsSpan(o * n, n), g0, g1, g2, g3, block);
                RowKernels.Scatter4(w.AsSpan(o * n, n), g0, g1, g2, g3, dBlock);
            }
        }

        for (; r < rows; r++)
        {
            var input = x.Slice(r * n, n);
            var dInput = dx.AsSpan(r * n, n);
            var dOut = dy.Slice(r * m, m);
            TensorPrimitives.Add(Bias.Gradient, dOut, Bias.Gradient);
            for (var o = 0; o < m; o++)
            {
                var g = dOut[o];
                var gradRow = dw.AsSpan(o * n, n);
                TensorPrimitives.MultiplyAdd(input, g, gradRow, gradRow);
                TensorPrimitives.MultiplyAdd(w.AsSpan(o * n, n), g, dInput, dInput);
            }
        }

        return dx;
    }

    private static int Rows(int length, int width, string what) =>
        length % width == 0 ? length / width
            : throw TransformerErrors.ShapeMismatch($"The {what}", $"has {length} values, which is not a whole number of rows of {width}");
}
