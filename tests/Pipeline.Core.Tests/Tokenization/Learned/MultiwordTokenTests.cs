using Pipeline.Corpora;

namespace Pipeline.Tests.Tokenization.Learned;

public class MultiwordTokenTests
{
    private const string Conllu =
        "# text = Vou do Porto.\n" +
        "1\tVou\tir\tVERB\t_\t_\t0\troot\t_\t_\n" +
        "2-3\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tde\tde\tADP\t_\t_\t4\tcase\t_\t_\n" +
        "3\to\to\tDET\t_\t_\t4\tdet\t_\t_\n" +
        "4\tPorto\tPorto\tPROPN\t_\t_\t1\tobl\t_\tSpaceAfter=No\n" +
        "5\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\tSpaceAfter=No\n\n";

    private static Doc PortugueseDoc(Vocab vocab) =>
        ConlluReader.Read(new StringReader(Conllu), "test").Single().ToDoc(vocab);

    [Fact]
    public void ConlluMultiwordTokensKeepTheSurfaceText()
    {
        var doc = PortugueseDoc(new Vocab("pt"));
        Assert.Equal(["Vou", "de", "o", "Porto", "."], doc.Tokens.Select(t => t.Text));
        Assert.Equal("Vou do Porto.", doc.Text);
        Assert.Equal([new MultiwordToken(1, 3, "do")], doc.MultiwordTokens);
        Assert.Equal(4, doc[1].Idx);
        Assert.Equal(4, doc[2].Idx);
        Assert.Equal(7, doc[3].Idx);
        Assert.Equal("do", doc[1..3].Text);
    }

    [Fact]
    public void WordsThatSpellTheTokenGetTheirOwnOffsets()
    {
        var doc = new Doc(new Vocab("en"), ["I", "do", "n't", "know"], [true, false, true, false]);
        doc.SetMultiwordTokens([new MultiwordToken(1, 3, "don't")]);
        Assert.Equal("I don't know", doc.Text);
        Assert.Equal([0, 2, 4, 8], doc.Tokens.Select(t => t.Idx));
    }

    [Fact]
    public void RoundTripsThroughDocBytesAndDocBin()
    {
        var vocab = new Vocab("pt");
        var doc = PortugueseDoc(vocab);
        var copy = Doc.FromBytes(new Vocab("pt"), doc.ToBytes());
        Assert.Equal(doc.MultiwordTokens, copy.MultiwordTokens);
        Assert.Equal(doc.Text, copy.Text);
        Assert.Equal(doc.Tokens.Select(t => t.Idx), copy.Tokens.Select(t => t.Idx));

        var plain = new Doc(vocab, ["sem", "nada"]);
        var bin = new DocBin();
        bin.Add(doc);
        bin.Add(plain);
        var docs = DocBin.FromBytes(bin.ToBytes()).GetDocs(new Vocab("pt")).ToList();
        Assert.Equal(doc.MultiwordTokens, docs[0].MultiwordTokens);
        Assert.Empty(docs[1].MultiwordTokens);
        Assert.Equal("Vou do Porto.", docs[0].Text);
    }

    [Fact]
    public void SlicesKeepTheMultiwordTokensInside()
    {
        var doc = PortugueseDoc(new Vocab("pt"));
        Assert.Equal([new MultiwordToken(0, 2, "do")], doc[1..4].AsDoc().MultiwordTokens);
        Assert.Empty(doc[2..4].AsDoc().MultiwordTokens);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 6)]
    [InlineData(2, 4)]
    public void InvalidRangesAreRefused(int start, int end)
    {
        var doc = new Doc(new Vocab("en"), ["a", "b", "c", "d", "e"], [false, false, true, false, false]);
        var e = Assert.Throws<PipelineException>(() => doc.SetMultiwordTokens([new MultiwordToken(start, end, "x")]));
        Assert.Equal("E070", e.Code);
    }
}
