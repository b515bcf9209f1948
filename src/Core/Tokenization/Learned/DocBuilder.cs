using Pipeline.Tokens;

namespace Pipeline.Tokenization.Learned;

/// <summary>
/// Per-thread scratch space of the learned tokenizer: the character labels and the growing word columns of the doc
/// being built. Reused across calls, so tokenizing allocates little beyond the doc's own arrays.
/// </summary>
internal sealed class DocBuilder
{
    private const int MaxKeptCapacity = 1 << 16;

    [ThreadStatic]
    private static DocBuilder? _current;

    private byte[] _labels = new byte[1024];
    private ulong[] _orth = new ulong[256];
    private bool[] _spaces = new bool[256];
    private sbyte[] _starts = new sbyte[256];
    private int[] _idx = new int[256];
    private readonly List<MultiwordToken> _multiwords = [];

    public int Count { get; private set; }

    /// <summary>The calling thread's builder, emptied, with room for <paramref name="chars"/> labels.</summary>
    public static DocBuilder Rent(int chars)
    {
        var builder = _current ??= new DocBuilder();
        builder.Count = 0;
        builder._multiwords.Clear();
        if (builder._orth.Length > MaxKeptCapacity)
        {
            builder._orth = new ulong[256];
            builder._spaces = new bool[256];
            builder._starts = new sbyte[256];
            builder._idx = new int[256];
        }

        if (builder._labels.Length < chars || builder._labels.Length > MaxKeptCapacity * 4)
        {
            builder._labels = new byte[Math.Max(chars, 1024)];
        }

        return builder;
    }

    /// <summary>The label buffer, at least as long as the text.</summary>
    public Span<byte> Labels(int chars) => _labels.AsSpan(0, chars);

    /// <summary>Whether the last word is followed by a space.</summary>
    public bool LastHasSpace => Count > 0 && _spaces[Count - 1];

    /// <summary>Appends a word starting at character <paramref name="idx"/>, without a trailing space.</summary>
    public void Add(ulong orth, bool sentenceStart, int idx)
    {
        if (Count == _orth.Length)
        {
            var size = _orth.Length * 2;
            Array.Resize(ref _orth, size);
            Array.Resize(ref _spaces, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _idx, size);
        }

        _orth[Count] = orth;
        _spaces[Count] = false;
        _starts[Count] = sentenceStart ? (sbyte)1 : (sbyte)-1;
        _idx[Count] = idx;
        Count++;
    }

    /// <summary>Marks the words <c>[start, Count)</c> as one multiword token of surface <paramref name="text"/>.</summary>
    public void AddMultiword(int start, string text) => _multiwords.Add(new MultiwordToken(start, Count, text));

    /// <summary>Marks the last word as followed by a space; false when there is no word yet.</summary>
    public bool SetTrailingSpace()
    {
        if (Count == 0)
        {
            return false;
        }

        _spaces[Count - 1] = true;
        return true;
    }

    /// <summary>The doc of the words added so far, with its sentence starts and multiword tokens.</summary>
    public Doc Build(Vocab vocab)
    {
        var doc = new Doc(vocab, _orth.AsSpan(0, Count).ToArray(), _spaces.AsSpan(0, Count).ToArray(), _idx.AsSpan(0, Count).ToArray());
        if (Count > 0)
        {
            var starts = _starts.AsSpan(0, Count).ToArray();
            starts[0] = 1;
            doc.SentStartColumn = starts;
        }

        if (_multiwords.Count > 0)
        {
            doc.AttachMultiwords([.. _multiwords]);
        }

        return doc;
    }
}
