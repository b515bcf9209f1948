using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Pipeline.Serialization;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// A neural head's saved model, <c>model.bin</c>: magic (which also names the format's version), the network's sizes,
/// the labels (UTF-8, length-prefixed), then every parameter's floats in the network's parameter order,
/// little-endian. Reading checks every size against its limit and the file's exact length before allocating
/// (E271 otherwise), so a damaged file never makes the reader allocate or read past it. The token classifiers
/// write magic <c>PLHEAD01</c> and the seven <see cref="NetworkShape"/> sizes; the parser <c>PLPARS01</c> and
/// the ten <see cref="ParserShape"/> sizes.
/// </summary>
internal static class HeadModelFile
{
    public const string FileName = "model.bin";
    private const int MaxLabelBytes = 4096;
    private static readonly byte[] Magic = "PLHEAD01"u8.ToArray();

    /// <summary>Writes the network and labels to <paramref name="directory"/>/model.bin atomically.</summary>
    public static void Write(string directory, TokenWindowNetwork network, IReadOnlyList<string> labels) =>
        Write(directory, Magic, network.Shape.Values, labels, network.Parameters);

    /// <summary>Reads what <see cref="Write(string, TokenWindowNetwork, IReadOnlyList{string})"/> wrote; anything else is E271 naming the file.</summary>
    public static (TokenWindowNetwork Network, List<string> Labels) Read(string directory) => Read(
        directory,
        Magic,
        7,
        (i, value) => value >= (i == 4 ? 0 : 1) && value <= NetworkShape.MaxSize && (i != 4 || value <= 16),
        sizes => (NetworkShape.From(sizes).Classes, NetworkShape.From(sizes).Floats),
        (sizes, labels) => (new TokenWindowNetwork(NetworkShape.From(sizes), 0), labels),
        read => read.Item1.Parameters);

    /// <summary>Writes <paramref name="magic"/>, the sizes, the labels and the parameters' floats atomically.</summary>
    public static void Write(string directory, byte[] magic, int[] sizes, IReadOnlyList<string> labels, IReadOnlyList<Parameter> parameters)
    {
        AtomicFile.Write(Path.Combine(directory, FileName), stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(magic);
            foreach (var value in sizes)
            {
                writer.Write(value);
            }

            foreach (var label in labels)
            {
                var bytes = Encoding.UTF8.GetBytes(label);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }

            foreach (var parameter in parameters)
            {
                writer.Write(MemoryMarshal.AsBytes(parameter.Value.AsSpan()));
            }
        });
    }

    /// <summary>
    /// Reads a model file: <paramref name="valid"/> checks size i, <paramref name="counts"/> gives the label count and the
    /// floats the sizes need, and <paramref name="create"/> builds the model whose <paramref name="parameters"/> are filled
    /// from the file. Anything else than such a file is E271 naming it.
    /// </summary>
    public static T Read<T>(
        string directory,
        byte[] magic,
        int sizeCount,
        Func<int, int, bool> valid,
        Func<int[], (int Labels, long Floats)> counts,
        Func<int[], List<string>, T> create,
        Func<T, IReadOnlyList<Parameter>> parameters)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw TransformerErrors.BadHeadModel(path, "the file is missing");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var header = Take(stream, path, magic.Length + (sizeCount * 4));
        if (!header.AsSpan(0, magic.Length).SequenceEqual(magic))
        {
            throw TransformerErrors.BadHeadModel(path, $"it does not start with the magic bytes {Encoding.ASCII.GetString(magic)} of this head's model (version)");
        }

        var values = new int[sizeCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(magic.Length + (4 * i)));
            if (!valid(i, values[i]))
            {
                throw TransformerErrors.BadHeadModel(path, $"size {i} of the network is {values[i]}, outside its limits");
            }
        }

        var (labelCount, floats) = counts(values);
        var labels = new List<string>(labelCount);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var i = 0; i < labelCount; i++)
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

        // The parameter sizes follow from the sizes alone; the rest of the file must hold exactly them.
        if (stream.Length - stream.Position != floats * 4)
        {
            throw TransformerErrors.BadHeadModel(path, $"after the labels it has {stream.Length - stream.Position} bytes; the network needs {floats * 4}");
        }

        var model = create(values, labels);
        foreach (var parameter in parameters(model))
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(parameter.Value.AsSpan()));
        }

        return model;
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
