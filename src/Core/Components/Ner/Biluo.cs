using System.Runtime.CompilerServices;

namespace Pipeline.Components.Ner;

/// <summary>
/// The BILUO tag set of the entity recognizer and its transition constraints. Class 0 is O (outside); label k has
/// the classes B (begin) 1 + 4k, I (inside) 2 + 4k, L (last) 3 + 4k and U (unit, a one-token entity) 4 + 4k. A
/// sequence is valid when every B or I is followed by an I or L of the same label and nothing else is, so every
/// valid sequence spells well-formed entity spans. The history code <see cref="Fixed"/> marks tokens of entities
/// that were already in the doc; it behaves like O for the constraints.
/// </summary>
internal static class Biluo
{
    /// <summary>The outside class.</summary>
    public const int Outside = 0;

    /// <summary>The history code of a token that belongs to an entity set before the recognizer ran.</summary>
    public const int Fixed = -2;

    /// <summary>The history code before the first token.</summary>
    public const int Start = -1;

    /// <summary>The kinds of a class (bits 0-1 of class - 1).</summary>
    public const int Begin = 0, Inside = 1, Last = 2, Unit = 3;

    /// <summary>The number of classes for <paramref name="labels"/> entity labels.</summary>
    public static int ClassCount(int labels) => 1 + (4 * labels);

    /// <summary>The class of kind <paramref name="kind"/> (<see cref="Begin"/>...) for label index <paramref name="label"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Class(int label, int kind) => 1 + (4 * label) + kind;

    /// <summary>The kind of an entity class (not O).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KindOf(int cls) => (cls - 1) & 3;

    /// <summary>The label index of an entity class (not O).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LabelOf(int cls) => (cls - 1) >> 2;

    /// <summary>Whether the previous class leaves an entity open (B or I), so the next token must continue it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsOpen(int previous) => previous > 0 && KindOf(previous) <= Inside;

    /// <summary>
    /// Whether <paramref name="cls"/> may follow <paramref name="previous"/>; <paramref name="last"/> says the token
    /// is the last one the recognizer may label before the doc ends or a fixed entity starts.
    /// </summary>
    public static bool IsValid(int previous, int cls, bool last)
    {
        if (IsOpen(previous))
        {
            return cls > 0 && LabelOf(cls) == LabelOf(previous) && (KindOf(cls) == Last || (KindOf(cls) == Inside && !last));
        }

        return cls == Outside || KindOf(cls) == Unit || (KindOf(cls) == Begin && !last);
    }

    /// <summary>The highest-scoring class that may follow <paramref name="previous"/> (the first on ties).</summary>
    public static int BestValid(ReadOnlySpan<float> scores, int previous, bool last)
    {
        if (IsOpen(previous))
        {
            var inside = previous - KindOf(previous) + Inside;
            var end = inside + 1;
            return last || scores[end] > scores[inside] ? end : inside;
        }

        var best = Outside;
        var max = scores[Outside];
        for (var c = 1; c < scores.Length; c += 4)
        {
            if (!last && scores[c] > max)
            {
                max = scores[c];
                best = c;
            }

            if (scores[c + 3] > max)
            {
                max = scores[c + 3];
                best = c + 3;
            }
        }

        return best;
    }

    /// <summary>
    /// The class to learn when the gold class is <paramref name="gold"/> but the predicted history ends in
    /// <paramref name="previous"/>: the gold class when it is reachable, otherwise the valid class that loses the
    /// fewest entities (close a wrongly opened entity at once; stay outside when the gold entity's start was missed).
    /// </summary>
    public static int Oracle(int gold, int previous, bool last)
    {
        if (IsValid(previous, gold, last))
        {
            return gold;
        }

        if (IsOpen(previous))
        {
            return previous - KindOf(previous) + Last;
        }

        // Outside: the gold is I/L (its start was missed) or a B that cannot be closed before a fixed entity.
        return Outside;
    }
}
