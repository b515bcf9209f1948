using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Pipeline.Serialization;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// The parts the neural heads' model files share: length-prefixed UTF-8 labels, the parameters' floats
/// (little-endian, in order) and bounded reads that fail with E271 naming the file instead of reading past it.
/// </summary>
internal static class ModelFileParts
{
    /// <summary>The most bytes one label may claim.</summary>
    public const int MaxLabelBytes = 4096;

    /// <summary>Writes a model file atomically: <paramref name="magic"/>, the sizes, the labels, the parameters.</summary>
    public static void Write(string path, byte[] magic, int[] sizes, IEnumerable<string> labels, IEnumerable<Parameter> parameters)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(magic);
            foreach (var value in sizes)
            {
                writer.Write(value);
            }

            WriteLabels(writer, labels);
            WriteParameters(writer, parameters);
        });
    }

    /// <summary>
    /// Opens a model file written by <see cref="Write"/> and reads its <paramref name="count"/> sizes (not yet
    /// checked against their limits); E271 when the file is missing, short or has another magic.
    /// </summary>
    public static (FileStream Stream, int[] Sizes) Open(string path, byte[] magic, int count)
    {
        if (!File.Exists(path))
        {
            throw TransformerErrors.BadHeadModel(path, "the file is missing");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var header = Take(stream, path, magic.Length + (count * 4));
            if (!header.AsSpan(0, magic.Length).SequenceEqual(magic))
            {
                throw TransformerErrors.BadHeadModel(path, "it does not start with the model's magic bytes");
            }

            var sizes = new int[count];
            for (var i = 0; i < count; i++)
            {
                sizes[i] = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(magic.Length + (4 * i)));
            }

            return (stream, sizes);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Writes each label as its byte count and UTF-8 bytes.</summary>
    public static void WriteLabels(BinaryWriter writer, IEnumerable<string> labels)
    {
        foreach (var label in labels)
        {
            var bytes = Encoding.UTF8.GetBytes(label);
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
    }

    /// <summary>Reads <paramref name="count"/> labels written by <see cref="WriteLabels"/>; E271 for a bad length or bytes that are not UTF-8.</summary>
    public static List<string> ReadLabels(Stream stream, string path, int count, int minBytes = 0)
    {
        var labels = new List<string>(count);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(Take(stream, path, 4));
            if (length < minBytes || length > MaxLabelBytes)
            {
                throw TransformerErrors.BadHeadModel(path, $"label {i} claims {length} bytes ({minBytes} to {MaxLabelBytes})");
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

        return labels;
    }

    /// <summary>Writes every parameter's values in order.</summary>
    public static void WriteParameters(BinaryWriter writer, IEnumerable<Parameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            writer.Write(MemoryMarshal.AsBytes(parameter.Value.AsSpan()));
        }
    }

    /// <summary>E271 unless the rest of the file holds exactly <paramref name="floats"/> floats (checked before the network is allocated).</summary>
    public static void RequireRemaining(Stream stream, string path, long floats)
    {
        if (stream.Length - stream.Position != floats * 4)
        {
            throw TransformerErrors.BadHeadModel(path, $"after the labels it has {stream.Length - stream.Position} bytes; the network needs {floats * 4}");
        }
    }

    /// <summary>Reads every parameter's values in order (after <see cref="RequireRemaining"/>).</summary>
    public static void ReadParameters(Stream stream, IEnumerable<Parameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(parameter.Value.AsSpan()));
        }
    }

    /// <summary>The next <paramref name="count"/> bytes; E271 when the file ends first.</summary>
    public static byte[] Take(Stream stream, string path, int count)
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
