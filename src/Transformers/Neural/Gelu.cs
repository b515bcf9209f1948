using System.Numerics.Tensors;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// GELU, the nonlinearity of BERT's feed-forward layers, in its tanh form:
/// gelu(x) = x/2 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3))).
/// </summary>
public static class Gelu
{
    private const float C = 0.7978845608f; // sqrt(2 / pi)
    private const float A = 0.044715f;

    /// <summary>Writes gelu(x) into <paramref name="y"/> (same length).</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Check(x.Length, y.Length);
        var t = Inner(x);
        TensorPrimitives.Tanh(t, t);
        TensorPrimitives.Add(t, 1f, t);
        TensorPrimitives.Multiply(x, t, y);
        TensorPrimitives.Multiply(y, 0.5f, y);
    }

    /// <summary>Writes dL/dx = dL/dy * gelu'(x) into <paramref name="dx"/>, given the forward input <paramref name="x"/>.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        Check(x.Length, dy.Length);
        Check(x.Length, dx.Length);
        var t = Inner(x);
        TensorPrimitives.Tanh(t, t);
        for (var i = 0; i < x.Length; i++)
        {
            // d/dx [x/2 (1 + tanh u)] = (1 + tanh u)/2 + x/2 (1 - tanh^2 u) * C (1 + 3 A x^2)
            var v = x[i];
            var th = t[i];
            var derivative = (0.5f * (1 + th)) + (0.5f * v * (1 - (th * th)) * C * (1 + (3 * A * v * v)));
            dx[i] = dy[i] * derivative;
        }
    }

    private static float[] Inner(ReadOnlySpan<float> x)
    {
        var u = new float[x.Length];
        TensorPrimitives.Multiply(x, x, u);
        TensorPrimitives.Multiply(u, x, u);
        TensorPrimitives.MultiplyAdd(u, A, x, u);
        TensorPrimitives.Multiply(u, C, u);
        return u;
    }

    private static void Check(int expected, int actual)
    {
        if (expected != actual)
        {
            throw TransformerErrors.ShapeMismatch("A GELU buffer", $"has {actual} values; it must have {expected}, like the input");
        }
    }
}
