using Pipeline.Tokens;

namespace Pipeline.Serialization;

/// <summary>What the value of a column is predicted from (the context whose last value it repeats).</summary>
internal enum ColumnKey
{
    /// <summary>No recent-values lists: the value itself is coded (head offsets).</summary>
    Raw,
    None,
    Orth,
    Tag,
    Dep,
    PrevOrth,
    NextOrth,
}

/// <summary>
/// The column model shared by <see cref="DocBinWriter"/> and <see cref="DocBinReader"/>. Columns are coded in
/// <see cref="Order"/>; each token's value is predicted as the value last seen in the same context (the same word
/// for a lemma, the same tag for a POS, the same dependency label for a head offset, ...), and code 0 means
/// "as predicted". String dictionaries are numbered by first appearance, so code 1 means "the next new entry".
/// Most codes become 0 or 1, which compress to a fraction of a bit.
/// </summary>
internal static class DocBinColumns
{
    /// <summary>Marks an empty slot of a context's recent-values list.</summary>
    public const int Unset = int.MinValue;

    /// <summary>How many recent distinct values each context remembers; a hit is coded as its rank.</summary>
    public const int Slots = 4;

    /// <summary>The coding order: every column comes after the columns its context needs.</summary>
    public static readonly Attr[] Order =
    [
        Attr.Orth, Attr.Tag, Attr.Pos, Attr.Lemma, Attr.Morph, Attr.Dep, Attr.Head, Attr.EntIob, Attr.EntType,
        Attr.EntId, Attr.SentStart, Attr.Spacy,
    ];

    public static ColumnKey KeyOf(Attr attr, Attr[] stored) => attr switch
    {
        Attr.Orth or Attr.SentStart => ColumnKey.PrevOrth,
        Attr.Spacy => ColumnKey.NextOrth,
        Attr.Pos when stored.Contains(Attr.Tag) => ColumnKey.Tag,
        Attr.Head => ColumnKey.Raw,
        Attr.Dep => ColumnKey.Raw,
        _ => ColumnKey.Orth,
    };

    /// <summary>The earlier column whose value selects the frequency table a column's codes are entropy-coded with.</summary>
    public static Attr? ContextOf(Attr attr, Attr[] stored) => attr switch
    {
        Attr.Head when stored.Contains(Attr.Dep) => Attr.Dep,
        Attr.Dep when stored.Contains(Attr.Tag) => Attr.Tag,
        Attr.Dep when stored.Contains(Attr.Pos) => Attr.Pos,
        Attr.EntType when stored.Contains(Attr.EntIob) => Attr.EntIob,
        Attr.Morph when stored.Contains(Attr.Tag) => Attr.Tag,
        _ => null,
    };

    /// <summary>The frequency table of each token: the context column's value, capped at <see cref="CodeStream.MaxContexts"/> - 1.</summary>
    public static int Contexts(ReadOnlySpan<int> values, int distinct, Span<byte> contexts)
    {
        var count = Math.Clamp(distinct, 1, CodeStream.MaxContexts);
        for (var t = 0; t < values.Length; t++)
        {
            contexts[t] = (byte)Math.Min((uint)values[t], (uint)count - 1);
        }

        return count;
    }

    /// <summary>Recent-values lists for <paramref name="contexts"/> contexts, all empty.</summary>
    public static int[] NewLists(int contexts, RentedArrays scratch)
    {
        var lists = scratch.Ints(contexts * Slots);
        Array.Fill(lists, Unset, 0, contexts * Slots);
        return lists;
    }

    /// <summary>The rank of <paramref name="value"/> in a context's list, or -1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Find(Span<int> list, int value) =>
        list[0] == value ? 0 : list[1] == value ? 1 : list[2] == value ? 2 : list[3] == value ? 3 : -1;

    /// <summary>Moves <paramref name="value"/> (found at <paramref name="rank"/>, or -1 when new) to the front of the list.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Promote(Span<int> list, int rank, int value)
    {
        for (var i = rank < 0 ? Slots - 1 : rank; i > 0; i--)
        {
            list[i] = list[i - 1];
        }

        list[0] = value;
    }

    /// <summary>The orth code of the previous token of the same doc for each token (0 at a doc start).</summary>
    public static void PrevKeys(ReadOnlySpan<int> orth, ReadOnlySpan<int> docLengths, Span<int> keys)
    {
        var t = 0;
        foreach (var n in docLengths)
        {
            if (n > 0)
            {
                keys[t] = 0;
                orth.Slice(t, n - 1).CopyTo(keys.Slice(t + 1, n - 1));
                t += n;
            }
        }
    }

    /// <summary>The orth code of the next token of the same doc for each token (0 at a doc end).</summary>
    public static void NextKeys(ReadOnlySpan<int> orth, ReadOnlySpan<int> docLengths, Span<int> keys)
    {
        var t = 0;
        foreach (var n in docLengths)
        {
            if (n > 0)
            {
                orth.Slice(t + 1, n - 1).CopyTo(keys.Slice(t, n - 1));
                keys[t + n - 1] = 0;
                t += n;
            }
        }
    }

    /// <summary>
    /// For each orth entry, the entry of another string column holding the same string (0 when none), so that a
    /// lemma equal to its word is predicted even the first time the word occurs.
    /// </summary>
    public static int[] SeededLists(int[] orthGlobals, int[] columnGlobals, int tableSize, RentedArrays scratch)
    {
        var localOfGlobal = scratch.Ints(tableSize);
        Array.Clear(localOfGlobal, 0, tableSize);
        for (var e = 1; e < columnGlobals.Length; e++)
        {
            localOfGlobal[columnGlobals[e]] = e;
        }

        var lists = NewLists(orthGlobals.Length, scratch);
        for (var o = 1; o < orthGlobals.Length; o++)
        {
            if (localOfGlobal[orthGlobals[o]] > 0)
            {
                lists[o * Slots] = localOfGlobal[orthGlobals[o]];
            }
        }

        return lists;
    }
}
