using System.Numerics.Tensors;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// A fully connected layer y = W x + b over a batch of rows (row-major: row r of x is x[r*Inputs..]). Stateless
/// between calls, so the caller keeps the input for <see cref="Backward"/>; several threads may run
/// <see cref="Forward"/> at once.
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
        var w = Weights.Value;
        for (var r = 0; r < rows; r++)
        {
            var input = x.Slice(r * Inputs, Inputs);
            for (var o = 0; o < Outputs; o++)
            {
                y[(r * Outputs) + o] = TensorPrimitives.Dot(w.AsSpan(o * Inputs, Inputs), input) + Bias.Value[o];
            }
        }

        return y;
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

        var dx = new float[rows * Inputs];
        var w = Weights.Value;
        var dw = Weights.Gradient;
        for (var r = 0; r < rows; r++)
        {
            var input = x.Slice(r * Inputs, Inputs);
            var dInput = dx.AsSpan(r * Inputs, Inputs);
            var dOut = dy.Slice(r * Outputs, Outputs);
            TensorPrimitives.Add(Bias.Gradient, dOut, Bias.Gradient);
            for (var o = 0; o < Outputs; o++)
            {
                var g = dOut[o];
                var gradRow = dw.AsSpan(o * Inputs, Inputs);
                TensorPrimitives.MultiplyAdd(input, g, gradRow, gradRow);
                TensorPrimitives.MultiplyAdd(w.AsSpan(o * Inputs, Inputs), g, dInput, dInput);
            }
        }

        return dx;
    }

    private static int Rows(int length, int width, string what) =>
        length % width == 0 ? length / width
            : throw TransformerErrors.ShapeMismatch($"The {what}", $"has {length} values, which is not a whole number of rows of {width}");
}
