using System.Buffers.Binary;
using MessagePack;
using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Tests.Training;

/// <summary>
/// The perceptron's saved forms: version 2 (40-bit keys as gap planes, 12-bit weight codes) and version 1 (64-bit
/// keys, 32-bit weights), which still loads with its exact weights.
/// </summary>
public class AveragedPerceptronFormatTests
{
    private static float[] Scores(AveragedPerceptron model, params ulong[] features)
    {
        var scores = new float[model.Classes];
        model.Score(features, scores);
        return scores;
    }

    /// <summary>A version-1 map: rows of (class, weight) pairs under 64-bit keys.</summary>
    private static byte[] Version1(int classes, params (ulong Key, (int Class, float Weight)[] Entries)[] rows) => MsgPack.Write((ref MessagePackWriter w) =>
    {
        var entries = rows.SelectMany(r => r.Entries).ToArray();
        var keys = new byte[rows.Length * 8];
        var lengths = new byte[rows.Length * 2];
        var classBytes = new byte[entries.Length * 2];
        var weights = new byte[entries.Length * 4];
        for (var r = 0; r < rows.Length; r++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(keys.AsSpan(r * 8), rows[r].Key);
            BinaryPrimitives.WriteUInt16LittleEndian(lengths.AsSpan(r * 2), (ushort)(rows[r].Entries.Length - 1));
        }

        for (var e = 0; e < entries.Length; e++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(classBytes.AsSpan(e * 2), (ushort)entries[e].Class);
            BinaryPrimitives.WriteSingleLittleEndian(weights.AsSpan(e * 4), entries[e].Weight);
        }

        w.WriteMapHeader(6);
        w.Write("format");
        w.Write(1);
        w.Write("classes");
        w.Write(classes);
        w.Write("keys");
        w.Write(keys);
        w.Write("row_lengths");
        w.Write(lengths);
        w.Write("entry_classes");
        w.Write(classBytes);
        w.Write("entry_weights");
        w.Write(weights);
    });

    /// <summary>A version-2 map with the given fields (raw bytes, as a damaged file could hold them).</summary>
    private static byte[] Version2(byte[] keys, byte[] lengths, byte[] classes, float scale, byte[] codes) => MsgPack.Write((ref MessagePackWriter w) =>
    {
        w.WriteMapHeader(7);
        w.Write("format");
        w.Write(2);
        w.Write("classes");
        w.Write(3);
        w.Write("keys");
        w.Write(keys);
        w.Write("row_lengths");
        w.Write(lengths);
        w.Write("entry_classes");
        w.Write(classes);
        w.Write("weight_scale");
        w.Write(scale);
        w.Write("entry_codes");
        w.Write(codes);
    });

    [Fact]
    public void Version1BytesLoadWithTheirExactWeightsAndSaveAsVersion2()
    {
        var bytes = Version1(3, (0xABCD_0000_0000_0007UL, [(0, 1.25f), (2, -0.5f)]), (42, [(1, 3.0f)]));
        var model = AveragedPerceptron.FromBytes(bytes);
        Assert.Equal([1.25f, 3.0f, -0.5f], Scores(model, 0xABCD_0000_0000_0007UL, 42));

        var saved = model.ToBytes();
        var reader = new MessagePackReader(saved);
        reader.ReadMapHeader();
        Assert.Equal("format", reader.ReadString());
        Assert.Equal(2, reader.ReadInt32());
        var reloaded = AveragedPerceptron.FromBytes(saved);
        Assert.Equal(Scores(model, 7, 42), Scores(reloaded, 7, 42), (x, y) => Math.Abs(x - y) <= Math.Abs(x) * 0.0035f);
    }

    [Fact]
    public void FeaturesAreKeyedOnTheirLow40Bits()
    {
        var model = new AveragedPerceptron(2);
        model.Update([0x0000_0012_3456_789AUL], gold: 1, guess: 0);
        model.Average();

        // A feature that differs only above bit 40 shares the weights; one that differs below does not.
        Assert.Equal(Scores(model, 0x0000_0012_3456_789AUL), Scores(model, 0xFFFF_FF12_3456_789AUL));
        Assert.Equal([0f, 0f], Scores(model, 0x0000_0013_3456_789AUL));
    }

    [Fact]
    public void Version1RowsWhoseKeysShareTheLow40BitsMergeTheirWeights()
    {
        var bytes = Version1(3, (0x0100_0000_0000_0009UL, [(0, 1f), (1, 2f)]), (0x0200_0000_0000_0009UL, [(1, 0.5f), (2, -4f)]), (5, [(2, 1f)]));
        var model = AveragedPerceptron.FromBytes(bytes);
        Assert.Equal(2, model.FeatureCount);
        Assert.Equal([1f, 2.5f, -4f], Scores(model, 9));
        Assert.Equal([0f, 0f, 1f], Scores(model, 5));
    }

    [Fact]
    public void DamagedVersion2FieldsAreFormatErrors()
    {
        // A good model: keys 4 and 9 (gaps 4, 5), one and two entries, codes of the largest magnitude.
        var keys = BytePlanes.WriteGaps([4, 9], 5);
        var lengths = BytePlanes.Write([0, 1], 2);
        var classes = new byte[] { 0, 1, 2 };
        var codes = BytePlanes.Write([2047, 2047, 4095], 2);
        Assert.Equal([2f, 2f, -2f], Scores(AveragedPerceptron.FromBytes(Version2(keys, lengths, classes, 2f, codes)), 4, 9));

        byte[][] damaged =
        [
            Version2(BytePlanes.Write([(1UL << 40) - 1, 1UL << 39], 5), lengths, classes, 2f, codes),
            Version2(BytePlanes.Write([4, 0], 5), lengths, classes, 2f, codes),
            Version2(keys, BytePlanes.Write([0, 2], 2), classes, 2f, codes),
            Version2(keys, lengths, [0, 2, 1], 2f, codes),
            Version2(keys, lengths, [0, 1, 3], 2f, codes),
            Version2(keys, lengths, classes, float.NaN, codes),
            Version2(keys, lengths, classes, -1f, codes),
            Version2(keys, lengths, classes, 2f, BytePlanes.Write([2047, 2047, 4096], 2)),
            Version2(keys, lengths, classes, 2f, codes[..4]),
            Version2(keys[..9], lengths, classes, 2f, codes),
        ];
        foreach (var data in damaged)
        {
            Assert.Equal("E008", Assert.Throws<PipelineFormatException>(() => AveragedPerceptron.FromBytes(data)).Code);
        }
    }

    [Fact]
    public void MutatedVersion2BytesFailOnlyWithFormatErrors()
    {
        var model = new AveragedPerceptron(300);
        for (ulong f = 1; f < 400; f++)
        {
            model.Update([f, f * 7919], gold: (int)(f % 300), guess: (int)((f * 3) % 300));
        }

        var bytes = model.ToBytes();
        var random = new Random(11);
        for (var i = 0; i < 500; i++)
        {
            try
            {
                AveragedPerceptron.FromBytes(Mutator.Mutate(bytes, random));
            }
            catch (PipelineFormatException)
            {
            }
        }
    }
}
