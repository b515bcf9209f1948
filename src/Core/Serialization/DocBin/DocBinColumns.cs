using Pipeline.Tokens;

namespace Pipeline.Serialization.DocBin;

/// <summary>The context whose recent values predict a column's value.</summary>
internal enum ColumnKey
{
    /// <summary>No prediction: the value itself is coded (head offsets, dependency labels).</summary>
    Raw,

    /// <summary>The token's own word.</summary>
    Orth,

    /// <summary>The token's fine-grained tag.</summary>
    Tag,

    /// <summary>The previous word of the doc (none at a doc start).</summary>
    PrevOrth,

    /// <summary>The next word of the doc (none at a doc end).</summary>
    NextOrth,
}

/// <summary>
/// The column model shared by <see cref="ColumnEncoder"/> and <see cref="ColumnDecoder"/>. Columns are coded in
/// <see cref="Order"/>. Each context (the word for a lemma or tag, the tag for a POS, the next word for a trailing
/// space, ...) remembers its last <see cref="Slots"/> distinct values; a value found there is coded as its rank
/// (0-3), anything else as an escape: <see cref="Slots"/> plus the value (for strings, 0 for "the next new
/// dictionary entry", since dictionaries are numbered by first appearance). A context never seen offers the
/// column's previous value. Most codes become 0, which the entropy coder turns into a fraction of a bit; the
/// frequency table can further depend on an earlier column (<see cref="ContextOf"/>), e.g. head offsets on the
/// dependency label.
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
        Attr.Orth, Attr.Tag, Attr.Pos, Attr.Lemma, Attr.Norm, Attr.Morph, Attr.Dep, Attr.Head, Attr.EntIob, Attr.EntType,
        Attr.EntId, Attr.SentStart, Attr.Spacy,
    ];

    /// <summary>The context that predicts <paramref name="attr"/>, given the stored attributes.</summary>
    public static ColumnKey KeyOf(Attr attr, Attr[] stored) => attr switch
    {
        Attr.Orth or Attr.SentStart => ColumnKey.PrevOrth,
        Attr.Spacy => ColumnKey.NextOrth,
        Attr.Pos when stored.Contains(Attr.Tag) => ColumnKey.Tag,
        Attr.Head or Attr.Dep => ColumnKey.Raw,
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

    /// <summary>
    /// Codes <paramref name="value"/> in the list starting at <paramref name="at"/> and moves it to the front: returns
    /// its rank, or -1 when it is not there. An empty list (a context never seen) offers the column's previous value
    /// <paramref name="last"/> as its only candidate.
    /// </summary>
    public static int Update(int[] lists, int at, int value, int last)
    {
        if (lists[at] == Unset)
        {
            lists[at] = value;
            return value == last ? 0 : -1;
        }

        var rank = lists[at] == value ? 0 : lists[at + 1] == value ? 1 : lists[at + 2] == value ? 2 : lists[at + 3] == value ? 3 : -1;
        Promote(lists, at, rank, value);
        return rank;
    }

    /// <summary>
    /// The value a rank codes in the list starting at <paramref name="at"/> (<see cref="Unset"/> when the slot is
    /// empty); for an empty list, rank 0 is the column's previous value <paramref name="last"/>.
    /// </summary>
    public static int ValueAt(int[] lists, int at, uint rank, int last) =>
        lists[at] == Unset ? (rank == 0 ? last : Unset) : lists[at + (int)rank];

    /// <summary>Moves <paramref name="value"/> (found at <paramref name="rank"/>, or -1 when new) to the front of the list.</summary>
    public static void Promote(int[] lists, int at, int rank, int value)
    {
        if (lists[at] == Unset)
        {
            lists[at] = value;
            return;
        }

        for (var i = rank < 0 ? Slots - 1 : rank; i > 0; i--)
        {
            lists[at + i] = lists[at + i - 1];
        }

        lists[at] = value;
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
