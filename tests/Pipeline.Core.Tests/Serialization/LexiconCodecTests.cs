using System.Buffers;
using MessagePack;
using Pipeline.Serialization;

namespace Pipeline.Tests.Serialization;

/// <summary>The one word-table encoding of model files, and the three older ones it still reads.</summary>
public class LexiconCodecTests
{
    private static readonly Dictionary<ulong, ulong> Table = new() { [ulong.MaxValue] = 7, [3] = 1UL << 40, [12] = 0 };

    private static byte[] Bytes(MsgPackWrite write) => MsgPack.Write(write);

    private static Dictionary<ulong, ulong> Read(byte[] data) =>
        MsgPack.Read(data, "test", (ref MessagePackReader r) => LexiconCodec.Read(ref r));

    [Fact]
    public void WritesSortedWordsAsGapPlanesAndValuesAsPlanes()
    {
        var data = Bytes((ref MessagePackWriter w) => LexiconCodec.Write(ref w, Table));
        var reader = new MessagePackReader(data);
        Assert.Equal(2, reader.ReadArrayHeader());
        var words = reader.ReadBytes()!.Value.ToArray();
        var values = reader.ReadBytes()!.Value.ToArray();

        // Words 3, 12, MaxValue: gaps 3, 9, MaxValue - 12; byte 0 of each gap comes first.
        Assert.Equal(3 * 8, words.Length);
        Assert.Equal(new byte[] { 3, 9, unchecked((byte)(ulong.MaxValue - 12)) }, words[..3]);
        Assert.Equal(new byte[] { 0, 0, 0xFF }, words[3..6]);

        // Values in word order: 1 << 40 (byte 5 is 1), 0, 7.
        Assert.Equal(new byte[] { 0, 0, 7 }, values[..3]);
        Assert.Equal(new byte[] { 1, 0, 0 }, values[15..18]);
        Assert.Equal(Table, Read(data));
        Assert.Equal(data, Bytes((ref MessagePackWriter w) => LexiconCodec.Write(ref w, Table.Reverse().ToDictionary())));
    }

    [Fact]
    public void ReadsTheOldLittleEndianPairs()
    {
        var pairs = new byte[Table.Count * 16];
        var at = 0;
        foreach (var (key, value) in Table.OrderBy(p => p.Key))
        {
            BitConverter.TryWriteBytes(pairs.AsSpan(at), key);
            BitConverter.TryWriteBytes(pairs.AsSpan(at + 8), value);
            at += 16;
        }

        Assert.Equal(Table, Read(Bytes((ref MessagePackWriter w) => w.Write(pairs))));
    }

    [Fact]
    public void TheEmptyWordMayBeTheFirstKey()
    {
        var table = new Dictionary<ulong, ulong> { [0] = 5, [9] = 6 };
        Assert.Equal(table, Read(Bytes((ref MessagePackWriter w) => LexiconCodec.Write(ref w, table))));
    }

    [Fact]
    public void ReadsTheOldArrayOfPairsAndTheOldFlatArray()
    {
        var pairs = Bytes((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(Table.Count);
            foreach (var (key, value) in Table)
            {
                w.WriteArrayHeader(2);
                w.Write(key);
                w.Write(value);
            }
        });
        var flat = Bytes((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(2 * Table.Count);
            foreach (var (key, value) in Table)
            {
                w.Write(key);
                w.Write(value);
            }
        });
        Assert.Equal(Table, Read(pairs));
        Assert.Equal(Table, Read(flat));
        Assert.Empty(Read(Bytes((ref MessagePackWriter w) => w.WriteArrayHeader(0))));
    }

    [Fact]
    public void DamagedTablesAreFormatErrors()
    {
        byte[][] damaged =
        [
            Bytes((ref MessagePackWriter w) => w.Write(new byte[17])),
            Bytes((ref MessagePackWriter w) => w.Write(new byte[32])),
            Bytes((ref MessagePackWriter w) =>
            {
                w.WriteArrayHeader(3);
                w.Write(1);
                w.Write(2);
                w.Write(3);
            }),
            Bytes((ref MessagePackWriter w) =>
            {
                // Planes: a repeated word (gap 0), then values of the wrong count.
                w.WriteArrayHeader(2);
                w.Write(new byte[] { 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
                w.Write(new byte[16]);
            }),
            Bytes((ref MessagePackWriter w) =>
            {
                w.WriteArrayHeader(2);
                w.Write(new byte[8]);
                w.Write(new byte[16]);
            }),
            Bytes((ref MessagePackWriter w) =>
            {
                w.WriteArrayHeader(2);
                w.Write(new byte[7]);
                w.Write(new byte[8]);
            }),
            Bytes((ref MessagePackWriter w) =>
            {
                w.WriteArrayHeader(1);
                w.WriteArrayHeader(3);
                w.Write(1);
                w.Write(2);
                w.Write(3);
            }),
        ];
        foreach (var data in damaged)
        {
            Assert.Equal("E008", Assert.Throws<PipelineFormatException>(() => Read(data)).Code);
        }
    }
}
