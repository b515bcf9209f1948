using System.Buffers;
using MessagePack;
using Pipeline.Tokens;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// Encodes a <see cref="DocBinData"/>: a MessagePack payload (attributes, counts, the string table, column
/// dictionaries, cats and user data) that <see cref="DocBinEnvelope"/> compresses, plus the token columns coded by
/// <see cref="ColumnEncoder"/>. Every string is written once, in the shared string table.
/// </summary>
internal static class DocBinWriter
{
    public static byte[] Write(DocBinData data)
    {
        var table = new StringTable();
        using var encoder = new ColumnEncoder(data, table);
        var cats = encoder.NewWriter(16);
        var userData = encoder.NewWriter(16);
        var hasMultiwords = data.Multiwords.Exists(m => m is not null);
        var multiwords = encoder.NewWriter(16);
        for (var d = 0; d < data.DocCount; d++)
        {
            if (hasMultiwords)
            {
                MultiwordCodec.Write(multiwords, data.Multiwords[d], table);
            }

            UserDataCodec.WriteCats(cats, data.Cats[d], table);
            if (data.StoreUserData)
            {
                UserDataCodec.WriteUserData(userData, data.UserData[d], table);
            }
        }

        var stringLengths = encoder.NewWriter(table.Count * 2);
        var stringData = encoder.NewWriter(table.Count * 8);
        table.Write(stringLengths, stringData);
        var docLengths = encoder.NewWriter(data.DocCount * 2);
        var docFlags = encoder.NewWriter(data.DocCount * 2);
        for (var d = 0; d < data.DocCount; d++)
        {
            docLengths.WriteVarUInt((ulong)data.DocLengths[d]);
            docFlags.WriteVarUInt((ulong)data.DocFlags[d]);
        }

        var columns = new List<(string Name, ReadOnlyMemory<byte> Blob)>();
        var dictionaries = new List<(Attr Attr, PackedWriter Blob)>();
        foreach (var attr in DocBinColumns.Order)
        {
            if (data.Attrs.Contains(attr))
            {
                columns.Add((attr.ToString(), encoder.WriteColumn(attr).WrittenMemory));
                if (encoder.WriteDictionary(attr) is { } dictionary)
                {
                    dictionaries.Add((attr, dictionary));
                }
            }
        }

        var payload = new ArrayBufferWriter<byte>(1024 + cats.Length + userData.Length + stringLengths.Length + stringData.Length
            + docLengths.Length + docFlags.Length + dictionaries.Sum(x => x.Blob.Length + 16));
        var w = new MessagePackWriter(payload);
        w.WriteMapHeader(11 + (data.StoreUserData ? 1 : 0) + (hasMultiwords ? 1 : 0));
        w.Write(DocBinFields.Attrs);
        w.WriteArrayHeader(data.Attrs.Length);
        foreach (var attr in data.Attrs)
        {
            w.Write(attr.ToString());
        }

        w.Write(DocBinFields.StoreUserData);
        w.Write(data.StoreUserData);
        w.Write(DocBinFields.DocCount);
        w.Write(data.DocCount);
        w.Write(DocBinFields.TokenCount);
        w.Write(data.TokenCount);
        WriteBin(ref w, DocBinFields.DocLengths, docLengths);
        WriteBin(ref w, DocBinFields.DocFlags, docFlags);
        w.Write(DocBinFields.StringCount);
        w.Write(table.Count);
        WriteBin(ref w, DocBinFields.StringLengths, stringLengths);
        WriteBin(ref w, DocBinFields.StringData, stringData);
        w.Write(DocBinFields.Dictionaries);
        w.WriteMapHeader(dictionaries.Count);
        foreach (var (attr, blob) in dictionaries)
        {
            WriteBin(ref w, attr.ToString(), blob);
        }

        WriteBin(ref w, DocBinFields.Cats, cats);
        if (data.StoreUserData)
        {
            WriteBin(ref w, DocBinFields.UserData, userData);
        }

        if (hasMultiwords)
        {
            WriteBin(ref w, DocBinFields.Multiwords, multiwords);
        }

        w.Flush();
        return DocBinEnvelope.Wrap(payload.WrittenSpan, columns);
    }

    private static void WriteBin(ref MessagePackWriter w, string name, PackedWriter blob)
    {
        w.Write(name);
        w.Write(blob.WrittenSpan);
    }
}
