using System.Buffers;
using MessagePack;
using Pipeline.Serialization;

namespace Pipeline.Tests.Serialization;

/// <summary>The one word-table encoding of model files, and the two older ones it still reads.</summary>
public class LexiconCodecTests
{
    private static readonly Dictionary<ulong, ulong> Table = new() { [ulong.MaxValue] = 7, [3] = 1UL << 40, [12] = 0 };

    private static byte[] Bytes(MsgPackWrite write) => MsgPack.Write(write);

    private static Dictionary<ulong, ulong> Read(byte[] data) =>
        MsgPack.Read(data, "test", (ref MessagePackReader r) => LexiconCodec.Read(ref r));

    [Fact]
    public void WritesSortedLittleEndianPairsAndReadsThemBack()
    {
        var data = Bytes((ref MessagePackWriter w) => LexiconCodec.Write(ref w, Table));
        var reader = new MessagePackReader(data);
        var pairs = reader.ReadBytes()!.Value.ToArray();
        Assert.Equal(3 * 16, pairs.Length);
        Assert.Equal(3UL, BitConverter.ToUInt64(pairs, 0));
        Assert.Equal(ulong.MaxValue, BitConverter.ToUInt64(pairs, 32));
        Assert.Equal(Table, Read(data));
        Assert.Equal(data, Bytes((ref MessagePackWriter w) => LexiconCodec.Write(ref w, Table.Reverse().ToDictionary())));
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
