using System.Numerics.Tensors;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// A residual multi-head self-attention layer over a sentence's rows, y = x + Wo [head_1 .. head_H], where head h is
/// softmax(Q_h K_h^T / sqrt(d) + B_h) V_h and B_h a learned score per clipped signed distance between two tokens
/// (so order is seen without position vectors). It gives each token a view of the whole sentence, which a window of
/// neighbours does not.
/// </summary>
public sealed class SelfAttention
{
    /// <summary>Creates a layer of <paramref name="width"/> values split into <paramref name="heads"/> heads.</summary>
    public SelfAttention(int width, int heads, int maxDistance, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDistance, 0);
        if (width % heads != 0)
        {
            throw TransformerErrors.ShapeMismatch($"A self-attention width of {width}", $"does not split into {heads} heads");
        }

        (Width, Heads, MaxDistance) = (width, heads, maxDistance);
        Query = new Linear(width, width, random);
        Key = new Linear(width, width, random);
        Value = new Linear(width, width, random);
        Output = new Linear(width, width, random);
        TensorPrimitives.Multiply(Output.Weights.Value, 0.5f, Output.Weights.Value);
        Distances = new Parameter(heads * ((2 * maxDistance) + 1));
    }

    /// <summary>The row width.</summary>
    public int Width { get; }

    /// <summary>The number of heads.</summary>
    public int Heads { get; }

    /// <summary>Signed distances with their own score; farther ones share the last.</summary>
    public int MaxDistance { get; }

    /// <summary>The query projection.</summary>
    public Linear Query { get; }

    /// <summary>The key projection.</summary>
    public Linear Key { get; }

    /// <summary>The value projection.</summary>
    public Linear Value { get; }

    /// <summary>The projection of the joined heads back to the rows.</summary>
    public Linear Output { get; }

    /// <summary>Per head, a score for each clipped signed distance -MaxDistance..MaxDistance.</summary>
    public Parameter Distances { get; }

    /// <summary>Every trainable array, in file order.</summary>
    public IReadOnlyList<Parameter> Parameters => [.. Query.Parameters, .. Key.Parameters, .. Value.Parameters, .. Output.Parameters, Distances];

    /// <summary>Computes y from the rows <paramref name="x"/> ([rows, Width]).</summary>
    public Activations Forward(float[] x)
    {
        var (q, k, v) = (Query.Forward(x), Key.Forward(x), Value.Forward(x));
        var n = q.Length / Width;
        var size = Width / Heads;
        var scale = 1 / MathF.Sqrt(size);
        var p = new float[Heads * n * n];
        var o = new float[n * Width];
        for (var h = 0; h < Heads; h++)
        {
            for (var i = 0; i < n; i++)
            {
                var row = p.AsSpan(((h * n) + i) * n, n);
                var qi = q.AsSpan((i * Width) + (h * size), size);
                for (var j = 0; j < n; j++)
                {
                    row[j] = (TensorPrimitives.Dot(qi, k.AsSpan((j * Width) + (h * size), size)) * scale) + Distances.Value[Bucket(h, i, j)];
                }

                TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), row);
                TensorPrimitives.SoftMax(row, row);
                var oi = o.AsSpan((i * Width) + (h * size), size);
                for (var j = 0; j < n; j++)
                {
                    TensorPrimitives.MultiplyAdd(v.AsSpan((j * Width) + (h * size), size), row[j], oi, oi);
                }
            }
        }

        var y = Output.Forward(o);
        TensorPrimitives.Add(y, x, y);
        return new Activations(x, q, k, v, p, o, y);
    }

    /// <summary>Adds every parameter's gradient given dL/dy and returns dL/dx.</summary>
    public float[] Backward(Activations a, ReadOnlySpan<float> dy)
    {
        var n = a.X.Length / Width;
        var size = Width / Heads;
        var scale = 1 / MathF.Sqrt(size);
        var dOut = Output.Backward(a.O, dy);
        var (dq, dk, dv) = (new float[a.Q.Length], new float[a.K.Length], new float[a.V.Length]);
        var dp = new float[n];
        for (var h = 0; h < Heads; h++)
        {
            for (var i = 0; i < n; i++)
            {
                var row = a.P.AsSpan(((h * n) + i) * n, n);
                var doi = dOut.AsSpan((i * Width) + (h * size), size);
                for (var j = 0; j < n; j++)
                {
                    dp[j] = TensorPrimitives.Dot(doi, a.V.AsSpan((j * Width) + (h * size), size));
                    var dvj = dv.AsSpan((j * Width) + (h * size), size);
                    TensorPrimitives.MultiplyAdd(doi, row[j], dvj, dvj);
                }

                // Softmax: dS_j = P_j (dP_j - sum_k P_k dP_k).
                var mean = TensorPrimitives.Dot(row, dp);
                var dqi = dq.AsSpan((i * Width) + (h * size), size);
                var qi = a.Q.AsSpan((i * Width) + (h * size), size);
                for (var j = 0; j < n; j++)
                {
                    var ds = row[j] * (dp[j] - mean);
                    Distances.Gradient[Bucket(h, i, j)] += ds;
                    TensorPrimitives.MultiplyAdd(a.K.AsSpan((j * Width) + (h * size), size), ds * scale, dqi, dqi);
                    var dkj = dk.AsSpan((j * Width) + (h * size), size);
                    TensorPrimitives.MultiplyAdd(qi, ds * scale, dkj, dkj);
                }
            }
        }

        var dx = dy.ToArray();
        TensorPrimitives.Add(dx, Query.Backward(a.X, dq), dx);
        TensorPrimitives.Add(dx, Key.Backward(a.X, dk), dx);
        TensorPrimitives.Add(dx, Value.Backward(a.X, dv), dx);
        return dx;
    }

    private int Bucket(int head, int i, int j) => (head * ((2 * MaxDistance) + 1)) + MaxDistance + Math.Clamp(j - i, -MaxDistance, MaxDistance);

    /// <summary>What <see cref="Forward"/> computed, for <see cref="Backward"/>; <see cref="Y"/> is the output.</summary>
    public sealed record Activations(float[] X, float[] Q, float[] K, float[] V, float[] P, float[] O, float[] Y);
}
