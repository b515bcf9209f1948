namespace Pipeline.Components.Parsing;

/// <summary>
/// Pseudo-projective parsing (Nivre and Nilsson 2005), "head" encoding: before training, every non-projective arc
/// is lifted to the head's head until the tree is projective, and its label records the label of the word it
/// originally depended on (<c>obj||xcomp</c>). After parsing, <see cref="Deprojectivize"/> moves each such word
/// back below the first word with that label found breadth-first under its current head. Heads are absolute
/// positions; a word heading itself is a root.
/// </summary>
internal static class PseudoProjective
{
    /// <summary>Separates a label from the label of the original head in an encoded label.</summary>
    public const string Separator = "||";

    /// <summary>
    /// Whether <paramref name="heads"/> is a forest: every head in range and every word reaching a root without a
    /// cycle.
    /// </summary>
    public static bool IsForest(ReadOnlySpan<int> heads)
    {
        var n = heads.Length;
        for (var i = 0; i < n; i++)
        {
            if ((uint)heads[i] >= (uint)n)
            {
                return false;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var k = i;
            var steps = 0;
            while (heads[k] != k)
            {
                k = heads[k];
                if (++steps > n)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether the arc into <paramref name="d"/> is projective: its head dominates every word in between.</summary>
    public static bool IsProjectiveArc(ReadOnlySpan<int> heads, int d)
    {
        var h = heads[d];
        if (h == d)
        {
            return true;
        }

        var (lo, hi) = h < d ? (h, d) : (d, h);
        for (var k = lo + 1; k < hi; k++)
        {
            if (!Dominates(heads, h, k))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every arc of the forest is projective.</summary>
    public static bool IsProjective(ReadOnlySpan<int> heads)
    {
        for (var d = 0; d < heads.Length; d++)
        {
            if (!IsProjectiveArc(heads, d))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Lifts non-projective arcs, shortest first, until the forest is projective. <paramref name="originalHeads"/>
    /// receives, for each lifted word, the head it had before its first lift (-1 for words not lifted). Arcs whose
    /// head is a root are never lifted, so the number of roots stays the same. Returns how many words were lifted.
    /// </summary>
    public static int Lift(Span<int> heads, Span<int> originalHeads)
    {
        originalHeads.Fill(-1);
        var lifted = 0;
        while (true)
        {
            var best = -1;
            var bestLength = int.MaxValue;
            for (var d = 0; d < heads.Length; d++)
            {
                var length = Math.Abs(heads[d] - d);
                if (length < bestLength && heads[heads[d]] != heads[d] && !IsProjectiveArc(heads, d))
                {
                    best = d;
                    bestLength = length;
                }
            }

            if (best < 0)
            {
                return lifted;
            }

            if (originalHeads[best] < 0)
            {
                originalHeads[best] = heads[best];
                lifted++;
            }

            heads[best] = heads[heads[best]];
        }
    }

    /// <summary>
    /// Undoes lifting on one sentence or doc: every word whose label asks for a head with output label
    /// <c>target[label]</c> (non-zero) is attached to the first word with that output label found breadth-first, left
    /// to right, under its current head, outside its own subtree; when none is found it stays. Labels are ids into
    /// <paramref name="output"/> (the label written out) and <paramref name="target"/> (the wanted head's label).
    /// <paramref name="scratch"/> must hold at least 4 x (heads.Length + 1) integers.
    /// </summary>
    public static void Deprojectivize(
        Span<int> heads, ReadOnlySpan<int> labels, ReadOnlySpan<ulong> output, ReadOnlySpan<ulong> target, Span<int> scratch)
    {
        var n = heads.Length;
        var start = scratch[..(n + 1)];
        var children = scratch.Slice(n + 1, n);
        var queue = scratch.Slice(2 * n + 1, n);
        var waiting = scratch.Slice(3 * n + 1, n);
        var pending = 0;
        for (var d = 0; d < n; d++)
        {
            waiting[d] = target[labels[d]] != 0 && heads[d] != d ? 1 : 0;
            pending += waiting[d];
        }

        // A word whose wanted head is still lifted itself may be found once that head is back in place: repeat
        // the passes while they move words.
        for (var pass = 0; pending > 0 && pass < 4; pass++)
        {
            var built = false;
            var moved = false;
            for (var d = 0; d < n; d++)
            {
                var wanted = target[labels[d]];
                if (waiting[d] == 0)
                {
                    continue;
                }

                if (!built)
                {
                    BuildChildren(heads, start, children);
                    built = true;
                }

                var found = FindBelow(heads[d], d, wanted, labels, output, start, children, queue);
                if (found >= 0)
                {
                    heads[d] = found;
                    built = false;
                    moved = true;
                    pending--;
                    waiting[d] = 0;
                }
            }

            if (!moved)
            {
                break;
            }
        }
    }

    /// <summary>The first word with output label <paramref name="wanted"/> breadth-first below <paramref name="head"/>, outside <paramref name="skip"/>'s subtree.</summary>
    private static int FindBelow(
        int head, int skip, ulong wanted, ReadOnlySpan<int> labels, ReadOnlySpan<ulong> output, Span<int> start, Span<int> children, Span<int> queue)
    {
        var first = 0;
        var last = 0;
        queue[last++] = head;
        while (first < last)
        {
            var x = queue[first++];
            for (var c = start[x]; c < start[x + 1]; c++)
            {
                var child = children[c];
                if (child == skip)
                {
                    continue;
                }

                if (output[labels[child]] == wanted)
                {
                    return child;
                }

                queue[last++] = child;
            }
        }

        return -1;
    }

    private static void BuildChildren(ReadOnlySpan<int> heads, Span<int> start, Span<int> children)
    {
        var n = heads.Length;
        start.Clear();
        for (var i = 0; i < n; i++)
        {
            if (heads[i] != i)
            {
                start[heads[i] + 1]++;
            }
        }

        for (var i = 1; i <= n; i++)
        {
            start[i] += start[i - 1];
        }

        // Place children in position order, advancing start[h] and shifting the offsets back afterwards.
        for (var i = 0; i < n; i++)
        {
            if (heads[i] != i)
            {
                children[start[heads[i]]++] = i;
            }
        }

        for (var i = n; i > 0; i--)
        {
            start[i] = start[i - 1];
        }

        start[0] = 0;
    }

    private static bool Dominates(ReadOnlySpan<int> heads, int ancestor, int k)
    {
        var steps = heads.Length;
        while (k != ancestor)
        {
            if (heads[k] == k || steps-- == 0)
            {
                return false;
            }

            k = heads[k];
        }

        return true;
    }
}
