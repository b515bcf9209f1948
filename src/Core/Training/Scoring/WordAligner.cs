namespace Pipeline.Training.Scoring;

/// <summary>
/// Aligns system words to gold words as the CoNLL 2018 evaluation does: words with identical character spans are
/// paired; inside a region holding multiword tokens, words are paired by the longest common subsequence of their
/// lower-cased forms.
/// </summary>
internal static class WordAligner
{
    private const long MaxRegionCells = 1_000_000;

    /// <summary>For each system word, the index of its gold word, or -1.</summary>
    public static int[] Align(ScoredWords gold, ScoredWords system)
    {
        var result = new int[system.Count];
        Array.Fill(result, -1);
        int gi = 0, si = 0;
        while (gi < gold.Count && si < system.Count)
        {
            if (gold.End[gi] <= system.Start[si] && gold.Start[gi] < system.Start[si])
            {
                gi++;
            }
            else if (system.End[si] <= gold.Start[gi] && system.Start[si] < gold.Start[gi])
            {
                si++;
            }
            else if (gold.Multi[gi] || system.Multi[si])
            {
                var regionEnd = Math.Max(gold.End[gi], system.End[si]);
                int gj = gi, sj = si;
                var grew = true;
                while (grew)
                {
                    grew = false;
                    while (gj < gold.Count && (gj == gi || gold.Start[gj] < regionEnd))
                    {
                        regionEnd = Math.Max(regionEnd, gold.End[gj++]);
                        grew = true;
                    }

                    while (sj < system.Count && (sj == si || system.Start[sj] < regionEnd))
                    {
                        regionEnd = Math.Max(regionEnd, system.End[sj++]);
                        grew = true;
                    }
                }

                AlignByForm(gold, gi, gj, system, si, sj, result);
                gi = gj;
                si = sj;
            }
            else if (gold.Start[gi] == system.Start[si] && gold.End[gi] == system.End[si])
            {
                result[si++] = gi++;
            }
            else if (gold.End[gi] < system.End[si])
            {
                gi++;
            }
            else if (system.End[si] < gold.End[gi])
            {
                si++;
            }
            else
            {
                gi++;
                si++;
            }
        }

        return result;
    }

    private static void AlignByForm(ScoredWords gold, int g0, int g1, ScoredWords system, int s0, int s1, int[] result)
    {
        var m = g1 - g0;
        var n = s1 - s0;
        if ((long)m * n > MaxRegionCells)
        {
            return;
        }

        var goldForms = new string[m];
        var systemForms = new string[n];
        for (var i = 0; i < m; i++)
        {
            goldForms[i] = gold.Form[g0 + i].ToLowerInvariant();
        }

        for (var j = 0; j < n; j++)
        {
            systemForms[j] = system.Form[s0 + j].ToLowerInvariant();
        }

        // lcs[i, j]: the longest common subsequence of goldForms[i..] and systemForms[j..].
        var lcs = new int[m + 1, n + 1];
        for (var i = m - 1; i >= 0; i--)
        {
            for (var j = n - 1; j >= 0; j--)
            {
                lcs[i, j] = goldForms[i] == systemForms[j] ? 1 + lcs[i + 1, j + 1] : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int a = 0, b = 0;
        while (a < m && b < n)
        {
            if (goldForms[a] == systemForms[b])
            {
                result[s0 + b] = g0 + a;
                a++;
                b++;
            }
            else if (lcs[a + 1, b] >= lcs[a, b + 1])
            {
                a++;
            }
            else
            {
                b++;
            }
        }
    }
}
