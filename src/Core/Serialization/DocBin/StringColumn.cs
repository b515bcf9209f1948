namespace Pipeline.Serialization.DocBin;

/// <summary>
/// One string-valued attribute across all docs of a DocBin: a column-local dictionary (entry 0 is the empty string,
/// hash 0) and one dictionary index per token. Local indices keep the encoded values small.
/// </summary>
internal sealed class StringColumn
{
    private HashIndex? _index;
    private ulong[] _hashes;
    private string[] _strings;

    public StringColumn()
    {
        _hashes = new ulong[16];
        _strings = new string[16];
        _strings[0] = string.Empty;
        EntryCount = 1;
    }

    /// <summary>Wraps decoded dictionary entries (entry 0 must be the empty string) and token codes.</summary>
    public StringColumn(ulong[] hashes, string[] strings, int[] codes)
    {
        _hashes = hashes;
        _strings = strings;
        EntryCount = hashes.Length;
        Codes = ColumnBuffer<int>.Adopt(codes);
    }

    /// <summary>The number of dictionary entries, the empty string included.</summary>
    public int EntryCount { get; private set; }

    /// <summary>The hash of each dictionary entry.</summary>
    public ReadOnlySpan<ulong> Hashes => _hashes.AsSpan(0, EntryCount);

    /// <summary>The string of each dictionary entry.</summary>
    public ReadOnlySpan<string> Strings => _strings.AsSpan(0, EntryCount);

    /// <summary>The dictionary index of every token.</summary>
    public ColumnBuffer<int> Codes { get; } = new();

    /// <summary>Appends one code per hash, adding unseen strings (looked up in <paramref name="store"/>) to the dictionary.</summary>
    public void AppendHashes(ReadOnlySpan<ulong> hashes, StringStore store, bool refuseEmpty)
    {
        var index = Index();
        var codes = Codes.Append(hashes.Length);
        for (var i = 0; i < hashes.Length; i++)
        {
            var hash = hashes[i];
            if (hash == 0)
            {
                if (refuseEmpty)
                {
                    throw Errors.InvalidArgument($"Token {i}", "has an empty text; every token needs at least one character");
                }

                codes[i] = 0;
                continue;
            }

            var code = index.Find(hash);
            codes[i] = code >= 0 ? code : AddEntry(index, hash, store[hash]);
        }
    }

    /// <summary>Appends <paramref name="count"/> empty values (for docs that lack the attribute).</summary>
    public void AppendEmpty(int count) => Codes.Append(count).Clear();

    /// <summary>Appends the codes of <paramref name="other"/>, translated into this column's dictionary.</summary>
    public void AppendColumn(StringColumn other, int tokenCount)
    {
        var index = Index();
        var remap = new int[other.EntryCount];
        for (var e = 1; e < other.EntryCount; e++)
        {
            var hash = other._hashes[e];
            var code = index.Find(hash);
            remap[e] = code >= 0 ? code : AddEntry(index, hash, other._strings[e]);
        }

        var source = other.Codes.Span[..tokenCount];
        var target = Codes.Append(tokenCount);
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = remap[source[i]];
        }
    }

    private HashIndex Index()
    {
        if (_index is null)
        {
            _index = new HashIndex(EntryCount);
            for (var e = 1; e < EntryCount; e++)
            {
                if (_index.Find(_hashes[e]) < 0)
                {
                    _index.Add(_hashes[e], e);
                }
            }
        }

        return _index;
    }

    private int AddEntry(HashIndex index, ulong hash, string text)
    {
        if (EntryCount == _hashes.Length)
        {
            Array.Resize(ref _hashes, EntryCount * 2);
            Array.Resize(ref _strings, EntryCount * 2);
        }

        _hashes[EntryCount] = hash;
        _strings[EntryCount] = text;
        index.Add(hash, EntryCount);
        return EntryCount++;
    }
}
