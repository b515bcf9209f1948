using System.Buffers.Binary;
using MessagePack;
using Pipeline.Serialization;

namespace Pipeline.Training;

public sealed partial class AveragedPerceptron
{
    // Version 2: rows sorted by key, 40-bit keys as byte planes of their gaps, one-byte classes where they fit,
    // 12-bit weight codes. Version 1 (64-bit keys in creation order, 32-bit float weights) still loads.
    private const int FormatVersion = 2;

    private const int KeyBytes = KeyBits / 8;

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

    /// <summary>
    /// Writes the averaged model as one MessagePack map: <c>keys</c> (rows sorted by key, 5 <see cref="BytePlanes"/>
    /// of the gaps), <c>row_lengths</c> (entries per row minus one, 2 planes), <c>entry_classes</c> (1 plane up to
    /// 256 classes, else 2), <c>weight_scale</c> (the largest magnitude) and <c>entry_codes</c> (2 planes of the
    /// 12-bit <see cref="WeightCodebook"/> codes).
    /// </summary>
    internal void Write(ref MessagePackWriter writer)
    {
        var model = CreateAveraged();
        var rowKeys = model._rowKeys!;
        var starts = model._rowStarts!;
        var entries = model._entries!;
        var largest = 0f;
        foreach (var entry in entries)
        {
            largest = Math.Max(largest, Math.Abs(entry.Weight));
        }

        var codebook = WeightCodebook.For(largest);
        var order = new int[rowKeys.Length];
        var sortedKeys = (ulong[])rowKeys.Clone();
        for (var row = 0; row < order.Length; row++)
        {
            order[row] = row;
        }

        Array.Sort(sortedKeys, order);
        var keys = new List<ulong>(rowKeys.Length);
        var lengths = new List<ulong>(rowKeys.Length);
        var classes = new ulong[entries.Length];
        var codes = new ulong[entries.Length];
        var written = 0;
        foreach (var row in order)
        {
            var first = written;
            for (var e = starts[row]; e < starts[row + 1]; e++)
            {
                var code = codebook.Encode(entries[e].Weight);
                if (code >= 0)
                {
                    classes[written] = (ulong)entries[e].Class;
                    codes[written++] = (ulong)code;
                }
            }

            if (written > first)
            {
                keys.Add(rowKeys[row]);
                lengths.Add((ulong)(written - first - 1));
            }
        }

        writer.WriteMapHeader(7);
        writer.Write("format");
        writer.Write(FormatVersion);
        writer.Write("classes");
        writer.Write(Classes);
        writer.Write("keys");
        writer.Write(BytePlanes.WriteGaps(keys.ToArray(), KeyBytes));
        writer.Write("row_lengths");
        writer.Write(BytePlanes.Write(lengths.ToArray(), sizeof(ushort)));
        writer.Write("entry_classes");
        writer.Write(BytePlanes.Write(classes.AsSpan(0, written), ClassWidth(Classes)));
        writer.Write("weight_scale");
        writer.Write(codebook.Largest);
        writer.Write("entry_codes");
        writer.Write(BytePlanes.Write(codes.AsSpan(0, written), sizeof(ushort)));
    }

    /// <summary>Reads a model map written by <see cref="Write"/> (or by version 1), validating every field.</summary>
    // Runs once per model at load time on millions of entries: optimized at once rather than tiered up.
    internal static AveragedPerceptron Read(ref MessagePackReader reader, string source)
    {
        var classCount = -1;
        var version = 0;
        float? scale = null;
        ReadOnlyMemory<byte>? keyData = null, lengthData = null, classData = null, weightData = null, codeData = null;
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
                case "weight_scale":
                    scale = r.ReadSingle();
                    break;
                case "entry_codes":
                    codeData = MsgPack.ReadBinary(ref r);
                    break;
                default:
                    return false;
            }

            return true;
        });

        var weightsPresent = version == 1 ? weightData is not null : scale is not null && codeData is not null;
        if (version < 1 || keyData is null || lengthData is null || classData is null || !weightsPresent)
        {
            throw new InvalidDataException(version >= 2
                ? "a perceptron model needs 'format', 'classes', 'keys', 'row_lengths', 'entry_classes', 'weight_scale' and 'entry_codes'"
                : "a perceptron model needs 'format', 'classes', 'keys', 'row_lengths', 'entry_classes' and 'entry_weights'");
        }

        if (classCount < 1 || classCount > MaxClasses)
        {
            throw new InvalidDataException($"class count {classCount} is out of range");
        }

        return version == 1
            ? ReadVersion1(classCount, keyData.Value.Span, lengthData.Value.Span, classData.Value.Span, weightData!.Value.Span)
            : ReadVersion2(classCount, keyData.Value.Span, lengthData.Value.Span, classData.Value.Span, WeightCodebook.For(scale!.Value), codeData!.Value.Span);
    }

    /// <summary>Bytes per class index in version 2: one up to 256 classes, else two.</summary>
    private static int ClassWidth(int classes) => classes <= 256 ? 1 : sizeof(ushort);

    private static AveragedPerceptron ReadVersion2(int classCount, ReadOnlySpan<byte> keyBytes, ReadOnlySpan<byte> lengthBytes, ReadOnlySpan<byte> classBytes, WeightCodebook codebook, ReadOnlySpan<byte> codeBytes)
    {
        var keys = BytePlanes.ReadGaps(keyBytes, "feature keys", KeyBytes);
        var lengths = new PlaneView(lengthBytes, sizeof(ushort), "row lengths");
        var classes = new PlaneView(classBytes, ClassWidth(classCount), "entry classes");
        var codes = new PlaneView(codeBytes, sizeof(ushort), "weight codes");
        if (lengths.Count != keys.Length || codes.Count != classes.Count)
        {
            throw new InvalidDataException("the key, row-length, class and weight tables have inconsistent sizes");
        }

        if (keys.Length > 0 && keys[^1] > KeyMask)
        {
            throw new InvalidDataException($"a feature key exceeds {KeyBits} bits");
        }

        var starts = new int[keys.Length + 1];
        for (var row = 0; row < keys.Length; row++)
        {
            starts[row + 1] = starts[row] + (int)lengths[row] + 1;
            if (starts[row + 1] > classes.Count)
            {
                throw new InvalidDataException(TooManyWeights);
            }
        }

        if (starts[^1] != classes.Count)
        {
            throw new InvalidDataException(TooFewWeights);
        }

        var values = codebook.Values;
        var entries = new Entry[classes.Count];
        for (var row = 0; row < keys.Length; row++)
        {
            for (var e = starts[row]; e < starts[row + 1]; e++)
            {
                var code = codes[e];
                entries[e] = code < (uint)values.Length
                    ? new Entry(CheckClass(classCount, (int)classes[e], entries, e, starts[row]), values[code])
                    : throw new InvalidDataException($"weight code {code} is out of range");
            }
        }

        return Build(classCount, keys, starts, entries);
    }

    private static AveragedPerceptron ReadVersion1(int classCount, ReadOnlySpan<byte> keyBytes, ReadOnlySpan<byte> lengthBytes, ReadOnlySpan<byte> classBytes, ReadOnlySpan<byte> weightBytes)
    {
        var rows = keyBytes.Length / sizeof(ulong);
        var entryCount = classBytes.Length / sizeof(ushort);
        if (keyBytes.Length % sizeof(ulong) != 0 || lengthBytes.Length != rows * sizeof(ushort)
            || classBytes.Length % sizeof(ushort) != 0 || weightBytes.Length != entryCount * sizeof(float))
        {
            throw new InvalidDataException("the key, row-length, class and weight tables have inconsistent sizes");
        }

        var lengths = lengthBytes.ToArray();
        var starts = RowStarts(rows, row => BinaryPrimitives.ReadUInt16LittleEndian(lengths.AsSpan(row * sizeof(ushort))) + 1, entryCount);
        var entries = new Entry[entryCount];
        for (var row = 0; row < rows; row++)
        {
            for (var e = starts[row]; e < starts[row + 1]; e++)
            {
                int cls = BinaryPrimitives.ReadUInt16LittleEndian(classBytes[(e * sizeof(ushort))..]);
                var weight = BinaryPrimitives.ReadSingleLittleEndian(weightBytes[(e * sizeof(float))..]);
                CheckClass(classCount, cls, entries, e, starts[row]);
                entries[e] = float.IsFinite(weight) ? new Entry(cls, weight) : throw new InvalidDataException("a weight is not a finite number");
            }
        }

        // Version 1 kept whole 64-bit keys; they are keyed on their low bits now, and rows that then share a key merge.
        var keys = new ulong[rows];
        for (var row = 0; row < rows; row++)
        {
            var raw = BinaryPrimitives.ReadUInt64LittleEndian(keyBytes[(row * sizeof(ulong))..]);
            keys[row] = raw != EmptyKey ? Key(raw) : throw new InvalidDataException("a feature key is zero");
        }

        return HaveSharedKeys(keys) ? MergeSharedKeys(classCount, keys, starts, entries) : Build(classCount, keys, starts, entries);
    }

    private const string TooManyWeights = "the rows hold more weights than the model stores";
    private const string TooFewWeights = "the rows hold fewer weights than the model stores";

    /// <summary>The first entry of each row (and the end), checking that the rows hold exactly the stored entries.</summary>
    private static int[] RowStarts(int rows, Func<int, int> length, int entryCount)
    {
        var starts = new int[rows + 1];
        for (var row = 0; row < rows; row++)
        {
            starts[row + 1] = starts[row] + length(row);
            if (starts[row + 1] > entryCount)
            {
                throw new InvalidDataException(TooManyWeights);
            }
        }

        return starts[rows] == entryCount ? starts : throw new InvalidDataException(TooFewWeights);
    }

    /// <summary>The class of entry <paramref name="e"/>, which must be known and above the one before it in its row.</summary>
    private static int CheckClass(int classCount, int cls, Entry[] entries, int e, int rowStart) =>
        cls >= classCount || (e > rowStart && cls <= entries[e - 1].Class)
            ? throw new InvalidDataException("a weight names an unknown or repeated class")
            : cls;
}
