using MessagePack;
using Pipeline.Serialization;

namespace Pipeline.Tests.Serialization;

/// <summary>The front-coded string lists of vocabulary files, and the older plain list they replaced.</summary>
public class FrontCodedStringsTests
{
    [Fact]
    public void SortedStringsRoundTripSharingTheirPrefixes()
    {
        string[] strings = ["förekomma", "förekommer", "förekommit", "x", "xy", "日本", "日本語"];
        var bytes = FrontCodedStrings.Write(strings);
        Assert.Equal(strings, FrontCodedStrings.Read(bytes));

        // "förekommer" after "förekomma": 9 shared UTF-8 bytes ("ö" takes two), then 2 more ("er").
        var second = 2 + "förekomma"u8.Length;
        Assert.Equal(new byte[] { 9, 2, (byte)'e', (byte)'r' }, bytes[second..(second + 4)]);
        Assert.Empty(FrontCodedStrings.Read([]));
    }

    [Fact]
    public void DamagedListsAreInvalidData()
    {
        byte[][] damaged =
        [
            [0x80],
            [0, 3, (byte)'a'],
            [0, 1, (byte)'a', 2, 0],
            [0, 1, 0xFF],
            [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0],
        ];
        foreach (var data in damaged)
        {
            var e = Record.Exception(() => FrontCodedStrings.Read(data));
            Assert.True(e is InvalidDataException or ArgumentException, $"{Convert.ToHexString(data)}: {e}");
        }
    }

    [Fact]
    public void VocabularyFilesKeepTheirStringsAndOldPlainListsStillLoad()
    {
        var vocab = new Vocab();
        vocab.Strings.Add("förekommer");
        vocab.Strings.Add("förekommit");
        var bytes = vocab.ToBytes();
        var reader = new MessagePackReader(bytes);
        reader.ReadMapHeader();
        reader.Skip();
        Assert.Equal(2, reader.ReadInt32());
        reader.Skip();
        Assert.Equal(MessagePackType.Binary, reader.NextMessagePackType);

        var loaded = new Vocab();
        loaded.FromBytes(bytes);
        Assert.Equal(vocab.Strings, loaded.Strings);

        var old = MsgPack.Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(2);
            w.Write("format");
            w.Write(1);
            w.Write("strings");
            MsgPack.WriteStringArray(ref w, ["a", "b"]);
        });
        var fromOld = new Vocab();
        fromOld.FromBytes(old);
        Assert.Equal(["a", "b"], fromOld.Strings);

        bytes[^1] ^= 0xFF;
        Assert.Equal("E008", Assert.Throws<PipelineFormatException>(() => new Vocab().FromBytes(bytes)).Code);
    }
}
