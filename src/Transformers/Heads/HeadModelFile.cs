using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Pipeline.Serialization;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// A neural head's saved model, <c>model.bin</c>: magic, the seven <see cref="NetworkShape"/> sizes, the labels
/// (UTF-8, length-prefixed), then every parameter's floats in <see cref="TokenWindowNetwork.Parameters"/> order,
/// little-endian. Reading checks every size against its limit and the file's exact length before allocating
/// (E271 otherwise), so a damaged file never makes the reader allocate or read past it.
/// </summary>
internal static class HeadModelFile
{
    public const string FileName = "model.bin";
    private const int MaxLabelBytes = 4096;
    private static readonly byte[] Magic = "PLHEAD02"u8.ToArray(); // 02: ten lexical features (01 had four)

    /// <summary>Writes the network and labels to <paramref name="directory"/>/model.bin atomically.</summary>
    public static void Write(string directory, TokenWindowNetwork network, IReadOnlyList<string> labels)
    {
        AtomicFile.Write(Path.Combine(directory, FileName), stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            foreach (var value in network.Shape.Values)
            {
                writer.Write(value);
            }

            foreach (var label in labels)
            {
                var bytes = Encoding.UTF8.GetBytes(label);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }

            foreach (var parameter in network.Parameters)
            {
                writer.Write(MemoryMarshal.AsBytes(parameter.Value.AsSpan()));
            }
        });
    }

    /// <summary>Reads what <see cref="Write"/> wrote; anything else is E271 naming the file.</summary>
    public static (TokenWindowNetwork Network, List<string> Labels) Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw TransformerErrors.BadHeadModel(path, "the file is missing");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var header = Take(stream, path, Magic.Length + (7 * 4));
        if (!header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw TransformerErrors.BadHeadModel(path, "it does not start with the head model's magic bytes");
        }

        var values = new int[7];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(Magic.Length + (4 * i)));
            var min = i == 4 ? 0 : 1;
            if (values[i] < min || values[i] > NetworkShape.MaxSize || (i == 4 && values[i] > 16))
            {
                throw TransformerErrors.BadHeadModel(path, $"size {i} of the network is {values[i]}, outside its limits");
            }
        }

        var shape = NetworkShape.From(values);
        var labels = new List<string>(shape.Classes);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var i = 0; i < shape.Classes; i++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(Take(stream, path, 4));
            if (length < 0 || length > MaxLabelBytes)
            {
                throw TransformerErrors.BadHeadModel(path, $"label {i} claims {length} bytes (at most {MaxLabelBytes})");
            }

            try
            {
                labels.Add(strict.GetString(Take(stream, path, length)));
            }
            catch (DecoderFallbackException e)
            {
                throw TransformerErrors.BadHeadModel(path, $"label {i} is not UTF-8", e);
            }
        }

        // The parameter sizes follow from the shape alone; the rest of the file must hold exactly them.
        long floats = ((long)shape.EmbeddingRows * shape.EmbeddingWidth)
            + Layer(shape.VectorWidth + (LexicalFeatures.Count * shape.EmbeddingWidth), shape.Projection)
            + Layer(shape.Window * shape.Projection, shape.Hidden)
            + Layer(shape.Hidden, shape.Classes);
        if (stream.Length - stream.Position != floats * 4)
        {
            throw TransformerErrors.BadHeadModel(path, $"after the labels it has {stream.Length - stream.Position} bytes; the network needs {floats * 4}");
        }

        var network = new TokenWindowNetwork(shape, 0);
        foreach (var parameter in network.Parameters)
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(parameter.Value.AsSpan()));
        }

        return (network, labels);
    }

    private static long Layer(int inputs, int outputs) => ((long)inputs * outputs) + outputs;

    private static byte[] Take(Stream stream, string path, int count)
    {
        if (stream.Length - stream.Position < count)
        {
            throw TransformerErrors.BadHeadModel(path, "it ends early");
        }

        var bytes = new byte[count];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
