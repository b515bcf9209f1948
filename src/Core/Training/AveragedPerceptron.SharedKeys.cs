namespace Pipeline.Training;

public sealed partial class AveragedPerceptron
{
    /// <summary>Whether two rows have the same key (version-1 keys cut to <see cref="KeyBits"/> bits can).</summary>
    private static bool HaveSharedKeys(ulong[] keys)
    {
        var sorted = (ulong[])keys.Clone();
        Array.Sort(sorted);
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The model with rows of one key merged, their weights added class by class: what a model keyed on the short
    /// keys from the start would have learned for the features that share one. Rare (about n² / 2^41 pairs), and
    /// only for version-1 files.
    /// </summary>
    private static AveragedPerceptron MergeSharedKeys(int classes, ulong[] keys, int[] starts, Entry[] entries)
    {
        var rowsOf = new Dictionary<ulong, List<int>>(keys.Length);
        var order = new List<ulong>(keys.Length);
        for (var row = 0; row < keys.Length; row++)
        {
            if (!rowsOf.TryGetValue(keys[row], out var rows))
            {
                rowsOf[keys[row]] = rows = [];
                order.Add(keys[row]);
            }

            rows.Add(row);
        }

        var mergedStarts = new List<int>(order.Count + 1) { 0 };
        var merged = new List<Entry>(entries.Length);
        var sums = new SortedDictionary<int, float>();
        foreach (var key in order)
        {
            sums.Clear();
            foreach (var row in rowsOf[key])
            {
                for (var e = starts[row]; e < starts[row + 1]; e++)
                {
                    sums[entries[e].Class] = sums.GetValueOrDefault(entries[e].Class) + entries[e].Weight;
                }
            }

            merged.AddRange(sums.Select(p => new Entry(p.Key, p.Value)));
            mergedStarts.Add(merged.Count);
        }

        return Build(classes, [.. order], [.. mergedStarts], [.. merged]);
    }
}
