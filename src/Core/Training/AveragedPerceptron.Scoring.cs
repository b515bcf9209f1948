using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.Training;

public sealed partial class AveragedPerceptron
{
    /// <summary>
    /// Adds the rows of up to <see cref="ScoreBatch"/> features in three passes, each of which issues independent
    /// memory loads (table slots, then row bounds, then the rows' first weights) before anything waits on them, so
    /// the cache misses of a large model overlap instead of queueing one after another.
    /// </summary>
    private void ScoreAveraged(ReadOnlySpan<ulong> features, Span<float> output)
    {
        var classes = Classes;
        var table = _table;
        var mask = (ulong)(table.Length - 1);
        var starts = _rowStarts!;
        var entries = _entries!;
        var dense = _dense!;
        var count = features.Length;
        Span<Slot> slots = stackalloc Slot[count];
        Span<int> begin = stackalloc int[count];
        Span<int> end = stackalloc int[count];

        // Pass 1: each feature's home slot; most features sit there, the rest probe on from it.
        for (var i = 0; i < count; i++)
        {
            slots[i] = table[(int)(Key(features[i]) & mask)];
        }

        var touched = 0f;
        for (var i = 0; i < count; i++)
        {
            var key = Key(features[i]);
            if (slots[i].Key != key)
            {
                slots[i] = slots[i].Key == EmptyKey ? Slot.Missing : FindSlot(features[i]);
            }

            // Pass 2: the bounds of sparse rows and the start of dense ones.
            var slot = slots[i];
            if (slot.Row < 0)
            {
                begin[i] = end[i] = 0;
            }
            else if (slot.Dense >= 0)
            {
                begin[i] = -1;
                touched += dense[slot.Dense * classes];
            }
            else
            {
                begin[i] = starts[slot.Row];
                end[i] = starts[slot.Row + 1];
            }
        }

        // Pass 3: the first weight of each sparse row, then the sums, which now mostly hit the cache.
        for (var i = 0; i < count; i++)
        {
            if (begin[i] >= 0 && begin[i] < end[i])
            {
                touched += entries[begin[i]].Weight;
            }
        }

        ref var first = ref MemoryMarshal.GetArrayDataReference(entries);
        ref var score = ref MemoryMarshal.GetReference(output);
        for (var i = 0; i < count; i++)
        {
            if (begin[i] < 0)
            {
                AddRow(dense.AsSpan(slots[i].Dense * classes, classes), output);
                continue;
            }

            for (var e = begin[i]; e < end[i]; e++)
            {
                var entry = Unsafe.Add(ref first, e);
                Unsafe.Add(ref score, entry.Class) += entry.Weight;
            }
        }

        // Keeps the warming loads from being optimized away.
        _sink = touched;
    }
}
