using System.Runtime.CompilerServices;

namespace Pipeline.Training;

public sealed partial class AveragedPerceptron
{
    // The averaged model's table is an ordered hash table (Amble and Knuth, 1974): each key's home slot is its top
    // bits, and keys are placed in ascending order, each at its home or just after the key before it, with no
    // wrap-around (a few overflow slots past the end instead). Along any probe the keys then ascend, so a lookup
    // stops at the first empty slot or larger key: an unknown feature, the common case when scoring, costs no more
    // than a known one. Model files store rows in ascending key order, so loading fills the table front to back,
    // writing memory in order rather than at random (which made building a large parser's table the slowest step
    // of a cold start).

    // Runs once per model at load time on millions of entries.
    private static AveragedPerceptron Build(int classes, ulong[] keys, int[] rowStarts, Entry[] entries)
    {
        var order = AscendingOrder(keys);
        var shift = HomeShift(Capacity(keys.Length));

        // Where the last key lands decides the table's length; one more slot stays empty, so every probe ends.
        var end = 0;
        var previous = EmptyKey;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[order?[i] ?? i];
            if (key == previous)
            {
                throw new InvalidDataException($"feature {key} appears twice");
            }

            end = Math.Max((int)(key >> shift), end) + 1;
            previous = key;
        }

        var table = new Slot[Math.Max(end, 1 << (KeyBits - shift)) + 1];
        var stride = Stride(classes);
        var denseRows = 0;
        for (var row = 0; row < keys.Length; row++)
        {
            denseRows += (rowStarts[row + 1] - rowStarts[row]) * DenseRatio >= classes ? 1 : 0;
        }

        var dense = new float[denseRows * stride];
        var denseRow = 0;
        var slot = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            var row = order?[i] ?? i;
            var key = keys[row];
            slot = Math.Max((int)(key >> shift), slot + 1);
            var first = rowStarts[row];
            var count = rowStarts[row + 1] - first;
            if (count * DenseRatio >= classes)
            {
                var weights = dense.AsSpan(denseRow * stride, stride);
                foreach (var entry in entries.AsSpan(first, count))
                {
                    weights[entry.Class] = entry.Weight;
                }

                table[slot] = new Slot(key, first, denseRow++);
            }
            else
            {
                table[slot] = new Slot(key, first, -count);
            }
        }

        return new AveragedPerceptron(classes, table, shift, keys, rowStarts, entries, dense);
    }

    /// <summary>The rows in ascending key order, or null when the keys already ascend (as read from a file).</summary>
    private static int[]? AscendingOrder(ulong[] keys)
    {
        for (var row = 1; row < keys.Length; row++)
        {
            if (keys[row] <= keys[row - 1])
            {
                var order = new int[keys.Length];
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                }

                Array.Sort((ulong[])keys.Clone(), order);
                return order;
            }
        }

        return null;
    }

    /// <summary>The averaged table's slot for <paramref name="key"/> (already cut to <see cref="KeyBits"/>), or <see cref="Slot.Missing"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Slot FindAveraged(ulong key)
    {
        var table = _table;
        for (var slot = (int)(key >> _homeShift); slot < table.Length; slot++)
        {
            var found = table[slot].Key;
            if (found == key)
            {
                return table[slot];
            }

            if (found == EmptyKey || found > key)
            {
                break;
            }
        }

        return Slot.Missing;
    }
}
