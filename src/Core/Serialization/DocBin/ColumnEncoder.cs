using Pipeline.Tokens;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// Encodes the token columns of a <see cref="DocBinData"/> with the model of <see cref="DocBinColumns"/>: string
/// columns are renumbered by first appearance (their strings interned in the shared <see cref="StringTable"/>),
/// every value becomes a code (a rank in its context's recent-values list, or an escape) and the codes go through
/// <see cref="CodeStream"/>. Holds pooled buffers until disposed.
/// </summary>
internal sealed class ColumnEncoder : IDisposable
{
    private const int Slots = (int)Attr.Spacy + 1;
    private readonly DocBinData _data;
    private readonly int _tokens;
    private readonly StringTable _table;
    private readonly ReadOnlyMemory<int>[] _codes = new ReadOnlyMemory<int>[Slots];
    private readonly int[]?[] _globals = new int[Slots][];
    private readonly RentedArrays _scratch = new();
    private readonly int[] _distinct = new int[Slots];
    private readonly List<PackedWriter> _writers = [];

    /// <summary>Prepares every column: string columns are renumbered (in coding order, so Orth's strings come first in the table).</summary>
    public ColumnEncoder(DocBinData data, StringTable table)
    {
        _data = data;
        _tokens = data.TokenCount;
        _table = table;
        foreach (var attr in DocBinColumns.Order)
        {
            if (_data.StringColumn(attr) is { } column)
            {
                Renumber(attr, column);
            }
            else if (_data.Attrs.Contains(attr))
            {
                Widen(attr);
            }
        }
    }

    /// <summary>A string column's dictionary: the string-table index of each entry, delta-coded (null for other columns).</summary>
    public PackedWriter? WriteDictionary(Attr attr)
    {
        if (_globals[(int)attr] is not { } globals)
        {
            return null;
        }

        var w = NewWriter(globals.Length * 2 + 8);
        w.WriteVarUInt((ulong)(globals.Length - 1));
        var previous = 0;
        for (var e = 1; e < globals.Length; e++)
        {
            w.WriteVarInt(globals[e] - previous);
            previous = globals[e];
        }

        return w;
    }

    /// <summary>Returns the pooled buffers (the written blobs become invalid).</summary>
    public void Dispose()
    {
        _scratch.Dispose();
        foreach (var writer in _writers)
        {
            writer.Dispose();
        }
    }

    /// <summary>A pooled writer released with this encoder.</summary>
    public PackedWriter NewWriter(int capacity)
    {
        var writer = new PackedWriter(capacity);
        _writers.Add(writer);
        return writer;
    }

    private Span<uint> RentCodes() => _scratch.UInts(_tokens).AsSpan(0, _tokens);

    private int[] Rent(int length) => _scratch.Ints(length);

    /// <summary>Numbers the column's entries by first appearance (dropping unused ones) and interns their strings.</summary>
    private void Renumber(Attr attr, StringColumn column)
    {
        var source = column.Codes.Span;
        var hashes = column.Hashes;
        var strings = column.Strings;

        // Bins built with Add already number entries by first appearance: then the codes are used as they are.
        var next = 1;
        var ordered = true;
        for (var t = 0; t < source.Length && ordered; t++)
        {
            var c = source[t];
            next += c == next ? 1 : 0;
            ordered = c <= next;
        }

        int[] globals;
        if (ordered && next == column.EntryCount)
        {
            globals = new int[next];
            for (var e = 1; e < next; e++)
            {
                globals[e] = _table.Add(hashes[e], strings[e]);
            }

            _codes[(int)attr] = column.Codes.Memory;
        }
        else
        {
            var codes = Rent(_tokens);
            var newOf = Rent(column.EntryCount);
            Array.Fill(newOf, -1, 0, column.EntryCount);
            newOf[0] = 0;
            next = 1;
            for (var t = 0; t < source.Length; t++)
            {
                ref var mapped = ref newOf[source[t]];
                if (mapped < 0)
                {
                    mapped = next++;
                }

                codes[t] = mapped;
            }

            globals = new int[next];
            for (var e = 1; e < column.EntryCount; e++)
            {
                if (newOf[e] > 0)
                {
                    globals[newOf[e]] = _table.Add(hashes[e], strings[e]);
                }
            }

            _codes[(int)attr] = codes.AsMemory(0, _tokens);
        }

        _globals[(int)attr] = globals;
        _distinct[(int)attr] = next;
    }

    private ReadOnlySpan<int> Codes(Attr attr) => _codes[(int)attr].Span;

    private ReadOnlySpan<int> Keys(ColumnKey key, out int space)
    {
        var orthEntries = _globals[(int)Attr.Orth]!.Length;
        switch (key)
        {
            case ColumnKey.Orth:
                space = orthEntries;
                return Codes(Attr.Orth);
            case ColumnKey.Tag:
                space = _globals[(int)Attr.Tag]!.Length;
                return Codes(Attr.Tag);
            case ColumnKey.PrevOrth:
            case ColumnKey.NextOrth:
                space = orthEntries;
                var keys = Rent(_tokens).AsSpan(0, _tokens);
                if (key == ColumnKey.PrevOrth)
                {
                    DocBinColumns.PrevKeys(Codes(Attr.Orth), _data.DocLengths.Span, keys);
                }
                else
                {
                    DocBinColumns.NextKeys(Codes(Attr.Orth), _data.DocLengths.Span, keys);
                }

                return keys;
            default:
                space = 1;
                return [];
        }
    }

    /// <summary>Copies a small-valued column (head offsets or byte codes) into an int column like the string ones.</summary>
    private void Widen(Attr attr)
    {
        var values = Rent(_tokens);
        ReadOnlySpan<byte> bytes;
        switch (attr)
        {
            case Attr.Head:
                _data.Heads!.Span.CopyTo(values);
                _codes[(int)attr] = values.AsMemory(0, _tokens);
                return;
            case Attr.EntIob:
                bytes = _data.Iob!.Span;
                break;
            case Attr.SentStart:
                bytes = _data.SentStarts!.Span;
                break;
            default:
                bytes = _data.Spaces.Span;
                break;
        }

        for (var t = 0; t < bytes.Length; t++)
        {
            values[t] = bytes[t];
        }

        _codes[(int)attr] = values.AsMemory(0, _tokens);
        _distinct[(int)attr] = 4;
    }

    /// <summary>The coded column of <paramref name="attr"/>.</summary>
    public PackedWriter WriteColumn(Attr attr)
    {
        var w = NewWriter(_tokens + 16);
        var key = DocBinColumns.KeyOf(attr, _data.Attrs);
        var keys = Keys(key, out var space);
        var contexts = Span<byte>.Empty;
        var contextCount = 1;
        if (DocBinColumns.ContextOf(attr, _data.Attrs) is { } context)
        {
            contexts = _scratch.Bytes(_tokens).AsSpan(0, _tokens);
            contextCount = DocBinColumns.Contexts(Codes(context), _distinct[(int)context], contexts);
        }

        var codes = RentCodes();
        if (_globals[(int)attr] is { } globals)
        {
            var lists = key switch
            {
                ColumnKey.Raw => null,
                ColumnKey.Orth => DocBinColumns.SeededLists(_globals[(int)Attr.Orth]!, globals, _table.Count, _scratch),
                _ => DocBinColumns.NewLists(space, _scratch),
            };
            EncodeStrings(Codes(attr), keys, lists, codes);
        }
        else
        {
            EncodeSmall(Codes(attr), keys, key == ColumnKey.Raw ? null : DocBinColumns.NewLists(space, _scratch), codes);
        }

        CodeStream.Write(codes, contexts, contextCount, w);
        return w;
    }

    private static void EncodeStrings(ReadOnlySpan<int> values, ReadOnlySpan<int> keys, int[]? lists, Span<uint> codes)
    {
        var nextNew = 1;
        if (lists is null)
        {
            for (var t = 0; t < values.Length; t++)
            {
                var v = values[t];
                codes[t] = v == nextNew ? 0u : (uint)v + 1;
                nextNew += v == nextNew ? 1 : 0;
            }

            return;
        }

        var last = DocBinColumns.Unset;
        for (var t = 0; t < values.Length; t++)
        {
            var v = values[t];
            var rank = DocBinColumns.Update(lists, (keys.IsEmpty ? 0 : keys[t]) * DocBinColumns.Slots, v, last);
            codes[t] = rank >= 0 ? (uint)rank : DocBinColumns.Slots + (v == nextNew ? 0u : (uint)v + 1);
            nextNew += v == nextNew ? 1 : 0;
            last = v;
        }
    }

    private static void EncodeSmall(ReadOnlySpan<int> values, ReadOnlySpan<int> keys, int[]? lists, Span<uint> codes)
    {
        if (lists is null)
        {
            for (var t = 0; t < values.Length; t++)
            {
                codes[t] = (uint)PackedWriter.ZigZag(values[t]);
            }

            return;
        }

        var last = 0;
        for (var t = 0; t < values.Length; t++)
        {
            var v = values[t];
            var rank = DocBinColumns.Update(lists, (keys.IsEmpty ? 0 : keys[t]) * DocBinColumns.Slots, v, last);
            codes[t] = rank >= 0 ? (uint)rank : DocBinColumns.Slots + (uint)PackedWriter.ZigZag(v);
            last = v;
        }
    }
}
