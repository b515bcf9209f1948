using System.Numerics;
using System.Runtime.InteropServices;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// SIMD kernels over four consecutive rows at once, for <see cref="Linear"/>: a weight row is read once for four
/// input rows instead of once per row, which is what bounds a small layer's speed (its weights do not stay in the
/// L1 cache). A block is four rows of the weight row's length, one after another.
/// </summary>
internal static class RowKernels
{
    /// <summary>The dot products of <paramref name="w"/> with the four rows of <paramref name="block"/>.</summary>
    public static (float, float, float, float) Dot4(ReadOnlySpan<float> w, ReadOnlySpan<float> block)
    {
        var n = w.Length;
        var vw = MemoryMarshal.Cast<float, Vector<float>>(w);
        var v0 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(0, n));
        var v1 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(n, n));
        var v2 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(2 * n, n));
        var v3 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(3 * n, n));
        Vector<float> s0 = default, s1 = default, s2 = default, s3 = default;
        for (var i = 0; i < vw.Length; i++)
        {
            var a = vw[i];
            s0 = Vector.FusedMultiplyAdd(a, v0[i], s0);
            s1 = Vector.FusedMultiplyAdd(a, v1[i], s1);
            s2 = Vector.FusedMultiplyAdd(a, v2[i], s2);
            s3 = Vector.FusedMultiplyAdd(a, v3[i], s3);
        }

        float r0 = Vector.Sum(s0), r1 = Vector.Sum(s1), r2 = Vector.Sum(s2), r3 = Vector.Sum(s3);
        for (var i = vw.Length * Vector<float>.Count; i < n; i++)
        {
            r0 += w[i] * block[i];
            r1 += w[i] * block[n + i];
            r2 += w[i] * block[(2 * n) + i];
            r3 += w[i] * block[(3 * n) + i];
        }

        return (r0, r1, r2, r3);
    }

    /// <summary>target += a0 x0 + a1 x1 + a2 x2 + a3 x3, where x0..x3 are the rows of <paramref name="block"/>.</summary>
    public static void AddScaled4(Span<float> target, float a0, float a1, float a2, float a3, ReadOnlySpan<float> block)
    {
        var n = target.Length;
        var vt = MemoryMarshal.Cast<float, Vector<float>>(target);
        var v0 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(0, n));
        var v1 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(n, n));
        var v2 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(2 * n, n));
        var v3 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(3 * n, n));
        Vector<float> b0 = new(a0), b1 = new(a1), b2 = new(a2), b3 = new(a3);
        for (var i = 0; i < vt.Length; i++)
        {
            var t = Vector.FusedMultiplyAdd(b0, v0[i], vt[i]);
            t = Vector.FusedMultiplyAdd(b1, v1[i], t);
            t = Vector.FusedMultiplyAdd(b2, v2[i], t);
            vt[i] = Vector.FusedMultiplyAdd(b3, v3[i], t);
        }

        for (var i = vt.Length * Vector<float>.Count; i < n; i++)
        {
            target[i] += (a0 * block[i]) + (a1 * block[n + i]) + (a2 * block[(2 * n) + i]) + (a3 * block[(3 * n) + i]);
        }
    }

    /// <summary>Adds a0 w, a1 w, a2 w and a3 w to the four rows of <paramref name="block"/>.</summary>
    public static void Scatter4(ReadOnlySpan<float> w, float a0, float a1, float a2, float a3, Span<float> block)
    {
        var n = w.Length;
        var vw = MemoryMarshal.Cast<float, Vector<float>>(w);
        var v0 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(0, n));
        var v1 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(n, n));
        var v2 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(2 * n, n));
        var v3 = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(3 * n, n));
        Vector<float> b0 = new(a0), b1 = new(a1), b2 = new(a2), b3 = new(a3);
        for (var i = 0; i < vw.Length; i++)
        {
            var a = vw[i];
            v0[i] = Vector.FusedMultiplyAdd(b0, a, v0[i]);
            v1[i] = Vector.FusedMultiplyAdd(b1, a, v1[i]);
            v2[i] = Vector.FusedMultiplyAdd(b2, a, v2[i]);
            v3[i] = Vector.FusedMultiplyAdd(b3, a, v3[i]);
        }

        for (var i = vw.Length * Vector<float>.Count; i < n; i++)
        {
            block[i] += a0 * w[i];
            block[n + i] += a1 * w[i];
            block[(2 * n) + i] += a2 * w[i];
            block[(3 * n) + i] += a3 * w[i];
        }
    }
}
