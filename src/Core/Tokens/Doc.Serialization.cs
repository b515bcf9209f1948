using Pipeline.IO;

namespace Pipeline.Tokens;

public sealed partial class Doc
{
    /// <summary>Creates a doc over prepared columns and character offsets (the DocBin fast path); the arrays are adopted.</summary>
    internal Doc(Vocab vocab, ulong[] orth, bool[] spaces, int[] idx)
    {
        Vocab = vocab;
        OrthColumn = orth;
        SpaceColumn = spaces;
        IdxColumn = idx;
    }

    /// <summary>
    /// Serializes the doc with all its annotations, cats and user data (extension values included). The bytes carry
    /// every string they use, so <see cref="FromBytes"/> works with any vocab, even a blank one. Many docs are
    /// smaller and faster to save together in a <see cref="DocBin"/>.
    /// </summary>
    public byte[] ToBytes()
    {
        var bin = new DocBin(storeUserData: true);
        bin.Add(this);
        return bin.ToBytes();
    }

    /// <summary>Reads a doc written by <see cref="ToBytes"/> into <paramref name="vocab"/>, adding the strings it uses.</summary>
    public static Doc FromBytes(Vocab vocab, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        ArgumentNullException.ThrowIfNull(data);
        return ReadOne(vocab, data, "Doc bytes");
    }

    /// <summary>Writes <see cref="ToBytes"/> to <paramref name="stream"/> at its position; the stream stays open.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        StreamBytes.Write(stream, ToBytes());
    }

    /// <summary>
    /// Reads a doc written by <see cref="WriteTo"/> or <see cref="ToBytes"/> from the rest of <paramref name="stream"/>
    /// into <paramref name="vocab"/> (the stream stays open); damaged bytes throw <see cref="PipelineFormatException"/>.
    /// </summary>
    public static Doc ReadFrom(Vocab vocab, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        ArgumentNullException.ThrowIfNull(stream);
        const string source = "Doc stream";
        return ReadOne(vocab, StreamBytes.ReadToEnd(stream, source), source);
    }

    private static Doc ReadOne(Vocab vocab, byte[] data, string source)
    {
        var bin = DocBin.Read(data, source);
        if (bin.Count != 1)
        {
            throw Errors.Corrupt(source, $"expected one doc, found {bin.Count}; read DocBin bytes with DocBin.FromBytes");
        }

        return bin.GetDocs(vocab).First();
    }
}
