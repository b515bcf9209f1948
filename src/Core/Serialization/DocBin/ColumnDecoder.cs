using Pipeline.Tokens;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// Decodes the columns of one DocBin payload in <see cref="DocBinColumns.Order"/>, mirroring the model of
/// <see cref="DocBinWriter"/> and validating every value: dictionary indices, first-appearance numbering, head
/// offsets inside their doc, and code ranges.
/// </summary>
internal sealed class ColumnDecoder : IDisposable
{
    private const int Slots = (int)Attr.Spacy + 1;
    private readonly string[] _table;
    private readonly ulong[] _tableHashes;
    private readonly int[] _docLengths;
    private readonly int _tokens;
    private readonly Attr[] _attrs;
    private readonly int[]?[] _values = new int[Slots][];
    private readonly int[]?[] _globals = new int[Slots][];
    private readonly int[] _distinct = new int[Slots];
    private readonly RentedArrays _scratch = new();

    public ColumnDecoder(string[] table, int[] docLengths, int tokens, Attr[] attrs)
    {
        _table = table;
        _tableHashes = new ulong[table.Length];
        _docLengths = docLengths;
        _tokens = tokens;
        _attrs = attrs;
    }

    public StringColumn ReadStrings(ReadOnlySpan<byte> dictionary, ReadOnlySpan<byte> blob, Attr attr)
    {
        var d = new PackedReader(dictionary, $"dictionary {attr}");
        var entries = d.ReadCount("dictionary size") + 1;
        var hashes = new ulong[entries];
        var strings = new string[entries];
        var globals = new int[entries];
        strings[0] = string.Empty;
        long global = 0;
        for (var e = 1; e < entries; e++)
        {
            var delta = d.ReadVarInt();
            if (delta < -global || delta >= _table.Length - global)
            {
                throw d.Invalid($"dictionary entry {e} points outside the string table");
            }

            global += delta;
            globals[e] = (int)global;
            strings[e] = _table[global];
            hashes[e] = _tableHashes[global] != 0 ? _tableHashes[global] : _tableHashes[global] = StringStore.Hash(strings[e]);
        }

        d.ExpectEnd();
        var r = new PackedReader(blob, $"column {attr}");
        var codes = ReadCodes(ref r, attr);
        var key = DocBinColumns.KeyOf(attr, _attrs);
        var keys = Keys(key, out var space);
        var isOrth = attr == Attr.Orth;
        var lists = key switch
        {
            ColumnKey.Raw => null,
            ColumnKey.Orth => DocBinColumns.SeededLists(_globals[(int)Attr.Orth]!, globals, _table.Length, _scratch),
            _ => DocBinColumns.NewLists(isOrth ? entries : space, _scratch),
        };
        var values = GC.AllocateUninitializedArray<int>(_tokens);
        var nextNew = 1;
        var last = DocBinColumns.Unset;
        var t = 0;
        foreach (var n in _docLengths)
        {
            for (var i = 0; i < n; i++, t++)
            {
                var code = codes[t];
                int v;
                if (lists is null)
                {
                    v = code == 0 ? nextNew : code - 1 < (uint)nextNew ? (int)(code - 1) : int.MaxValue;
                }
                else
                {
                    var at = (isOrth ? (i == 0 ? 0 : values[t - 1]) : keys.IsEmpty ? 0 : keys[t]) * DocBinColumns.Slots;
                    var rank = code < DocBinColumns.Slots ? (int)code : -1;
                    v = rank >= 0 ? DocBinColumns.ValueAt(lists, at, code, last) : Escape(code, nextNew);
                    if (v >= 0)
                    {
                        DocBinColumns.Promote(lists, at, rank, v);
                    }
                }

                if (v < (isOrth ? 1 : 0) || v > nextNew || v >= entries)
                {
                    throw r.Invalid($"the value of token {t} is outside the dictionary");
                }

                nextNew += v == nextNew ? 1 : 0;
                values[t] = v;
                last = v;
            }
        }

        if (nextNew != entries)
        {
            throw r.Invalid($"{entries - nextNew} dictionary entries are never used");
        }

        _values[(int)attr] = values;
        _globals[(int)attr] = globals;
        _distinct[(int)attr] = entries;
        return new StringColumn(hashes, strings, values);
    }

    /// <summary>Returns the scratch arrays; the decoded columns stay valid.</summary>
    public void Dispose() => _scratch.Dispose();

    public int[] ReadHeads(ReadOnlySpan<byte> blob)
    {
        var heads = ReadSmall(blob, Attr.Head, GC.AllocateUninitializedArray<int>(_tokens));
        var t = 0;
        foreach (var n in _docLengths)
        {
            for (var i = 0; i < n; i++, t++)
            {
                if ((ulong)((long)i + heads[t]) >= (ulong)n)
                {
                    throw new InvalidDataException($"column Head: offset {heads[t]} of token {i} points outside its doc of {n} tokens");
                }
            }
        }

        return heads;
    }

    public byte[] ReadBytes(ReadOnlySpan<byte> blob, Attr attr, int max)
    {
        var values = ReadSmall(blob, attr, _scratch.Ints(_tokens));
        var bytes = GC.AllocateUninitializedArray<byte>(_tokens);
        for (var t = 0; t < bytes.Length; t++)
        {
            var v = values[t];
            bytes[t] = (uint)v <= (uint)max ? (byte)v : throw new InvalidDataException($"column {attr}: value {v} of token {t} is not 0-{max}");
        }

        _distinct[(int)attr] = 4;
        return bytes;
    }

    /// <summary>The dictionary entry an escape code names: the next new entry, or an earlier one (int.MaxValue when invalid).</summary>
    private static int Escape(uint code, int nextNew)
    {
        var escape = code - DocBinColumns.Slots;
        return escape == 0 ? nextNew : escape - 1 < (uint)nextNew ? (int)(escape - 1) : int.MaxValue;
    }

    private static int UnZigZag(uint v) => (int)(v >> 1) ^ -(int)(v & 1);

    private int[] ReadSmall(ReadOnlySpan<byte> blob, Attr attr, int[] values)
    {
        var r = new PackedReader(blob, $"column {attr}");
        var codes = ReadCodes(ref r, attr);
        var key = DocBinColumns.KeyOf(attr, _attrs);
        var keys = Keys(key, out var space);
        if (key == ColumnKey.Raw)
        {
            for (var t = 0; t < _tokens; t++)
            {
                values[t] = UnZigZag(codes[t]);
            }

            _values[(int)attr] = values;
            return values;
        }

        var lists = DocBinColumns.NewLists(space, _scratch);
        var last = 0;
        for (var t = 0; t < _tokens; t++)
        {
            var code = codes[t];
            var at = (keys.IsEmpty ? 0 : keys[t]) * DocBinColumns.Slots;
            var rank = code < DocBinColumns.Slots ? (int)code : -1;
            var v = rank >= 0 ? DocBinColumns.ValueAt(lists, at, code, last) : UnZigZag(code - DocBinColumns.Slots);
            if (v == DocBinColumns.Unset)
            {
                throw r.Invalid($"the value of token {t} refers to an empty slot");
            }

            DocBinColumns.Promote(lists, at, rank, v);
            values[t] = v;
            last = v;
        }

        _values[(int)attr] = values;
        return values;
    }

    /// <summary>Reads one code per token, refusing token counts the stream cannot hold before allocating.</summary>
    private uint[] ReadCodes(ref PackedReader r, Attr attr)
    {
        if (_tokens > CodeStream.MaxCodes(r.Remaining))
        {
            throw r.Invalid($"{_tokens} tokens do not fit in {r.Remaining} bytes");
        }

        var contexts = Span<byte>.Empty;
        var contextCount = 1;
        if (DocBinColumns.ContextOf(attr, _attrs) is { } context)
        {
            contexts = _scratch.Bytes(_tokens).AsSpan(0, _tokens);
            contextCount = DocBinColumns.Contexts(_values[(int)context].AsSpan(0, _tokens), _distinct[(int)context], contexts);
        }

        var codes = _scratch.UInts(_tokens);
        CodeStream.Read(ref r, contexts, contextCount, codes.AsSpan(0, _tokens));
        r.ExpectEnd();
        return codes;
    }

    private ReadOnlySpan<int> Keys(ColumnKey key, out int space)
    {
        var orth = _values[(int)Attr.Orth];
        space = key switch
        {
            ColumnKey.Orth or ColumnKey.PrevOrth or ColumnKey.NextOrth => _globals[(int)Attr.Orth]?.Length ?? 1,
            ColumnKey.Tag => _globals[(int)Attr.Tag]!.Length,
            _ => 1,
        };
        switch (key)
        {
            case ColumnKey.Orth:
                return orth;
            case ColumnKey.Tag:
                return _values[(int)Attr.Tag];
            case ColumnKey.PrevOrth when orth is not null:
                var prev = _scratch.Ints(_tokens).AsSpan(0, _tokens);
                DocBinColumns.PrevKeys(orth, _docLengths, prev);
                return prev;
            case ColumnKey.NextOrth when orth is not null:
                var next = _scratch.Ints(_tokens).AsSpan(0, _tokens);
                DocBinColumns.NextKeys(orth, _docLengths, next);
                return next;
            default:
                return [];
        }
    }
}
