namespace Pipeline.Tests.Tokens;

public class DocBinFormatVersionTests
{
    [Fact]
    public void VersionOneBytesWithoutTheNormColumnStillLoad()
    {
        var doc = new Doc(new Vocab(), ["I", "ca", "n't"], [true, false, false]);
        doc[1].Lemma = "can";
        var bin = new DocBin([Attr.Lemma]);
        bin.Add(doc);
        var bytes = bin.ToBytes();
        byte[] versionTwo = [0xa6, (byte)'f', (byte)'o', (byte)'r', (byte)'m', (byte)'a', (byte)'t', 0x02];
        var at = bytes.AsSpan().IndexOf(versionTwo);
        Assert.True(at >= 0);
        bytes[at + versionTwo.Length - 1] = 0x01;
        var loaded = DocBin.FromBytes(bytes).GetDocs(new Vocab()).Single();
        Assert.Equal("can", loaded[1].Lemma);
        Assert.Equal("n't", loaded[2].Norm);
    }
}
