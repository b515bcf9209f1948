using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Pipeline.Serialization;

namespace Pipeline.Transformers.Heads.Entities;

/// <summary>
/// The entity recognizer's saved model, <c>model.bin</c>: magic, the seven <see cref="EntityShape"/> sizes, the
/// entity labels (UTF-8, length-prefixed), then every parameter's floats in <see cref="EntityNetwork.Parameters"/>
/// order, little-endian. Reading checks each size against its limit and the file's exact length before allocating
/// (E271 otherwise), so a damaged file never makes the reader allocate or read past it.
/// </summary>
internal static class EntityModelFile
{
    public const string FileName = "model.bin";
    private const int MaxLabels = 1024;
    private const int MaxLabelBytes = 4096;
    private static readonly byte[] Magic = "PLNER001"u8.ToArray();

    /// <summary>Writes the network and labels to <paramref name="directory"/>/model.bin atomically.</summary>
    public static void Write(string directory, EntityNetwork network, IReadOnlyList<string> labels)
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
    public static (EntityNetwork Network, List<string> Labels) Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw TransformerErrors.BadHeadModel(path, "the file is missing");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var header = Take(stream, path, Magic.Length + (EntityShape.Count * 4));
        if (!header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw TransformerErrors.BadHeadModel(path, "it does not start with the entity model's magic bytes");
        }

        // Depth (4) and radius (5) may be 0; the rest must be positive. All are bounded.
        var values = new int[EntityShape.Count];
        int[] max = [NetworkShape.MaxSize, NetworkShape.MaxSize, 4096, 4096, 16, 16, MaxLabels];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(Magic.Length + (4 * i)));
            if (values[i] < (i is 4 or 5 ? 0 : 1) || values[i] > max[i])
            {
                throw TransformerErrors.BadHeadModel(path, $"size {i} of the network is {values[i]}, outside its limits");
            }
        }

        var shape = EntityShape.From(values);
        var labels = new List<string>(shape.Labels);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var i = 0; i < shape.Labels; i++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(Take(stream, path, 4));
            if (length is < 1 or > MaxLabelBytes)
            {
                throw TransformerErrors.BadHeadModel(path, $"label {i} claims {length} bytes (1 to {MaxLabelBytes})");
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

        if (stream.Length - stream.Position != shape.Floats * 4)
        {
            throw TransformerErrors.BadHeadModel(path, $"after the labels it has {stream.Length - stream.Position} bytes; the network needs {shape.Floats * 4}");
        }

        var network = new EntityNetwork(shape, 0);
        foreach (var parameter in network.Parameters)
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(parameter.Value.AsSpan()));
        }

        return (network, labels);
    }

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
