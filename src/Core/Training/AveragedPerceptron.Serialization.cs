using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using MessagePack;
using Pipeline.Serialization;

namespace Pipeline.Training;

public sealed partial class AveragedPerceptron
{
    private const int FormatVersion = 1;

    /// <summary>
    /// The averaged model as MessagePack bytes: format version, class count, then per feature its key and its
    /// non-zero (class, weight) pairs. A model still training is written as its averaged copy.
    /// </summary>
    public byte[] ToBytes()
    {
        var model = this;
        return MsgPack.Write((ref MessagePackWriter w) => model.Write(ref w));
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/>; bad bytes raise <see cref="PipelineFormatException"/>.</summary>
    public static AveragedPerceptron FromBytes(ReadOnlyMemory<byte> data, string source = "perceptron bytes") =>
        MsgPack.Read(data, source, (ref MessagePackReader r) => Read(ref r, source));

    /// <summary>Writes the averaged model as one MessagePack map, rows in the order they were created.</summary>
    internal void Write(ref MessagePackWriter writer)
    {
        var model = CreateAveraged();
        var rowKeys = model._rowKeys!;

        var starts = model._rowStarts!;
        var entries = model._entries!;
        var keys = new byte[rowKeys.Length * sizeof(ulong)];
        var lengths = new byte[rowKeys.Length * sizeof(ushort)];
        var classes = new byte[entries.Length * sizeof(ushort)];
        var weights = new byte[entries.Length * sizeof(float)];
        for (var row = 0; row < rowKeys.Length; row++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(keys.AsSpan(row * sizeof(ulong)), rowKeys[row]);
            BinaryPrimitives.WriteUInt16LittleEndian(lengths.AsSpan(row * sizeof(ushort)), (ushort)(starts[row + 1] - starts[row] - 1));
        }

        for (var e = 0; e < entries.Length; e++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(classes.AsSpan(e * sizeof(ushort)), (ushort)entries[e].Class);
            BinaryPrimitives.WriteSingleLittleEndian(weights.AsSpan(e * sizeof(float)), entries[e].Weight);
        }

        writer.WriteMapHeader(6);
        writer.Write("format");
        writer.Write(FormatVersion);
        writer.Write("classes");
        writer.Write(Classes);
        writer.Write("keys");
        writer.Write(keys);
        writer.Write("row_lengths");
        writer.Write(lengths);
        writer.Write("entry_classes");
        writer.Write(classes);
        writer.Write("entry_weights");
        writer.Write(weights);
    }

    /// <summary>Reads a model map written by <see cref="Write"/>, validating every field.</summary>
    // Runs once per model at load time on millions of entries: optimized at once rather than tiered up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static AveragedPerceptron Read(ref MessagePackReader reader, string source)
    {
        var classCount = -1;
        var version = 0;
        ReadOnlyMemory<byte>? keyData = null, lengthData = null, classData = null, weightData = null;
        MsgPackMap.Read(ref reader, (ref MessagePackReader r, string key) =>
        {
            switch (key)
            {
                case "format":
                    version = MsgPack.ReadFormatVersion(ref r, source, FormatVersion);
                    break;
                case "classes":
                    classCount = r.ReadInt32();
                    break;
                case "keys":
                    keyData = MsgPack.ReadBinary(ref r);
                    break;
                case "row_lengths":
                    lengthData = MsgPack.ReadBinary(ref r);
                    break;
                case "entry_classes":
                    classData = MsgPack.ReadBinary(ref r);
                    break;
                case "entry_weights":
                    weightData = MsgPack.ReadBinary(ref r);
                    break;
                default:
                    return false;
            }

            return true;
        });

        if (version < 1 || keyData is null || lengthData is null || classData is null || weightData is null)
        {
            throw new InvalidDataException("a perceptron model needs 'format', 'classes', 'keys', 'row_lengths', 'entry_classes' and 'entry_weights'");
        }

        if (classCount < 1 || classCount > MaxClasses)
        {
            throw new InvalidDataException($"class count {classCount} is out of range");
        }

        var keyBytes = keyData.Value.Span;
        var lengthBytes = lengthData.Value.Span;
        var classBytes = classData.Value.Span;
        var weightBytes = weightData.Value.Span;
        var rows = keyBytes.Length / sizeof(ulong);
        var entryCount = classBytes.Length / sizeof(ushort);
        if (keyBytes.Length % sizeof(ulong) != 0 || lengthBytes.Length != rows * sizeof(ushort)
            || classBytes.Length % sizeof(ushort) != 0 || weightBytes.Length != entryCount * sizeof(float))
        {
            throw new InvalidDataException("the key, row-length, class and weight tables have inconsistent sizes");
        }

        var keys = new ulong[rows];
        var starts = new int[rows + 1];
        for (var row = 0; row < rows; row++)
        {
            keys[row] = BinaryPrimitives.ReadUInt64LittleEndian(keyBytes[(row * sizeof(ulong))..]);
            if (keys[row] == EmptyKey)
            {
                throw new InvalidDataException("a feature key is zero");
            }

            var length = BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes[(row * sizeof(ushort))..]) + 1;
            starts[row + 1] = starts[row] + length;
            if (starts[row + 1] > entryCount)
            {
                throw new InvalidDataException("the rows hold more weights than the model stores");
            }
        }

        if (starts[rows] != entryCount)
        {
            throw new InvalidDataException("the rows hold fewer weights than the model stores");
        }

        var entries = new Entry[entryCount];
        for (var row = 0; row < rows; row++)
        {
            for (var e = starts[row]; e < starts[row + 1]; e++)
            {
                int cls = BinaryPrimitives.ReadUInt16LittleEndian(classBytes[(e * sizeof(ushort))..]);
                var weight = BinaryPrimitives.ReadSingleLittleEndian(weightBytes[(e * sizeof(float))..]);
                if (cls >= classCount || (e > starts[row] && cls <= entries[e - 1].Class))
                {
                    throw new InvalidDataException("a weight names an unknown or repeated class");
                }

                entries[e] = float.IsFinite(weight) ? new Entry(cls, weight) : throw new InvalidDataException("a weight is not a finite number");
            }
        }

        return Build(classCount, keys, starts, entries);
    }
}
