using System.Numerics;
using System.Runtime.InteropServices;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// SIMD kernels over four rows at once, for <see cref="Linear"/>: a weight row is read once for four input rows
/// instead of once per row, which is what bounds a small layer's speed (its weights do not stay in the L1 cache).
/// </summary>
internal static class RowKernels
{
    /// <summary>The dot products of <paramref name="w"/> with four rows (all of w's length).</summary>
    public static (float, float, float, float) Dot4(ReadOnlySpan<float> w, ReadOnlySpan<float> x0, ReadOnlySpan<float> x1, ReadOnlySpan<float> x2, ReadOnlySpan<float> x3)
    {
        var n = w.Length;
        var vw = MemoryMarshal.Cast<float, Vector<float>>(w);
        var v0 = MemoryMarshal.Cast<float, Vector<float>>(x0[..n]);
        var v1 = MemoryMarshal.Cast<float, Vector<float>>(x1[..n]);
        var v2 = MemoryMarshal.Cast<float, Vector<float>>(x2[..n]);
        var v3 = MemoryMarshal.Cast<float, Vector<float>>(x3[..n]);
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
            r0 += w[i] * x0[i];
            r1 += w[i] * x1[i];
            r2 += w[i] * x2[i];
            r3 += w[i] * x3[i];
        }

        return (r0, r1, r2, r3);
    }

    /// <summary>target += a0 x0 + a1 x1 + a2 x2 + a3 x3 (rows of target's length).</summary>
    public static void AddScaled4(Span<float> target, float a0, ReadOnlySpan<float> x0, float a1, ReadOnlySpan<float> x1, float a2, ReadOnlySpan<float> x2, float a3, ReadOnlySpan<float> x3)
    {
        var n = target.Length;
        var vt = MemoryMarshal.Cast<float, Vector<float>>(target);
        var v0 = MemoryMarshal.Cast<float, Vector<float>>(x0[..n]);
        var v1 = MemoryMarshal.Cast<float, Vector<float>>(x1[..n]);
        var v2 = MemoryMarshal.Cast<float, Vector<float>>(x2[..n]);
        var v3 = MemoryMarshal.Cast<float, Vector<float>>(x3[..n]);
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
            target[i] += (a0 * x0[i]) + (a1 * x1[i]) + (a2 * x2[i]) + (a3 * x3[i]);
        }
    }

    /// <summary>t0 += a0 w, t1 += a1 w, t2 += a2 w, t3 += a3 w (targets of w's length).</summary>
    public static void Scatter4(ReadOnlySpan<float> w, float a0, Span<float> t0, float a1, Span<float> t1, float a2, Span<float> t2, float a3, Span<float> t3)
    {
        var n = w.Length;
        var vw = MemoryMarshal.Cast<float, Vector<float>>(w);
        var v0 = MemoryMarshal.Cast<float, Vector<float>>(t0[..n]);
        var v1 = MemoryMarshal.Cast<float, Vector<float>>(t1[..n]);
        var v2 = MemoryMarshal.Cast<float, Vector<float>>(t2[..n]);
        var v3 = MemoryMarshal.Cast<float, Vector<float>>(t3[..n]);
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
            t0[i] += a0 * w[i];
            t1[i] += a1 * w[i];
            t2[i] += a2 * w[i];
            t3[i] += a3 * w[i];
        }
    }
}
