namespace Pipeline.Training.Scoring;

/// <summary>
/// Places system tokens on the gold text (both without whitespace). Tokens that spell the text where they stand
/// get their own span. Where the system's characters differ from the text (a multiword token expanded into words
/// that do not spell it, such as pt "do" -> "de" "o"), the tokens up to the point where the two agree again form a
/// group that shares one span; the resynchronisation point prefers gold token boundaries.
/// </summary>
internal static class CharAligner
{
    private const int MaxGroupTokens = 8;
    private const int MaxGroupChars = 64;
    private const int OffBoundaryCost = 1000;

    /// <summary>Fills the span of every token and flags the tokens that share a group span.</summary>
    public static void Align(IReadOnlyList<string> tokens, string gold, bool[] boundary, int[] start, int[] end, bool[] multi)
    {
        var p = 0;
        var i = 0;
        var n = tokens.Count;
        while (i < n)
        {
            var token = tokens[i];
            if (Matches(gold, p, token))
            {
                start[i] = p;
                end[i] = p + token.Length;
                p = end[i];
                i++;
                continue;
            }

            // The mismatch may begin inside a gold token: take back the tokens glued to it ("de" of "dele").
            var first = i;
            var regionStart = p;
            while (first > 0 && i - first < MaxGroupTokens && !multi[first - 1] && end[first - 1] == regionStart && !IsBoundary(boundary, regionStart))
            {
                first--;
                regionStart = start[first];
            }

            var (groupEnd, resume) = Resynchronize(tokens, gold, boundary, i, p);
            for (var k = first; k < groupEnd; k++)
            {
                start[k] = regionStart;
                end[k] = Math.Max(regionStart, resume);
                multi[k] = true;
            }

            p = Math.Max(p, resume);
            i = groupEnd;
        }
    }

    /// <summary>The first token after the group and the gold offset where it matches again.</summary>
    private static (int GroupEnd, int Resume) Resynchronize(IReadOnlyList<string> tokens, string gold, bool[] boundary, int i, int p)
    {
        var n = tokens.Count;
        var bestJ = n;
        var bestQ = gold.Length;
        var bestCost = long.MaxValue;
        var lastJ = Math.Min(n, i + MaxGroupTokens);
        var lastQ = Math.Min(gold.Length, p + MaxGroupChars);
        for (var j = i + 1; j <= lastJ; j++)
        {
            for (var q = p; q <= lastQ; q++)
            {
                var resumes = j == n ? q == gold.Length : Matches(gold, q, tokens[j]);
                if (!resumes)
                {
                    continue;
                }

                var cost = (IsBoundary(boundary, q) ? 0L : OffBoundaryCost) + (q - p) + (j - i);
                if (cost < bestCost)
                {
                    (bestCost, bestJ, bestQ) = (cost, j, q);
                }
            }
        }

        return (bestJ, bestQ);
    }

    private static bool IsBoundary(bool[] boundary, int q) => q >= boundary.Length || boundary[q];

    private static bool Matches(string gold, int p, string token) =>
        p + token.Length <= gold.Length && string.CompareOrdinal(gold, p, token, 0, token.Length) == 0;
}
