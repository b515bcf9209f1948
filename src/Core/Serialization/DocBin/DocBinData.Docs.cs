using System.Runtime.InteropServices;
using Pipeline.Tokens;

namespace Pipeline.Serialization.DocBin;

internal sealed partial class DocBinData
{
    /// <summary>Rebuilds the docs in <paramref name="vocab"/>, first adding every string the columns use to it.</summary>
    public IEnumerable<Doc> ToDocs(Vocab vocab)
    {
        var hashes = new ulong[AttrSlots][];
        foreach (var attr in Attrs)
        {
            if (_strings[(int)attr] is { } column)
            {
                hashes[(int)attr] = AddStrings(column, vocab.Strings);
            }
        }

        var orth = _strings[(int)Attr.Orth]!;
        var orthLengths = new int[orth.EntryCount];
        var orthStrings = orth.Strings;
        for (var e = 0; e < orthLengths.Length; e++)
        {
            orthLengths[e] = orthStrings[e].Length;
        }

        var count = DocCount;
        var start = 0;
        for (var d = 0; d < count; d++)
        {
            yield return BuildDoc(d, start, vocab, hashes, orthLengths);
            start += DocLengths[d];
        }
    }

    private static ulong[] AddStrings(StringColumn column, StringStore store)
    {
        var strings = column.Strings;
        var hashes = column.Hashes;
        for (var e = 1; e < strings.Length; e++)
        {
            if (!store.Contains(hashes[e]))
            {
                store.Add(strings[e]);
            }
        }

        return hashes.ToArray();
    }

    private static ulong[] MapHashes(ReadOnlySpan<int> codes, ulong[] hashes)
    {
        var result = new ulong[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            result[i] = hashes[codes[i]];
        }

        return result;
    }

    private Doc BuildDoc(int d, int start, Vocab vocab, ulong[][] hashes, int[] orthLengths)
    {
        var n = DocLengths[d];
        var flags = DocFlags[d];
        var orthCodes = _strings[(int)Attr.Orth]!.Codes.Span.Slice(start, n);
        var orthHashes = hashes[(int)Attr.Orth];
        var spaceFlags = Spaces.Span.Slice(start, n);
        var orth = new ulong[n];
        var spaces = new bool[n];
        var idx = new int[n];
        var offset = 0;
        for (var i = 0; i < n; i++)
        {
            var code = orthCodes[i];
            orth[i] = orthHashes[code];
            idx[i] = offset;
            offset += orthLengths[code] + spaceFlags[i];
        }

        MemoryMarshal.Cast<byte, bool>(spaceFlags).CopyTo(spaces);
        var doc = new Doc(vocab, orth, spaces, idx);
        foreach (var attr in Attrs)
        {
            if ((flags & FlagOf(attr)) != 0)
            {
                SetColumn(doc, attr, start, n, hashes);
            }
        }

        if (Multiwords[d] is { } multiwords)
        {
            doc.AttachMultiwords(multiwords);
        }

        foreach (var (label, score) in Cats[d] ?? [])
        {
            doc.Cats[label] = score;
        }

        foreach (var (key, value) in UserData[d] ?? [])
        {
            doc.UserData[key] = UserDataCodec.Clone(value);
        }

        return doc;
    }

    private void SetColumn(Doc doc, Attr attr, int start, int n, ulong[][] hashes)
    {
        switch (attr)
        {
            case Attr.Head:
                var rel = Heads!.Span.Slice(start, n);
                var heads = new int[n];
                for (var i = 0; i < n; i++)
                {
                    heads[i] = i + rel[i];
                }

                doc.HeadColumn = heads;
                return;
            case Attr.EntIob:
                doc.IobColumn = Iob!.Span.Slice(start, n).ToArray();
                return;
            case Attr.SentStart:
                var codes = SentStarts!.Span.Slice(start, n);
                var sent = new sbyte[n];
                for (var i = 0; i < n; i++)
                {
                    sent[i] = (sbyte)(codes[i] - 1);
                }

                doc.SentStartColumn = sent;
                return;
        }

        var column = MapHashes(_strings[(int)attr]!.Codes.Span.Slice(start, n), hashes[(int)attr]);
        switch (attr)
        {
            case Attr.Norm:
                doc.NormColumn = column;
                break;
            case Attr.Lemma:
                doc.LemmaColumn = column;
                break;
            case Attr.Pos:
                doc.PosColumn = column;
                break;
            case Attr.Tag:
                doc.TagColumn = column;
                break;
            case Attr.Morph:
                doc.MorphColumn = column;
                break;
            case Attr.Dep:
                doc.DepColumn = column;
                break;
            case Attr.EntType:
                doc.EntTypeColumn = column;
                break;
            case Attr.EntId:
                doc.EntIdColumn = column;
                break;
        }
    }
}
