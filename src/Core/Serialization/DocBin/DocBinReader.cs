using System.Buffers;
using MessagePack;
using Pipeline.Tokens;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// Decodes DocBin bytes written by <see cref="DocBinWriter"/>, treating them as untrusted: every count is checked
/// against the bytes left before anything is allocated, every index against its table, every head against its doc,
/// and any malformation becomes <see cref="PipelineFormatException"/>.
/// </summary>
internal static class DocBinReader
{
    private static readonly Dictionary<string, Attr> AttrsByName =
        DocBinData.AllAttrs.ToDictionary(a => a.ToString(), StringComparer.Ordinal);

    public static DocBinData Read(ReadOnlyMemory<byte> data, string source)
    {
        var payload = DocBinEnvelope.Unwrap(data, source, out var rented, out var columns);
        try
        {
            return MsgPack.Read(payload, source, (ref MessagePackReader r) => ReadPayload(ref r, columns));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads a MessagePack binary as a slice of the input (no copy).</summary>
    public static ReadOnlyMemory<byte> ReadBin(ref MessagePackReader r)
    {
        var bytes = r.ReadBytes() ?? throw new InvalidDataException("expected binary data, found nil");
        return bytes.IsSingleSegment ? bytes.First : bytes.ToArray();
    }

    private static DocBinData ReadPayload(ref MessagePackReader r, List<(string Name, ReadOnlyMemory<byte> Blob)> columnBlobs)
    {
        var f = new DocBinPayload();
        var fields = r.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            f.ReadField(ref r, AttrsByName);
        }

        var attrs = f.Attrs ?? throw Missing(DocBinFields.Attrs);
        var blobs = new Dictionary<Attr, ReadOnlyMemory<byte>>();
        foreach (var (name, blob) in columnBlobs)
        {
            if (!AttrsByName.TryGetValue(name, out var attr) || !attrs.Contains(attr) || !blobs.TryAdd(attr, blob))
            {
                throw new InvalidDataException($"column '{name}' is unknown, not listed in the attributes, or repeated");
            }
        }

        if (blobs.Count != attrs.Length || f.Dictionaries.Count != attrs.Count(DocBinData.IsStringAttr)
            || f.Dictionaries.Keys.Any(a => !attrs.Contains(a) || !DocBinData.IsStringAttr(a)))
        {
            throw new InvalidDataException("the columns or dictionaries do not match the attributes");
        }

        var storeUserData = f.StoreUserData ?? throw Missing(DocBinFields.StoreUserData);
        var data = new DocBinData(attrs, storeUserData);
        var docCount = f.DocCount ?? throw Missing(DocBinFields.DocCount);
        var tokenCount = f.TokenCount ?? throw Missing(DocBinFields.TokenCount);
        var docLengths = ReadDocLengths(Blob(f.DocLengths, DocBinFields.DocLengths), docCount, tokenCount);
        var allowed = 0;
        foreach (var attr in attrs)
        {
            allowed |= DocBinData.FlagOf(attr);
        }

        var docFlags = ReadDocInts(Blob(f.DocFlags, DocBinFields.DocFlags), docCount, allowed, "doc flags");
        var table = ReadStrings(Blob(f.StringLengths, DocBinFields.StringLengths), Blob(f.StringData, DocBinFields.StringData), f.StringCount ?? throw Missing(DocBinFields.StringCount));
        using var columns = new ColumnDecoder(table, docLengths, tokenCount, attrs);
        byte[] spaces = [];
        int[]? heads = null;
        byte[]? iob = null;
        byte[]? sentStarts = null;
        foreach (var attr in DocBinColumns.Order)
        {
            if (!attrs.Contains(attr))
            {
                continue;
            }

            var blob = blobs[attr].Span;
            switch (attr)
            {
                case Attr.Spacy:
                    spaces = columns.ReadBytes(blob, attr, 1);
                    break;
                case Attr.EntIob:
                    iob = columns.ReadBytes(blob, attr, 3);
                    break;
                case Attr.SentStart:
                    sentStarts = columns.ReadBytes(blob, attr, 2);
                    break;
                case Attr.Head:
                    heads = columns.ReadHeads(blob);
                    break;
                default:
                    data.SetStringColumn(attr, columns.ReadStrings(f.Dictionaries[attr].Span, blob, attr));
                    break;
            }

        }

        data.SetColumns(docLengths, docFlags, tokenCount, spaces, heads, iob, sentStarts);
        var cats = new PackedReader(Blob(f.Cats, DocBinFields.Cats).Span, DocBinFields.Cats);
        for (var d = 0; d < docCount; d++)
        {
            data.Cats.Add(UserDataCodec.ReadCats(ref cats, table));
        }

        cats.ExpectEnd();
        if (storeUserData != f.UserData.HasValue)
        {
            throw new InvalidDataException($"'{DocBinFields.UserData}' does not match '{DocBinFields.StoreUserData}'");
        }

        var userData = new PackedReader(f.UserData.GetValueOrDefault().Span, DocBinFields.UserData);
        for (var d = 0; d < docCount; d++)
        {
            data.UserData.Add(storeUserData ? UserDataCodec.ReadUserData(ref userData, table) : null);
        }

        userData.ExpectEnd();
        var multiwords = new PackedReader(f.Multiwords.GetValueOrDefault().Span, DocBinFields.Multiwords);
        var start = 0;
        for (var d = 0; d < docCount; d++)
        {
            var docSpaces = spaces.AsSpan(start, docLengths[d]);
            data.Multiwords.Add(f.Multiwords.HasValue ? MultiwordCodec.Read(ref multiwords, table, docSpaces) : null);
            start += docLengths[d];
        }

        multiwords.ExpectEnd();
        return data;
    }

    private static InvalidDataException Missing(string field) => new($"the field '{field}' is missing");

    private static ReadOnlyMemory<byte> Blob(ReadOnlyMemory<byte>? blob, string field) => blob ?? throw Missing(field);

    private static int[] ReadDocLengths(ReadOnlyMemory<byte> blob, int docCount, int tokenCount)
    {
        var lengths = ReadDocInts(blob, docCount, int.MaxValue, "doc lengths");
        long sum = 0;
        foreach (var n in lengths)
        {
            sum += n;
        }

        return sum == tokenCount ? lengths : throw new InvalidDataException($"doc lengths add up to {sum}, not {tokenCount} tokens");
    }

    private static int[] ReadDocInts(ReadOnlyMemory<byte> blob, int docCount, int allowedBits, string what)
    {
        var r = new PackedReader(blob.Span, what);
        if (docCount > r.Remaining)
        {
            throw r.Invalid($"{docCount} docs do not fit in {r.Remaining} bytes");
        }

        var values = new int[docCount];
        for (var d = 0; d < docCount; d++)
        {
            var v = r.ReadInt(int.MaxValue, what);
            values[d] = (v & ~allowedBits) == 0 ? v : throw r.Invalid($"value {v} of doc {d} is invalid");
        }

        r.ExpectEnd();
        return values;
    }

    private static string[] ReadStrings(ReadOnlyMemory<byte> lengthBlob, ReadOnlyMemory<byte> dataBlob, int count)
    {
        var lengths = new PackedReader(lengthBlob.Span, "string lengths");
        if (count > lengths.Remaining)
        {
            throw lengths.Invalid($"{count} strings do not fit in {lengths.Remaining} bytes");
        }

        var data = new PackedReader(dataBlob.Span, "string data");
        var table = new string[count];
        for (var i = 0; i < count; i++)
        {
            var length = lengths.ReadInt(data.Remaining, "string length");
            table[i] = length > 0 ? StringTable.Decode(data.ReadBytes(length)) : throw lengths.Invalid($"string {i} is empty");
        }

        lengths.ExpectEnd();
        data.ExpectEnd();
        return table;
    }
}
