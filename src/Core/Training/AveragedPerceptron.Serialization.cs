using System.Buffers.Binary;
using MessagePack;
using Pipeline.Serialization;

namespace Pipeline.Training;

public sealed partial class AveragedPerceptron
{
    private const int FormatVersion = 1;

    /// <summary>
    /// The averaged model as MessagePack bytes (format version, class count, feature keys, weight rows). A model
    /// still training is written as its averaged copy.
    /// </summary>
    public byte[] ToBytes()
    {
        var model = this;
        return MsgPack.Write((ref MessagePackWriter w) => model.Write(ref w));
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/>; bad bytes raise <see cref="PipelineFormatException"/>.</summary>
    public static AveragedPerceptron FromBytes(ReadOnlyMemory<byte> data, string source = "perceptron bytes") =>
        MsgPack.Read(data, source, (ref MessagePackReader r) => Read(ref r, source));

    /// <summary>Writes the averaged model as one MessagePack map.</summary>
    internal void Write(ref MessagePackWriter writer)
    {
        var model = IsAveraged ? this : CreateAveraged();
        var classes = model.Classes;
        var keys = new byte[model._rows * sizeof(ulong)];
        var weights = new byte[model._rows * classes * sizeof(float)];
        var row = 0;
        for (var slot = 0; slot < model._keys.Length; slot++)
        {
            if (model._keys[slot] == EmptyKey)
            {
                continue;
            }

            BinaryPrimitives.WriteUInt64LittleEndian(keys.AsSpan(row * sizeof(ulong)), model._keys[slot]);
            var source = model._weights.AsSpan(model._slotRows[slot] * classes, classes);
            var target = weights.AsSpan(row * classes * sizeof(float));
            for (var c = 0; c < classes; c++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(target[(c * sizeof(float))..], source[c]);
            }

            row++;
        }

        writer.WriteMapHeader(4);
        writer.Write("format");
        writer.Write(FormatVersion);
        writer.Write("classes");
        writer.Write(classes);
        writer.Write("keys");
        writer.Write(keys);
        writer.Write("weights");
        writer.Write(weights);
    }

    /// <summary>Reads a model map written by <see cref="Write"/>, validating every field.</summary>
    internal static AveragedPerceptron Read(ref MessagePackReader reader, string source)
    {
        var classes = -1;
        byte[]? keyBytes = null;
        byte[]? weightBytes = null;
        var seenFormat = false;
        var fields = reader.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            switch (MsgPack.ReadString(ref reader))
            {
                case "format":
                    var version = reader.ReadInt32();
                    if (version > FormatVersion)
                    {
                        throw Errors.UnsupportedFormat(source, version, FormatVersion);
                    }

                    seenFormat = version >= 1 ? true : throw new InvalidDataException($"bad format version {version}");
                    break;
                case "classes":
                    classes = reader.ReadInt32();
                    break;
                case "keys":
                    keyBytes = MsgPack.ReadBytes(ref reader);
                    break;
                case "weights":
                    weightBytes = MsgPack.ReadBytes(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!seenFormat || keyBytes is null || weightBytes is null)
        {
            throw new InvalidDataException("a perceptron model needs 'format', 'classes', 'keys' and 'weights'");
        }

        if (classes < 1 || classes > MaxClasses)
        {
            throw new InvalidDataException($"class count {classes} is out of range");
        }

        if (keyBytes.Length % sizeof(ulong) != 0)
        {
            throw new InvalidDataException("the key table is not a whole number of 64-bit keys");
        }

        var rows = keyBytes.Length / sizeof(ulong);
        if ((long)rows * classes * sizeof(float) != weightBytes.Length)
        {
            throw new InvalidDataException($"{rows} features x {classes} classes do not match {weightBytes.Length} weight bytes");
        }

        var keys = new ulong[rows];
        for (var k = 0; k < rows; k++)
        {
            keys[k] = BinaryPrimitives.ReadUInt64LittleEndian(keyBytes.AsSpan(k * sizeof(ulong)));
            if (keys[k] == EmptyKey)
            {
                throw new InvalidDataException("a feature key is zero");
            }
        }

        var weights = new float[rows * classes];
        for (var w = 0; w < weights.Length; w++)
        {
            var value = BinaryPrimitives.ReadSingleLittleEndian(weightBytes.AsSpan(w * sizeof(float)));
            weights[w] = float.IsFinite(value) ? value : throw new InvalidDataException("a weight is not a finite number");
        }

        return Build(classes, keys, weights);
    }
}
