namespace Pipeline.Transformers.Heads;

/// <summary>
/// Decodes arc scores into the best dependency tree with exactly one root: the maximum spanning arborescence
/// (Chu-Liu-Edmonds), which allows crossing (non-projective) arcs. Every root arc is lowered by a constant larger
/// than any difference two trees' other arcs can make, so the best tree uses one root arc, and the best one.
/// </summary>
internal static class SpanningTree
{
    private const double Limit = 1e6;

    /// <summary>
    /// Returns each token's head (0..n-1, or <paramref name="n"/> for the root) from <paramref name="scores"/>, [n, n+1]:
    /// row i scores token i's candidate heads, column n being the root. Self arcs are never chosen.
    /// </summary>
    public static int[] Decode(ReadOnlySpan<float> scores, int n)
    {
        if (scores.Length != n * (n + 1))
        {
            throw TransformerErrors.ShapeMismatch("The arc scores", $"are {scores.Length} values; {n} tokens need {n * (n + 1)}");
        }

        if (n == 0)
        {
            return [];
        }

        // Node 0 is the root and node k is token k - 1; w[h, d] is the score of the arc h -> d.
        var (low, high) = (double.MaxValue, double.MinValue);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= n; j++)
            {
                if (j != i)
                {
                    var s = Finite(scores[(i * (n + 1)) + j]);
                    (low, high) = (Math.Min(low, s), Math.Max(high, s));
                }
            }
        }

        var penalty = ((high - low) * (n + 1)) + 1;
        var w = new double[n + 1, n + 1];
        for (var h = 0; h <= n; h++)
        {
            for (var d = 0; d <= n; d++)
            {
                w[h, d] = d == 0 || h == d ? double.NegativeInfinity
                    : h == 0 ? Finite(scores[((d - 1) * (n + 1)) + n]) - penalty
                    : Finite(scores[((d - 1) * (n + 1)) + h - 1]);
            }
        }

        var parent = Arborescence(w, n + 1);
        var heads = new int[n];
        for (var d = 1; d <= n; d++)
        {
            heads[d - 1] = parent[d] == 0 ? n : parent[d] - 1;
        }

        return heads;
    }

    // Scores are clipped to +-1e6 (NaN counts as the lowest), so that the root penalty stays exact in doubles and a
    // diverged model still gives a tree.
    private static double Finite(float s) => float.IsNaN(s) ? -Limit : Math.Clamp(s, -Limit, Limit);

    // Chu-Liu-Edmonds on a dense graph of `count` nodes rooted at node 0: every node's best incoming arc, and while
    // those form a cycle, contract it into one node, solve the smaller graph, and break the cycle where it is entered.
    private static int[] Arborescence(double[,] w, int count)
    {
        var parent = new int[count];
        parent[0] = -1;
        for (var d = 1; d < count; d++)
        {
            var best = 0;
            for (var h = 0; h < count; h++)
            {
                if (h != d && w[h, d] > w[best, d])
                {
                    best = h;
                }
            }

            parent[d] = best;
        }

        if (FindCycle(parent) is not { } cycle)
        {
            return parent;
        }

        var inCycle = new bool[count];
        foreach (var v in cycle)
        {
            inCycle[v] = true;
        }

        // The contracted graph: the nodes outside the cycle in order, then the cycle as its last node.
        var map = new int[count];
        var original = new List<int>();
        for (var v = 0; v < count; v++)
        {
            if (!inCycle[v])
            {
                map[v] = original.Count;
                original.Add(v);
            }
        }

        var c = original.Count;
        var size = c + 1;
        var w2 = new double[size, size];
        var enters = new int[size]; // for an arc u -> cycle: the cycle node it enters
        var leaves = new int[size]; // for an arc cycle -> v: the cycle node it leaves from
        for (var a = 0; a < size; a++)
        {
            for (var b = 0; b < size; b++)
            {
                w2[a, b] = double.NegativeInfinity;
            }
        }

        for (var a = 0; a < c; a++)
        {
            var u = original[a];
            for (var b = 0; b < c; b++)
            {
                w2[a, b] = w[u, original[b]];
            }

            foreach (var v in cycle)
            {
                // Entering the cycle at v replaces v's cycle arc.
                var gain = w[u, v] - w[parent[v], v];
                if (gain > w2[a, c])
                {
                    (w2[a, c], enters[a]) = (gain, v);
                }

                if (u != 0 && w[v, u] > w2[c, a])
                {
                    (w2[c, a], leaves[a]) = (w[v, u], v);
                }
            }
        }

        var contracted = Arborescence(w2, size);
        var result = (int[])parent.Clone();
        for (var a = 1; a < c; a++)
        {
            var p = contracted[a];
            result[original[a]] = p == c ? leaves[a] : original[p];
        }

        var from = contracted[c];
        result[enters[from]] = original[from];
        return result;
    }

    // A cycle among the parent pointers (node 0 has none), or null.
    private static List<int>? FindCycle(int[] parent)
    {
        var state = new byte[parent.Length]; // 0 unvisited, 1 on the current walk, 2 done
        for (var start = 1; start < parent.Length; start++)
        {
            var v = start;
            while (v > 0 && state[v] == 0)
            {
                state[v] = 1;
                v = parent[v];
            }

            if (v > 0 && state[v] == 1)
            {
                var cycle = new List<int> { v };
                for (var u = parent[v]; u != v; u = parent[u])
                {
                    cycle.Add(u);
                }

                return cycle;
            }

            for (v = start; v > 0 && state[v] == 1; v = parent[v])
            {
                state[v] = 2;
            }
        }

        return null;
    }
}
