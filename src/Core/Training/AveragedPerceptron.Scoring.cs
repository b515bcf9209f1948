using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Training;

public sealed partial class AveragedPerceptron
{
    // Dense sums up to this many classes live on the stack; larger models rent a buffer.
    private const int MaxStackStride = 1024;

    /// <summary>Scores with the averaged model: sparse rows add their pairs, dense rows are summed block by block.</summary>
    private void ScoreAveraged(ReadOnlySpan<ulong> features, Span<float> output)
    {
        var stride = Stride(Classes);
        float[]? rented = null;
        var sums = stride <= MaxStackStride ? stackalloc float[stride] : (rented = ArrayPool<float>.Shared.Rent(stride)).AsSpan(0, stride);
        sums.Clear();
        for (var i = 0; i < features.Length; i += ScoreBatch)
        {
            ScoreBatchOf(features.Slice(i, Math.Min(ScoreBatch, features.Length - i)), output, sums);
        }

        AddRow(sums[..Classes], output);
        if (rented is not null)
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Adds the rows of up to <see cref="ScoreBatch"/> features in passes that each issue independent memory loads
    /// (table slots, then the first weight of each row) before anything waits on them, so the cache misses of a
    /// large model overlap instead of queueing one after another. Sparse rows go into <paramref name="output"/>,
    /// dense rows into <paramref name="sums"/>, one vector-wide block of classes at a time across all of them.
    /// </summary>
    private void ScoreBatchOf(ReadOnlySpan<ulong> features, Span<float> output, Span<float> sums)
    {
        var stride = sums.Length;
        var table = _table;
        var shift = _homeShift;
        var entries = _entries!;
        var dense = _dense!;
        var count = features.Length;
        Span<Slot> slots = stackalloc Slot[count];
        Span<int> begin = stackalloc int[count];
        Span<int> end = stackalloc int[count];
        Span<int> denseRows = stackalloc int[count];
        var denseCount = 0;

        // Pass 1: each feature's home slot; most features sit there, the rest probe on from it.
        for (var i = 0; i < count; i++)
        {
            slots[i] = table[(int)(Key(features[i]) >> shift)];
        }

        // Pass 2: the bounds of sparse rows and the offsets of dense ones, touching the first weight of each.
        var touched = 0f;
        for (var i = 0; i < count; i++)
        {
            var key = Key(features[i]);
            if (slots[i].Key != key)
            {
                // An empty home, or a larger key there, means the feature is unknown (see OrderedTable).
                slots[i] = slots[i].Key == EmptyKey || slots[i].Key > key ? Slot.Missing : FindAveraged(key);
            }

            var slot = slots[i];
            begin[i] = end[i] = 0;
            if (slot.Dense >= 0)
            {
                denseRows[denseCount] = slot.Dense * stride;
                touched += dense[denseRows[denseCount++]];
            }
            else if (slot.Row >= 0)
            {
                begin[i] = slot.Row;
                end[i] = slot.Row - slot.Dense;
                touched += entries[slot.Row].Weight;
            }
        }

        // Pass 3: the sparse pairs, which now mostly hit the cache.
        ref var first = ref MemoryMarshal.GetArrayDataReference(entries);
        ref var score = ref MemoryMarshal.GetReference(output);
        for (var i = 0; i < count; i++)
        {
            for (var e = begin[i]; e < end[i]; e++)
            {
                var entry = Unsafe.Add(ref first, e);
                Unsafe.Add(ref score, entry.Class) += entry.Weight;
            }
        }

        SumDense(dense, denseRows[..denseCount], sums);

        // Keeps the warming loads from being optimized away.
        _sink = touched;
    }

    /// <summary>Adds the dense rows starting at <paramref name="offsets"/> to <paramref name="sums"/>, a vector of classes at a time.</summary>
    private static void SumDense(float[] dense, ReadOnlySpan<int> offsets, Span<float> sums)
    {
        if (offsets.IsEmpty)
        {
            return;
        }

        ref var rows = ref MemoryMarshal.GetArrayDataReference(dense);
        ref var total = ref MemoryMarshal.GetReference(sums);
        var stride = sums.Length;
        if (Vector512.IsHardwareAccelerated)
        {
            for (var b = 0; b < stride; b += Vector512<float>.Count)
            {
                var sum = Vector512.LoadUnsafe(ref total, (nuint)b);
                foreach (var offset in offsets)
                {
                    sum += Vector512.LoadUnsafe(ref rows, (nuint)(offset + b));
                }

                sum.StoreUnsafe(ref total, (nuint)b);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (var b = 0; b < stride; b += Vector256<float>.Count)
            {
                var sum = Vector256.LoadUnsafe(ref total, (nuint)b);
                foreach (var offset in offsets)
                {
                    sum += Vector256.LoadUnsafe(ref rows, (nuint)(offset + b));
                }

                sum.StoreUnsafe(ref total, (nuint)b);
            }
        }
        else
        {
            foreach (var offset in offsets)
            {
                AddRow(dense.AsSpan(offset, stride), sums);
            }
        }
    }
}
