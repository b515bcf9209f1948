using System.Buffers.Binary;
using MessagePack;

namespace Pipeline.Serialization;

/// <summary>
/// The one encoding of word tables in model files (a word's <see cref="WordKeys"/> key to a 64-bit value: the
/// tagger's ambiguity classes, the parser's lexicon, the entity recognizer's gazetteer codes): a MessagePack array
/// of three binaries, the keys sorted (so that the bytes do not depend on insertion order) as <see cref="BytePlanes"/>
/// gaps, the table's distinct values as 8 byte planes, and each key's index into them as 1, 2 or 4 byte planes (an
/// ambiguity class is a 64-bit hash that thousands of words share). The older encodings still read, their 64-bit
/// keys cut to word keys (the first of two words that then share a key is kept): keys and values as two binaries of
/// planes, binary data of (key, value) pairs as little-endian 64-bit integers (tagger format 2, parser formats 1-2,
/// entity recognizer format 2), an array of [key, value] arrays (tagger format 1) and a flat array key, value, key,
/// value, ... (entity recognizer format 1).
/// </summary>
internal static class LexiconCodec
{
    private const int PairBytes = 2 * sizeof(ulong);

    public static void Write(ref MessagePackWriter writer, IReadOnlyDictionary<ulong, ulong> lexicon)
    {
        var keys = new ulong[lexicon.Count];
        var indices = new ulong[lexicon.Count];
        var i = 0;
        foreach (var (key, value) in lexicon)
        {
            keys[i] = key;
            indices[i++] = value;
        }

        // Sorted keys, and values numbered in the order the sorted keys meet them, so the bytes do not depend on
        // the order the table was filled in.
        Array.Sort(keys, indices);
        var distinct = new Dictionary<ulong, int>();
        var values = new List<ulong>();
        for (i = 0; i < indices.Length; i++)
        {
            if (!distinct.TryGetValue(indices[i], out var index))
            {
                distinct[indices[i]] = index = values.Count;
                values.Add(indices[i]);
            }

            indices[i] = (ulong)index;
        }

        writer.WriteArrayHeader(3);
        writer.Write(BytePlanes.WriteGaps(keys));
        writer.Write(BytePlanes.Write(values.ToArray(), sizeof(ulong)));
        writer.Write(BytePlanes.Write(indices, IndexWidth(values.Count)));
    }

    /// <summary>Reads a word table in any of the three encodings; malformed or repeated keys raise <see cref="InvalidDataException"/>.</summary>
    public static Dictionary<ulong, ulong> Read(ref MessagePackReader reader) => Cut(ReadAsWritten(ref reader));

    private static Dictionary<ulong, ulong> ReadAsWritten(ref MessagePackReader reader)
    {
        if (reader.NextMessagePackType == MessagePackType.Binary)
        {
            var bytes = MsgPack.ReadBinary(ref reader).Span;
            if (bytes.Length % PairBytes != 0)
            {
                throw new InvalidDataException("the lexicon is not a whole number of (word, value) pairs");
            }

            var lexicon = new Dictionary<ulong, ulong>(bytes.Length / PairBytes);
            for (var at = 0; at < bytes.Length; at += PairBytes)
            {
                Add(lexicon, BinaryPrimitives.ReadUInt64LittleEndian(bytes[at..]), BinaryPrimitives.ReadUInt64LittleEndian(bytes[(at + sizeof(ulong))..]));
            }

            return lexicon;
        }

        var count = reader.ReadArrayHeader();
        if (count == 3 && reader.NextMessagePackType == MessagePackType.Binary)
        {
            return ReadIndexed(ref reader);
        }

        if (count == 2 && reader.NextMessagePackType == MessagePackType.Binary)
        {
            return ReadPlanes(ref reader);
        }

        return count > 0 && reader.NextMessagePackType == MessagePackType.Array ? ReadEntries(ref reader, count) : ReadFlat(ref reader, count);
    }

    private static int IndexWidth(int distinctValues) => distinctValues <= 1 << 8 ? 1 : distinctValues <= 1 << 16 ? 2 : 4;

    private static Dictionary<ulong, ulong> ReadIndexed(ref MessagePackReader reader)
    {
        var keys = BytePlanes.ReadGaps(MsgPack.ReadBinary(ref reader).Span, "lexicon words", zeroFirst: true);
        var values = BytePlanes.Read(MsgPack.ReadBinary(ref reader).Span, sizeof(ulong), "lexicon values");
        var indices = new PlaneView(MsgPack.ReadBinary(ref reader).Span, IndexWidth(values.Length), "lexicon value indices");
        if (indices.Count != keys.Length)
        {
            throw new InvalidDataException($"the lexicon has {keys.Length} words but {indices.Count} value indices");
        }

        var lexicon = new Dictionary<ulong, ulong>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            if (indices[i] >= (uint)values.Length)
            {
                throw new InvalidDataException($"the lexicon's value index {indices[i]} is beyond its {values.Length} values");
            }

            Add(lexicon, keys[i], values[indices[i]]);
        }

        return lexicon;
    }

    private static Dictionary<ulong, ulong> ReadPlanes(ref MessagePackReader reader)
    {
        var keys = BytePlanes.ReadGaps(MsgPack.ReadBinary(ref reader).Span, "lexicon words", zeroFirst: true);
        var values = BytePlanes.Read(MsgPack.ReadBinary(ref reader).Span, sizeof(ulong), "lexicon values");
        if (values.Length != keys.Length)
        {
            throw new InvalidDataException($"the lexicon has {keys.Length} words but {values.Length} values");
        }

        var lexicon = new Dictionary<ulong, ulong>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            lexicon.Add(keys[i], values[i]);
        }

        return lexicon;
    }

    private static Dictionary<ulong, ulong> ReadEntries(ref MessagePackReader reader, int count)
    {
        var lexicon = new Dictionary<ulong, ulong>(Math.Min(count, 1 << 16));
        for (var e = 0; e < count; e++)
        {
            MsgPackMap.ReadTuple(ref reader, 2, "a lexicon entry");
            Add(lexicon, reader.ReadUInt64(), reader.ReadUInt64());
        }

        return lexicon;
    }

    private static Dictionary<ulong, ulong> ReadFlat(ref MessagePackReader reader, int count)
    {
        if (count % 2 != 0)
        {
            throw new InvalidDataException("the lexicon must hold key and value pairs");
        }

        var lexicon = new Dictionary<ulong, ulong>(Math.Min(count / 2, 1 << 20));
        for (var k = 0; k < count; k += 2)
        {
            Add(lexicon, reader.ReadUInt64(), reader.ReadUInt64());
        }

        return lexicon;
    }

    private static void Add(Dictionary<ulong, ulong> lexicon, ulong key, ulong value)
    {
        if (!lexicon.TryAdd(key, value))
        {
            throw new InvalidDataException($"the lexicon has key {key} twice");
        }
    }

    /// <summary>The table with its keys cut to word keys (older files hold whole hashes); the first of a shared key wins.</summary>
    private static Dictionary<ulong, ulong> Cut(Dictionary<ulong, ulong> lexicon)
    {
        if (lexicon.Keys.All(key => key == WordKeys.Of(key)))
        {
            return lexicon;
        }

        var cut = new Dictionary<ulong, ulong>(lexicon.Count);
        foreach (var (key, value) in lexicon)
        {
            cut.TryAdd(WordKeys.Of(key), value);
        }

        return cut;
    }
}
