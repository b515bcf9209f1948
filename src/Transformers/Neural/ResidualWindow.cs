using System.Numerics.Tensors;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// A residual convolution over a sequence of token rows (spaCy's window encoder, with a skip connection): row i of
/// the output is x[i] + gelu(W [x[i-r]; ...; x[i+r]] + b), zeros standing in for rows past either end. Stacking
/// d of them lets each token see d * r neighbours on each side, a sentence-level context at linear cost.
/// </summary>
public sealed class ResidualWindow
{
    /// <summary>Creates a layer over rows of <paramref name="width"/> values with <paramref name="radius"/> neighbours each side.</summary>
    public ResidualWindow(int width, int radius, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        Width = width;
        Radius = radius;
        Mix = new Linear(((2 * radius) + 1) * width, width, random);
    }

    /// <summary>The width of every row, in and out.</summary>
    public int Width { get; }

    /// <summary>Neighbours on each side of a row.</summary>
    public int Radius { get; }

    /// <summary>The layer over the concatenated window.</summary>
    public Linear Mix { get; }

    /// <summary>The trainable arrays.</summary>
    public IReadOnlyList<Parameter> Parameters => Mix.Parameters;

    /// <summary>Computes the output rows ([rows, Width]) and what <see cref="Backward"/> needs.</summary>
    public Activations Forward(float[] x)
    {
        var rows = x.Length / Width;
        if (rows * Width != x.Length)
        {
            throw TransformerErrors.ShapeMismatch("The window layer's input", $"has {x.Length} values, which is not a whole number of rows of {Width}");
        }

        var windows = Gather(x, rows);
        var pre = Mix.Forward(windows);
        var y = new float[pre.Length];
        Gelu.Forward(pre, y);
        TensorPrimitives.Add(y, x, y);
        return new Activations(windows, pre, y);
    }

    /// <summary>Adds the weights' gradients given dL/dy and returns dL/dx.</summary>
    public float[] Backward(Activations a, ReadOnlySpan<float> dy)
    {
        var dPre = new float[a.Pre.Length];
        Gelu.Backward(a.Pre, dy, dPre);
        var dWindows = Mix.Backward(a.Windows, dPre);
        var dx = dy.ToArray();
        Scatter(dWindows, dx, dx.Length / Width);
        return dx;
    }

    // Row i: rows i - Radius .. i + Radius of x, zeros outside.
    private float[] Gather(float[] x, int rows)
    {
        var span = (2 * Radius) + 1;
        var windows = new float[rows * span * Width];
        for (var i = 0; i < rows; i++)
        {
            for (var k = 0; k < span; k++)
            {
                var j = i + k - Radius;
                if (j >= 0 && j < rows)
                {
                    x.AsSpan(j * Width, Width).CopyTo(windows.AsSpan(((i * span) + k) * Width));
                }
            }
        }

        return windows;
    }

    // Adds each window slot's gradient to the row it was copied from.
    private void Scatter(float[] dWindows, float[] dx, int rows)
    {
        var span = (2 * Radius) + 1;
        for (var i = 0; i < rows; i++)
        {
            for (var k = 0; k < span; k++)
            {
                var j = i + k - Radius;
                if (j >= 0 && j < rows)
                {
                    var target = dx.AsSpan(j * Width, Width);
                    TensorPrimitives.Add(target, dWindows.AsSpan(((i * span) + k) * Width, Width), target);
                }
            }
        }
    }

    /// <summary>What <see cref="Forward"/> computed: the gathered windows, the pre-activations and the output <see cref="Y"/>.</summary>
    public sealed record Activations(float[] Windows, float[] Pre, float[] Y);
}
