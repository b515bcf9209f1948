namespace Pipeline.Transformers.Heads.Entities;

/// <summary>
/// The BILUO classes of the neural entity recognizer and its constrained decoding. Class 0 is O; entity label k has
/// B (begin) 1 + 4k, I (inside) 2 + 4k, L (last) 3 + 4k and U (unit) 4 + 4k. A sequence is valid when every B or
/// I is followed by an I or L of its label, nothing else is, and the sequence does not end inside an entity; each
/// valid sequence spells well-formed, non-overlapping spans. <see cref="Decode"/> finds the best valid sequence
/// (Viterbi), so the recognizer's output is always a set of spans, whatever the per-token scores say.
/// </summary>
internal static class BiluoDecoder
{
    /// <summary>The outside class.</summary>
    public const int Outside = 0;

    /// <summary>The kinds of an entity class.</summary>
    public const int Begin = 0, Inside = 1, Last = 2, Unit = 3;

    /// <summary>The number of classes for <paramref name="labels"/> entity labels.</summary>
    public static int ClassCount(int labels) => 1 + (4 * labels);

    /// <summary>The class of kind <paramref name="kind"/> of label <paramref name="label"/>.</summary>
    public static int Class(int label, int kind) => 1 + (4 * label) + kind;

    /// <summary>The kind of an entity class (not O).</summary>
    public static int KindOf(int cls) => (cls - 1) & 3;

    /// <summary>The label index of an entity class (not O).</summary>
    public static int LabelOf(int cls) => (cls - 1) >> 2;

    /// <summary>Whether <paramref name="cls"/> may follow <paramref name="previous"/> (-1 before the first token).</summary>
    public static bool Follows(int previous, int cls)
    {
        var open = previous > 0 && KindOf(previous) <= Inside;
        if (open)
        {
            return cls > 0 && LabelOf(cls) == LabelOf(previous) && KindOf(cls) is Inside or Last;
        }

        return cls == Outside || KindOf(cls) is Begin or Unit;
    }

    /// <summary>Whether a sequence may end with <paramref name="cls"/> (not inside an open entity).</summary>
    public static bool Ends(int cls) => cls == Outside || KindOf(cls) is Last or Unit;

    /// <summary>
    /// The valid class sequence of highest total score over <paramref name="scores"/> ([tokens, classes], e.g. log
    /// probabilities), written into <paramref name="best"/>.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> scores, int classes, Span<int> best)
    {
        var n = best.Length;
        if (n == 0)
        {
            return;
        }

        if (scores.Length != n * classes || (classes - 1) % 4 != 0)
        {
            throw TransformerErrors.ShapeMismatch("The entity scores", $"are {scores.Length} values; {n} tokens need {n} rows of 1 + 4 * labels classes, not {classes}");
        }

        var total = new float[classes];
        var next = new float[classes];
        var back = new int[n * classes];
        for (var c = 0; c < classes; c++)
        {
            total[c] = Follows(-1, c) ? scores[c] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var c = 0; c < classes; c++)
            {
                var (max, arg) = (float.NegativeInfinity, -1);
                for (var p = 0; p < classes; p++)
                {
                    if (total[p] > max && Follows(p, c))
                    {
                        (max, arg) = (total[p], p);
                    }
                }

                next[c] = arg < 0 ? float.NegativeInfinity : max + scores[(i * classes) + c];
                back[(i * classes) + c] = arg;
            }

            (total, next) = (next, total);
        }

        var (bestScore, last) = (float.NegativeInfinity, Outside);
        for (var c = 0; c < classes; c++)
        {
            if (Ends(c) && total[c] > bestScore)
            {
                (bestScore, last) = (total[c], c);
            }
        }

        if (float.IsNegativeInfinity(bestScore))
        {
            best.Fill(Outside); // only non-finite scores get here; all O is always valid
            return;
        }

        best[n - 1] = last;
        for (var i = n - 1; i > 0; i--)
        {
            best[i - 1] = back[(i * classes) + best[i]];
        }
    }
}
