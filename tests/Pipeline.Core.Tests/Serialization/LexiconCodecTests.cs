using System.Buffers;
using MessagePack;
using Pipeline.Serialization;

namespace Pipeline.Tests.Serialization;

/// <summary>The one word-table encoding of model files, and the three older ones it still reads.</summary>
public class LexiconCodecTests
{
    // An older file's table: whole 64-bit hashes, which reading cuts to word keys.
    private static readonly Dictionary<ulong, ulong> Table = new() { [ulong.MaxValue] = 7, [3] = 1UL << 40, [12] = 0 };

    private static readonly Dictionary<ulong, ulong> Cut = Table.ToDictionary(p => WordKeys.Of(p.Key), p => p.Value);

    private static byte[] Bytes(MsgPackWrite write) => MsgPack.Write(write);

    private static Dictionary<ulong, ulong> Read(byte[] data) =>
        MsgPack.Read(data, "test", (ref MessagePackReader r) => LexiconCodec.Read(ref r));

    [Fact]
    public void WritesSortedWordsAsGapPlanesAndEachDistinctValueOnce()
    {
        var table = new Dictionary<ulong, ulong> { [WordKeys.Of(ulong.MaxValue)] = 1UL << 40, [3] = 7, [12] = 1UL << 40, [20] = 0 };
        var data = Bytes((ref MessagePackWriter w) => LexiconCodec.Write(ref w, table));
        var reader = new MessagePackReader(data);
        Assert.Equal(3, reader.ReadArrayHeader());
        var words = reader.ReadBytes()!.Value.ToArray();
        var values = reader.ReadBytes()!.Value.ToArray();
        var indices = reader.ReadBytes()!.Value.ToArray();

        // Words 3, 12, 20, 2^40 - 1: gaps 3, 9, 8, 2^40 - 21; byte 0 of each gap comes first.
        Assert.Equal(4 * 8, words.Length);
        Assert.Equal(new byte[] { 3, 9, 8, unchecked((byte)((1UL << 40) - 21)) }, words[..4]);

        // Distinct values in the order the sorted words meet them: 7, 1 << 40, 0; one byte of index per word.
        Assert.Equal(3 * 8, values.Length);
        Assert.Equal(new byte[] { 7, 0, 0 }, values[..3]);
        Assert.Equal(new byte[] { 0, 1, 0 }, values[15..18]);
        Assert.Equal(new byte[] { 0, 1, 2, 1 }, indices);
        Assert.Equal(table, Read(data));
        Assert.Equal(data, Bytes((ref MessagePackWriter w) => LexiconCodec.Write(ref w, table.Reverse().ToDictionary())));
    }

    [Fact]
    public void ManyDistinctValuesTakeWiderIndices()
    {
        var table = Enumerable.Range(1, 300).ToDictionary(i => (ulong)i * 1000, i => (ulong)i * 0x9E3779B97F4A7C15UL);
        var data = Bytes((ref MessagePackWriter w) => LexiconCodec.Write(ref w, table));
        var reader = new MessagePackReader(data);
        reader.ReadArrayHeader();
        reader.ReadBytes();
        reader.ReadBytes();
        Assert.Equal(2 * 300, reader.ReadBytes()!.Value.Length);
        Assert.Equal(table, Read(data));
    }

    [Fact]
    public void TheTwoPlaneEncodingReadsWithItsWholeHashesCutToWordKeysTheFirstOfAClashKept()
    {
        // Whole 64-bit hashes as an older file stores them: 5 and 5 + 2^40 share a word key once cut.
        ulong[] keys = [5, 9, 5 + (1UL << 40), ulong.MaxValue];
        ulong[] values = [1, 2, 3, 4];
        var data = Bytes((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(2);
            w.Write(BytePlanes.WriteGaps(keys));
            w.Write(BytePlanes.Write(values, sizeof(ulong)));
        });
        var expected = new Dictionary<ulong, ulong> { [5] = 1, [9] = 2, [WordKeys.Of(ulong.MaxValue)] = 4 };
        Assert.Equal(expected, Read(data));
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

        Assert.Equal(Cut, Read(Bytes((ref MessagePackWriter w) => w.Write(pairs))));
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
        Assert.Equal(Cut, Read(pairs));
        Assert.Equal(Cut, Read(flat));
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
        damaged =
        [
            .. damaged,
            Bytes((ref MessagePackWriter w) =>
            {
                // Indexed: an index beyond the one value, then one index for two words.
                w.WriteArrayHeader(3);
                w.Write(BytePlanes.WriteGaps([4UL]));
                w.Write(new byte[8]);
                w.Write(new byte[] { 1 });
            }),
            Bytes((ref MessagePackWriter w) =>
            {
                w.WriteArrayHeader(3);
                w.Write(BytePlanes.WriteGaps([4UL, 6UL]));
                w.Write(new byte[8]);
                w.Write(new byte[] { 0 });
            }),
        ];
        foreach (var data in damaged)
        {
            Assert.Equal("E008", Assert.Throws<PipelineFormatException>(() => Read(data)).Code);
        }
    }
}
