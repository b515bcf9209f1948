using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Transformers;

/// <summary>
/// Token vectors of a prepared corpus, by a hash of each doc's token texts, in half precision (a doc with the same
/// tokens gets its vectors without running the encoder). On disk one file per encoder and corpus,
/// <c>&lt;encoder hash&gt;-&lt;corpus hash&gt;.tokvec</c>: a header (magic, both hashes, width, doc count), then per
/// doc its hash, token count and rows. A file is read only when its length is exactly what the corpus it is named
/// after needs, and every doc's hash and token count must match (E267 otherwise).
/// </summary>
internal sealed class EncodedCorpusCache
{
    public const string Extension = ".tokvec";
    private static readonly byte[] Magic = "PLTOKV01"u8.ToArray();
    private const int HeaderLength = 8 + 16 + 16 + 4 + 4;
    private const int DocHeaderLength = 16 + 4;
    private volatile Dictionary<UInt128, Half[]> _vectors = [];

    /// <summary>The number of docs held.</summary>
    public int Count => _vectors.Count;

    /// <summary>The hash of a doc's token texts (what the encoder sees; whitespace does not matter).</summary>
    public static UInt128 KeyOf(Doc doc)
    {
        var hash = new XxHash128();
        Span<byte> length = stackalloc byte[4];
        for (var i = 0; i < doc.Length; i++)
        {
            var text = doc[i].Text;
            BinaryPrimitives.WriteInt32LittleEndian(length, text.Length);
            hash.Append(length);
            hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        }

        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>The hash of a corpus: of its docs' keys in order.</summary>
    public static UInt128 CorpusKey(IReadOnlyList<(UInt128 Key, int Tokens)> docs)
    {
        var hash = new XxHash128();
        Span<byte> bytes = stackalloc byte[16];
        foreach (var (key, _) in docs)
        {
            BinaryPrimitives.WriteUInt128LittleEndian(bytes, key);
            hash.Append(bytes);
        }

        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>The cache file of a corpus under <paramref name="directory"/>.</summary>
    public static string PathOf(string directory, UInt128 encoder, UInt128 corpus) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{encoder:x32}-{corpus:x32}{Extension}"));

    /// <summary>Whether the doc with <paramref name="key"/> is held.</summary>
    public bool Contains(UInt128 key) => _vectors.ContainsKey(key);

    /// <summary>The doc's vectors as a fresh float tensor, or null when the doc is not held.</summary>
    public float[]? Get(Doc doc)
    {
        if (_vectors.Count == 0 || !_vectors.TryGetValue(KeyOf(doc), out var rows))
        {
            return null;
        }

        var tensor = new float[rows.Length];
        TensorPrimitives.ConvertToSingle(rows, tensor);
        return tensor;
    }

    /// <summary>Adds docs' vectors (copies swap in whole, so readers on other threads never see a half-filled table).</summary>
    public void Add(IEnumerable<(UInt128 Key, Half[] Rows)> docs)
    {
        var next = new Dictionary<UInt128, Half[]>(_vectors);
        foreach (var (key, rows) in docs)
        {
            next[key] = rows;
        }

        _vectors = next;
    }

    /// <summary>Converts a float tensor to the stored half-precision rows.</summary>
    public static Half[] ToHalf(float[] tensor)
    {
        var rows = new Half[tensor.Length];
        TensorPrimitives.ConvertToHalf(tensor, rows);
        return rows;
    }

    /// <summary>Writes the corpus's rows (in the order of <paramref name="docs"/>) to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, UInt128 encoder, int width, IReadOnlyList<(UInt128 Key, int Tokens)> docs, IReadOnlyList<Half[]> rows)
    {
        AtomicFile.Write(path, stream =>
        {
            var header = new byte[HeaderLength];
            Magic.CopyTo(header, 0);
            BinaryPrimitives.WriteUInt128LittleEndian(header.AsSpan(8), encoder);
            BinaryPrimitives.WriteUInt128LittleEndian(header.AsSpan(24), CorpusKey(docs));
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), width);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(44), docs.Count);
            stream.Write(header);
            var docHeader = new byte[DocHeaderLength];
            for (var d = 0; d < docs.Count; d++)
            {
                BinaryPrimitives.WriteUInt128LittleEndian(docHeader, docs[d].Key);
                BinaryPrimitives.WriteInt32LittleEndian(docHeader.AsSpan(16), docs[d].Tokens);
                stream.Write(docHeader);
                stream.Write(MemoryMarshal.AsBytes(rows[d].AsSpan()));
            }
        });
    }

    /// <summary>
    /// Reads the rows of <paramref name="docs"/> from <paramref name="path"/>, written by <see cref="Write"/> for the
    /// same encoder, width and corpus. Anything else (another length, header or doc) is E267, read no further.
    /// </summary>
    public static Half[][] Read(string path, UInt128 encoder, int width, IReadOnlyList<(UInt128 Key, int Tokens)> docs)
    {
        long expected = HeaderLength;
        foreach (var (_, tokens) in docs)
        {
            expected += DocHeaderLength + (2L * tokens * width);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (stream.Length != expected)
        {
            throw TransformerErrors.BadCache(path, $"it has {stream.Length} bytes; the corpus it is named after needs {expected}");
        }

        var header = new byte[HeaderLength];
        stream.ReadExactly(header);
        if (!header.AsSpan(0, 8).SequenceEqual(Magic)
            || BinaryPrimitives.ReadUInt128LittleEndian(header.AsSpan(8)) != encoder
            || BinaryPrimitives.ReadUInt128LittleEndian(header.AsSpan(24)) != CorpusKey(docs)
            || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(40)) != width
            || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(44)) != docs.Count)
        {
            throw TransformerErrors.BadCache(path, "its header does not name this encoder, width and corpus");
        }

        var result = new Half[docs.Count][];
        var docHeader = new byte[DocHeaderLength];
        for (var d = 0; d < docs.Count; d++)
        {
            stream.ReadExactly(docHeader);
            if (BinaryPrimitives.ReadUInt128LittleEndian(docHeader) != docs[d].Key
                || BinaryPrimitives.ReadInt32LittleEndian(docHeader.AsSpan(16)) != docs[d].Tokens)
            {
                throw TransformerErrors.BadCache(path, string.Create(CultureInfo.InvariantCulture, $"doc {d} is not the corpus's doc {d}"));
            }

            result[d] = new Half[docs[d].Tokens * width];
            stream.ReadExactly(MemoryMarshal.AsBytes(result[d].AsSpan()));
        }

        return result;
    }

    /// <summary>
    /// Every doc of a cache file written by <see cref="Write"/> for <paramref name="encoder"/> and
    /// <paramref name="width"/>, whatever corpus it was written for (so another corpus's docs are reused). Each
    /// doc's size is checked against what is left of the file before anything is allocated; anything else is E267.
    /// </summary>
    public static List<(UInt128 Key, Half[] Rows)> ReadAll(string path, UInt128 encoder, int width)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var header = new byte[HeaderLength];
        if (stream.Length < HeaderLength)
        {
            throw TransformerErrors.BadCache(path, "it is shorter than its header");
        }

        stream.ReadExactly(header);
        var count = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(44));
        if (!header.AsSpan(0, 8).SequenceEqual(Magic)
            || BinaryPrimitives.ReadUInt128LittleEndian(header.AsSpan(8)) != encoder
            || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(40)) != width
            || count < 0)
        {
            throw TransformerErrors.BadCache(path, "its header does not name this encoder and width");
        }

        var result = new List<(UInt128, Half[])>();
        var docHeader = new byte[DocHeaderLength];
        for (var d = 0; d < count; d++)
        {
            if (stream.Length - stream.Position < DocHeaderLength)
            {
                throw TransformerErrors.BadCache(path, string.Create(CultureInfo.InvariantCulture, $"it ends before doc {d} of {count}"));
            }

            stream.ReadExactly(docHeader);
            var tokens = BinaryPrimitives.ReadInt32LittleEndian(docHeader.AsSpan(16));
            if (tokens < 0 || 2L * tokens * width > stream.Length - stream.Position)
            {
                throw TransformerErrors.BadCache(path, string.Create(CultureInfo.InvariantCulture, $"doc {d} claims {tokens} tokens, more than the rest of the file holds"));
            }

            var rows = new Half[tokens * width];
            stream.ReadExactly(MemoryMarshal.AsBytes(rows.AsSpan()));
            result.Add((BinaryPrimitives.ReadUInt128LittleEndian(docHeader), rows));
        }

        if (stream.Position != stream.Length)
        {
            throw TransformerErrors.BadCache(path, "it has bytes after its last doc");
        }

        return result;
    }
}
