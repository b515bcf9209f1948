namespace Pipeline.Tokens;

public sealed partial class Doc
{
    /// <summary>
    /// The named entities, as labelled spans. Setting replaces all entity annotation: tokens outside the given
    /// spans become "O". Overlapping spans are refused (E016).
    /// </summary>
    public IReadOnlyList<Span> Ents
    {
        get
        {
            var result = new List<Span>();
            if (IobColumn is null || EntTypeColumn is null)
            {
                return result;
            }

            var start = -1;
            for (var i = 0; i <= Length; i++)
            {
                var iob = i < Length ? IobColumn[i] : (byte)0;
                var continues = iob == 1 && start >= 0 && EntTypeColumn[i] == EntTypeColumn[start];
                if (start >= 0 && !continues)
                {
                    result.Add(new Span(this, start, i, EntTypeColumn[start]));
                    start = -1;
                }

                if (i < Length && (iob == 3 || (iob == 1 && start < 0)) && EntTypeColumn[i] != 0)
                {
                    start = i;
                }
            }

            return result;
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var sorted = value.OrderBy(s => s.Start).ToList();
            for (var k = 0; k < sorted.Count; k++)
            {
                var span = sorted[k];
                if (!ReferenceEquals(span.Doc, this))
                {
                    throw Errors.InvalidArgument($"Entity '{span.Text}'", "belongs to another doc");
                }

                if (k > 0 && sorted[k - 1].End > span.Start)
                {
                    throw Errors.OverlappingEntities(Describe(sorted[k - 1]), Describe(span));
                }
            }

            var iob = Ensure(ref IobColumn, Length);
            var types = Ensure(ref EntTypeColumn, Length);
            Array.Fill(iob, (byte)2);
            Array.Clear(types);
            foreach (var span in sorted)
            {
                for (var i = span.Start; i < span.End; i++)
                {
                    iob[i] = i == span.Start ? (byte)3 : (byte)1;
                    types[i] = span.LabelId;
                }
            }
        }
    }

    /// <summary>
    /// The sentences, from explicit sentence starts or else from the dependency tree. Throws E015 when neither a
    /// sentence splitter nor a parser has run.
    /// </summary>
    public IEnumerable<Span> Sents
    {
        get
        {
            if (SentStartColumn is null && HeadColumn is null)
            {
                throw Errors.SentencesUnset();
            }

            return EnumerateSentences(SentenceStarts());
        }
    }

    /// <summary>Whether sentence boundaries are known (set explicitly or implied by a parse).</summary>
    public bool HasSentenceBoundaries => SentStartColumn is not null || HeadColumn is not null;

    /// <summary>Sets the entity annotation of one token directly (for entity recognizers).</summary>
    public void SetEntity(int i, byte iob, ulong label)
    {
        if ((uint)i >= (uint)Length)
        {
            throw Errors.SpanOutOfRange(i, i + 1, Length);
        }

        if (iob > 3)
        {
            throw Errors.OutOfRange(nameof(iob), iob, "use 0 (unset), 1 (I), 2 (O) or 3 (B)");
        }

        Ensure(ref IobColumn, Length)[i] = iob;
        Ensure(ref EntTypeColumn, Length)[i] = label;
    }

    internal bool[] SentenceStarts()
    {
        var starts = new bool[Length];
        if (Length == 0)
        {
            return starts;
        }

        if (SentStartColumn is not null)
        {
            for (var i = 0; i < Length; i++)
            {
                starts[i] = SentStartColumn[i] == 1;
            }
        }
        else if (HeadColumn is not null)
        {
            // A sentence boundary falls before token k when no arc spans it: count arcs covering each gap.
            var cover = new int[Length + 1];
            for (var i = 0; i < Length; i++)
            {
                var lo = Math.Min(i, HeadColumn[i]);
                var hi = Math.Max(i, HeadColumn[i]);
                cover[lo + 1]++;
                cover[hi + 1]--;
            }

            var open = 0;
            for (var k = 1; k < Length; k++)
            {
                open += cover[k];
                starts[k] = open == 0;
            }
        }

        starts[0] = true;
        return starts;
    }

    internal int[] EnsureHeads()
    {
        if (HeadColumn is null)
        {
            var heads = new int[Length];
            for (var i = 0; i < heads.Length; i++)
            {
                heads[i] = i;
            }

            HeadColumn = heads;
        }

        return HeadColumn;
    }

    internal Token TokenAtChar(int idx)
    {
        var i = Array.BinarySearch(IdxColumn, idx);
        return i >= 0 ? new Token(this, i) : throw Errors.InvalidArgument("Character offset", $"{idx} starts no token");
    }

    internal Span SpanAtChars(int startChar, int endChar)
    {
        var start = Array.BinarySearch(IdxColumn, startChar);
        var end = start;
        while (end < Length && IdxColumn[end] < endChar)
        {
            end++;
        }

        return start >= 0 ? new Span(this, start, end) : throw Errors.InvalidArgument("Character offset", $"{startChar} starts no token");
    }

    private IEnumerable<Span> EnumerateSentences(bool[] starts)
    {
        var start = 0;
        for (var i = 1; i <= Length; i++)
        {
            if (i == Length || starts[i])
            {
                yield return new Span(this, start, i);
                start = i;
            }
        }
    }

    private static string Describe(Span span) => $"'{span.Text}' [{span.Start}, {span.End}) {span.Label}";
}
