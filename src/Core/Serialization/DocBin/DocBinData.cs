using System.Runtime.InteropServices;
using Pipeline.Tokens;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// The contents of a DocBin, column by column across all its docs: string attributes as indices into column-local
/// dictionaries, heads as relative offsets, small codes as bytes, plus per-doc lengths, presence flags, cats and
/// user data. Both <see cref="Add"/> and <see cref="DocBinReader"/> fill it; <see cref="DocBinWriter"/> encodes it.
/// </summary>
internal sealed partial class DocBinData
{
    /// <summary>Attributes stored when the caller names none: everything a doc can carry.</summary>
    public static readonly Attr[] AllAttrs =
    [
        Attr.Orth, Attr.Norm, Attr.Lemma, Attr.Pos, Attr.Tag, Attr.Morph, Attr.Dep, Attr.Head, Attr.EntIob, Attr.EntType,
        Attr.EntId, Attr.SentStart, Attr.Spacy,
    ];

    private const int AttrSlots = (int)Attr.Spacy + 1;
    private readonly StringColumn?[] _strings = new StringColumn?[AttrSlots];

    public DocBinData(Attr[] attrs, bool storeUserData)
    {
        Attrs = attrs;
        StoreUserData = storeUserData;
        foreach (var attr in attrs)
        {
            if (IsStringAttr(attr))
            {
                _strings[(int)attr] = new StringColumn();
            }
        }

        Heads = attrs.Contains(Attr.Head) ? new ColumnBuffer<int>() : null;
        Iob = attrs.Contains(Attr.EntIob) ? new ColumnBuffer<byte>() : null;
        SentStarts = attrs.Contains(Attr.SentStart) ? new ColumnBuffer<byte>() : null;
    }

    /// <summary>The stored attributes in enum order; always includes Orth and Spacy.</summary>
    public Attr[] Attrs { get; }

    public bool StoreUserData { get; }

    public int TokenCount { get; private set; }

    public int DocCount => DocLengths.Count;

    public ColumnBuffer<int> DocLengths { get; private set; } = new();

    /// <summary>Per doc, bit <c>1 &lt;&lt; (int)attr</c> is set when the doc had that optional column at all.</summary>
    public ColumnBuffer<int> DocFlags { get; private set; } = new();

    /// <summary>Relative head offsets, when Head is stored.</summary>
    public ColumnBuffer<int>? Heads { get; private set; }

    /// <summary>IOB codes 0-3, when EntIob is stored.</summary>
    public ColumnBuffer<byte>? Iob { get; private set; }

    /// <summary>Sentence starts plus one (0, 1, 2 for -1, 0, 1), when SentStart is stored.</summary>
    public ColumnBuffer<byte>? SentStarts { get; private set; }

    /// <summary>Trailing-space flags, 0 or 1.</summary>
    public ColumnBuffer<byte> Spaces { get; private set; } = new();

    public List<KeyValuePair<string, double>[]?> Cats { get; } = [];

    public List<KeyValuePair<UserDataKey, object?>[]?> UserData { get; } = [];

    /// <summary>Per doc, its multiword tokens, or null when it has none.</summary>
    public List<MultiwordToken[]?> Multiwords { get; } = [];

    /// <summary>Whether <paramref name="attr"/> holds strings (hashes in the doc, dictionary indices here).</summary>
    public static bool IsStringAttr(Attr attr) =>
        attr is Attr.Orth or Attr.Norm or Attr.Lemma or Attr.Pos or Attr.Tag or Attr.Morph or Attr.Dep or Attr.EntType or Attr.EntId;

    /// <summary>The presence flag of an optional column.</summary>
    public static int FlagOf(Attr attr) => attr is Attr.Orth or Attr.Spacy ? 0 : 1 << (int)attr;

    /// <summary>
    /// Validates and orders attributes: Orth and Spacy are always added, derived ones are refused (E030). Norm is
    /// stored per token (only norms set on the token itself; the word type's norm comes back from the text).
    /// </summary>
    public static Attr[] Canonical(IEnumerable<Attr>? attrs)
    {
        var set = new SortedSet<Attr> { Attr.Orth, Attr.Spacy };
        foreach (var attr in attrs ?? AllAttrs)
        {
            if (attr is Attr.Lower or Attr.Shape or Attr.Prefix or Attr.Suffix)
            {
                throw Errors.DocBinDerivedAttr(attr);
            }

            if (!Enum.IsDefined(attr))
            {
                throw Errors.InvalidArgument("Attribute", $"{(int)attr} is not a known Attr");
            }

            set.Add(attr);
        }

        return [.. set];
    }

    /// <summary>The column of a string attribute, or null when it is not stored.</summary>
    public StringColumn? StringColumn(Attr attr) => _strings[(int)attr];

    /// <summary>Installs a decoded string column.</summary>
    public void SetStringColumn(Attr attr, StringColumn column) => _strings[(int)attr] = column;

    /// <summary>Installs decoded per-token and per-doc columns.</summary>
    public void SetColumns(int[] docLengths, int[] docFlags, int tokenCount, byte[] spaces, int[]? heads, byte[]? iob, byte[]? sentStarts)
    {
        DocLengths = ColumnBuffer<int>.Adopt(docLengths);
        DocFlags = ColumnBuffer<int>.Adopt(docFlags);
        TokenCount = tokenCount;
        Spaces = ColumnBuffer<byte>.Adopt(spaces);
        Heads = heads is null ? null : ColumnBuffer<int>.Adopt(heads);
        Iob = iob is null ? null : ColumnBuffer<byte>.Adopt(iob);
        SentStarts = sentStarts is null ? null : ColumnBuffer<byte>.Adopt(sentStarts);
    }

    /// <summary>Appends a doc's stored attributes; on failure (a hash unknown to its vocab) nothing is added.</summary>
    public void Add(Doc doc)
    {
        var tokens = TokenCount;
        var docs = DocCount;
        try
        {
            var flags = 0;
            foreach (var attr in Attrs)
            {
                flags |= AppendAttr(doc, attr);
            }

            DocLengths.Add(doc.Length);
            DocFlags.Add(flags);
            Cats.Add(doc.HasCats ? [.. doc.Cats] : null);
            UserData.Add(StoreUserData && doc.HasUserData ? [.. doc.UserData] : null);
            Multiwords.Add(doc.HasMultiwords ? [.. doc.MultiwordTokens] : null);
            TokenCount += doc.Length;
        }
        catch
        {
            Truncate(tokens, docs);
            throw;
        }
    }

    /// <summary>Appends all docs of <paramref name="other"/>, which stores the same attributes.</summary>
    public void Merge(DocBinData other)
    {
        var tokens = other.TokenCount;
        var docs = other.DocCount;
        foreach (var attr in Attrs)
        {
            if (IsStringAttr(attr))
            {
                _strings[(int)attr]!.AppendColumn(other._strings[(int)attr]!, tokens);
            }
        }

        Copy(other.Heads, Heads, tokens);
        Copy(other.Iob, Iob, tokens);
        Copy(other.SentStarts, SentStarts, tokens);
        Copy(other.Spaces, Spaces, tokens);
        Copy(other.DocLengths, DocLengths, docs);
        Copy(other.DocFlags, DocFlags, docs);
        Cats.AddRange(other.Cats.GetRange(0, docs));
        UserData.AddRange(other.UserData.GetRange(0, docs));
        Multiwords.AddRange(other.Multiwords.GetRange(0, docs));
        TokenCount += tokens;
    }

    private static void Copy<T>(ColumnBuffer<T>? source, ColumnBuffer<T>? target, int count)
        where T : struct
    {
        if (source is not null && target is not null)
        {
            var from = source.Span[..count];
            from.CopyTo(target.Append(count));
        }
    }

    private static ulong[]? StringSource(Doc doc, Attr attr) => attr switch
    {
        Attr.Orth => doc.OrthColumn,
        Attr.Norm => doc.NormColumn,
        Attr.Lemma => doc.LemmaColumn,
        Attr.Pos => doc.PosColumn,
        Attr.Tag => doc.TagColumn,
        Attr.Morph => doc.MorphColumn,
        Attr.Dep => doc.DepColumn,
        Attr.EntType => doc.EntTypeColumn,
        _ => doc.EntIdColumn,
    };

    private int AppendAttr(Doc doc, Attr attr)
    {
        var n = doc.Length;
        switch (attr)
        {
            case Attr.Spacy:
                MemoryMarshal.Cast<bool, byte>(doc.SpaceColumn.AsSpan()).CopyTo(Spaces.Append(n));
                return 0;
            case Attr.Head:
                var heads = Heads!.Append(n);
                if (doc.HeadColumn is null)
                {
                    heads.Clear();
                    return 0;
                }

                for (var i = 0; i < n; i++)
                {
                    var head = doc.HeadColumn[i];
                    heads[i] = (uint)head < (uint)n ? head - i : throw Errors.ArrayShape($"head {head} of token {i} is outside the doc");
                }

                return FlagOf(attr);
            case Attr.EntIob:
                var iob = Iob!.Append(n);
                if (doc.IobColumn is null)
                {
                    iob.Clear();
                    return 0;
                }

                doc.IobColumn.CopyTo(iob);
                if (iob.ContainsAnyExceptInRange((byte)0, (byte)3))
                {
                    throw Errors.ArrayShape("an entity IOB code is not 0-3");
                }

                return FlagOf(attr);
            case Attr.SentStart:
                var sent = SentStarts!.Append(n);
                if (doc.SentStartColumn is null)
                {
                    sent.Fill(1);
                    return 0;
                }

                for (var i = 0; i < n; i++)
                {
                    var v = doc.SentStartColumn[i];
                    sent[i] = v is >= -1 and <= 1 ? (byte)(v + 1) : throw Errors.ArrayShape($"sentence start {v} of token {i} is not -1, 0 or 1");
                }

                return FlagOf(attr);
        }

        var column = _strings[(int)attr]!;
        var source = StringSource(doc, attr);
        if (source is null)
        {
            column.AppendEmpty(n);
            return 0;
        }

        column.AppendHashes(source, doc.Vocab.Strings, refuseEmpty: attr == Attr.Orth);
        return FlagOf(attr);
    }

    private void Truncate(int tokens, int docs)
    {
        foreach (var column in _strings)
        {
            column?.Codes.Truncate(tokens);
        }

        Heads?.Truncate(tokens);
        Iob?.Truncate(tokens);
        SentStarts?.Truncate(tokens);
        Spaces.Truncate(tokens);
        DocLengths.Truncate(docs);
        DocFlags.Truncate(docs);
        Cats.RemoveRange(docs, Cats.Count - docs);
        UserData.RemoveRange(docs, UserData.Count - docs);
        Multiwords.RemoveRange(docs, Multiwords.Count - docs);
    }
}
