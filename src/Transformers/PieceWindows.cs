namespace Pipeline.Transformers;

/// <summary>
/// Overlapping windows over a doc's wordpieces: window k covers pieces [k * stride, k * stride + window), the last
/// one ending at the doc's end. Each piece takes its vector from the window where it is most central (the most
/// context on its nearer side), so every piece but those near the doc's edges sees context on both sides.
/// </summary>
internal static class PieceWindows
{
    /// <summary>The start of each window over <paramref name="pieces"/> pieces (one window, starting at 0, when they fit).</summary>
    public static int[] Starts(int pieces, int window, int stride)
    {
        var starts = new List<int> { 0 };
        while (starts[^1] + window < pieces)
        {
            starts.Add(starts[^1] + stride);
        }

        return [.. starts];
    }

    /// <summary>For each piece, the index into <paramref name="starts"/> of the window where it is most central (ties: the earlier).</summary>
    public static int[] Owners(int pieces, int[] starts, int window)
    {
        var owner = new int[pieces];
        var best = new int[pieces];
        Array.Fill(best, -1);
        for (var w = 0; w < starts.Length; w++)
        {
            var end = Math.Min(starts[w] + window, pieces);
            for (var p = starts[w]; p < end; p++)
            {
                var centrality = Math.Min(p - starts[w], end - 1 - p);
                if (centrality > best[p])
                {
                    best[p] = centrality;
                    owner[p] = w;
                }
            }
        }

        return owner;
    }
}
