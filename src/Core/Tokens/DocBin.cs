using System.Collections.ObjectModel;
using Pipeline.IO;
using Pipeline.Serialization;
using Pipeline.Serialization.DocBin;

namespace Pipeline.Tokens;

/// <summary>
/// A collection of annotated docs serialized together: much smaller and faster than one <see cref="Doc.ToBytes"/>
/// per doc, because attributes are stored column by column and every string (texts, lemmas, tags, labels, user-data
/// keys) is stored once. The bytes carry their strings, so <see cref="GetDocs"/> works with a blank
/// <see cref="Vocab"/>. Bins with the same attributes can be merged for map/reduce-style processing.
/// Not safe for concurrent modification.
/// </summary>
public sealed class DocBin
{
    private const string BytesSource = "DocBin bytes";
    private const string StreamSource = "DocBin stream";
    private readonly DocBinData _data;

    /// <summary>
    /// Creates an empty bin storing <paramref name="attrs"/> (by default Orth, Norm, Lemma, Pos, Tag, Morph, Dep,
    /// Head, EntIob, EntType, EntId and SentStart; Orth and Spacy are always stored). Norm keeps the norms set per
    /// token (e.g. "not" for "n't" by a tokenizer exception). Derived attributes such as Lower are refused (E030):
    /// they come back from the text. Cats are always stored; <see cref="Doc.UserData"/> (extension
    /// values included) only when <paramref name="storeUserData"/> is true.
    /// </summary>
    public DocBin(IEnumerable<Attr>? attrs = null, bool storeUserData = false)
        : this(new DocBinData(DocBinData.Canonical(attrs), storeUserData))
    {
    }

    private DocBin(DocBinData data)
    {
        _data = data;
        Attrs = new ReadOnlyCollection<Attr>(data.Attrs);
    }

    /// <summary>The stored attributes in <see cref="Attr"/> order, Orth and Spacy included.</summary>
    public IReadOnlyList<Attr> Attrs { get; }

    /// <summary>Whether user data and extension values are stored.</summary>
    public bool StoreUserData => _data.StoreUserData;

    /// <summary>The number of docs in the bin.</summary>
    public int Count => _data.DocCount;

    /// <summary>Appends a doc's stored attributes (a copy: later changes to the doc are not seen).</summary>
    public void Add(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        _data.Add(doc);
    }

    /// <summary>Appends all docs of <paramref name="other"/>; both bins must store the same attributes and user-data setting (E009).</summary>
    public void Merge(DocBin other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!_data.Attrs.SequenceEqual(other._data.Attrs) || StoreUserData != other.StoreUserData)
        {
            throw Errors.DocBinAttrsDiffer(Describe(this), Describe(other));
        }

        _data.Merge(other._data);
    }

    /// <summary>
    /// Serializes the bin: compressed MessagePack with a format version. Throws E014 when a stored user-data value
    /// has a type that cannot be serialized.
    /// </summary>
    public byte[] ToBytes() => DocBinWriter.Write(_data);

    /// <summary>Reads bytes written by <see cref="ToBytes"/>; damaged or foreign bytes throw <see cref="PipelineFormatException"/>.</summary>
    public static DocBin FromBytes(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Read(data, BytesSource);
    }

    /// <summary>
    /// Writes <see cref="ToBytes"/> to <paramref name="stream"/> at its position (a response body, a blob, a pipe);
    /// the stream stays open. Read it back with <see cref="ReadFrom"/>.
    /// </summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        StreamBytes.Write(stream, ToBytes());
    }

    /// <summary>
    /// Reads a bin written by <see cref="WriteTo"/> or <see cref="ToBytes"/> from the rest of <paramref name="stream"/>
    /// (the stream stays open). Damaged or foreign bytes throw <see cref="PipelineFormatException"/>; a stream of more
    /// than 1 GiB, E240.
    /// </summary>
    public static DocBin ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read(StreamBytes.ReadToEnd(stream, StreamSource), StreamSource);
    }

    /// <summary>
    /// Whether <paramref name="start"/> (the first bytes of a file, at least 13) begins like DocBin bytes, checked
    /// without parsing: lets a tool that reads text corpora refuse a DocBin given in their place with a clear error.
    /// </summary>
    public static bool HasSignature(ReadOnlySpan<byte> start) => DocBinEnvelope.HasSignature(start);

    /// <summary>Writes <see cref="ToBytes"/> to <paramref name="path"/> atomically.</summary>
    public void ToDisk(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, ToBytes());
    }

    /// <summary>Reads a file written by <see cref="ToDisk"/>; errors name the file.</summary>
    public static DocBin FromDisk(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw Errors.DocBinFileMissing(path);
        }

        byte[] bytes;
        try
        {
            bytes = InputFiles.ReadAllBytes(path, InputFiles.DataBytes, "the DocBin file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.ReadFailed(path, e);
        }

        return Read(bytes, path);
    }

    /// <summary>
    /// Recreates the docs in <paramref name="vocab"/>, adding every string they use to its <see cref="StringStore"/>.
    /// Each call returns new docs with their own copies of user-data values.
    /// </summary>
    public IEnumerable<Doc> GetDocs(Vocab vocab)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        return _data.ToDocs(vocab);
    }

    /// <summary>Reads DocBin bytes, naming <paramref name="source"/> in errors.</summary>
    internal static DocBin Read(ReadOnlyMemory<byte> data, string source) => new(DocBinReader.Read(data, source));

    private static IEnumerable<string> Describe(DocBin bin) =>
        bin.Attrs.Select(a => a.ToString()).Append($"storeUserData={bin.StoreUserData}");
}
