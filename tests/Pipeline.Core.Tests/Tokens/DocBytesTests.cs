namespace Pipeline.Tests.Tokens;

public class DocBytesTests
{
    [Fact]
    public void ADocCarriesItsStringsIntoABlankVocab()
    {
        var doc = new Doc(new Vocab(), ["Hello", "wörld", "😀"], [true, false, false]);
        doc[1].Lemma = "world";
        doc[1].Morph = "Number=Sing";
        doc[0].IsSentStart = true;
        doc[1].IsSentStart = false;
        var blank = new Vocab();
        var copy = Doc.FromBytes(blank, doc.ToBytes());
        Assert.Equal("Hello wörld😀", copy.Text);
        Assert.Equal("world", copy[1].Lemma);
        Assert.Equal("Number=Sing", copy[1].Morph);
        Assert.Equal(["Hello wörld😀"], copy.Sents.Select(s => s.Text));
        Assert.True(blank.Strings.Contains("Number=Sing"));
        Assert.Same(blank, copy.Vocab);
    }

    [Fact]
    public void UnsetAnnotationsStayUnset()
    {
        var copy = Doc.FromBytes(new Vocab(), new Doc(new Vocab(), ["a", "b"]).ToBytes());
        Assert.False(copy.HasSentenceBoundaries);
        Assert.Null(copy.HeadColumn);
        Assert.Null(copy.LemmaColumn);
        Assert.Empty(copy.Ents);
        Assert.False(copy.HasUserData);
        Assert.False(copy.HasCats);
    }

    [Fact]
    public void ASpanIsSerializedThroughAsDoc()
    {
        var doc = new Doc(new Vocab(), ["one", "two", "three", "four"]);
        doc.Ents = [new Span(doc, 1, 3, "NUM")];
        var copy = Doc.FromBytes(new Vocab(), doc[1..3].AsDoc().ToBytes());
        Assert.Equal("two three ", copy.Text);
        Assert.Equal("NUM", Assert.Single(copy.Ents).Label);
    }

    [Fact]
    public void DocBinBytesWithSeveralDocsAreNotOneDoc()
    {
        var bin = new DocBin();
        bin.Add(new Doc(new Vocab(), ["a"]));
        bin.Add(new Doc(new Vocab(), ["b"]));
        var e = Assert.Throws<PipelineFormatException>(() => Doc.FromBytes(new Vocab(), bin.ToBytes()));
        Assert.Equal("E008", e.Code);
        Assert.Contains("DocBin.FromBytes", e.Message);
    }

    [Fact]
    public void DocBytesAreAOneDocBin()
    {
        var doc = new Doc(new Vocab(), ["a", "b"]);
        var bin = DocBin.FromBytes(doc.ToBytes());
        Assert.Equal(1, bin.Count);
        Assert.True(bin.StoreUserData);
        Assert.Equal("a b ", bin.GetDocs(new Vocab()).Single().Text);
    }

    [Fact]
    public void LongDocsRoundTripThroughTheEntropyCoder()
    {
        var rng = new Random(21);
        var vocab = new Vocab();
        var words = Enumerable.Range(0, 20_000).Select(_ => RandomDocs.RandomText(rng)).ToArray();
        var doc = new Doc(vocab, words);
        for (var i = 0; i < doc.Length; i++)
        {
            doc[i].Tag = $"T{rng.Next(300)}";
            doc[i].HeadIndex = rng.Next(doc.Length);
            doc[i].Dep = $"d{rng.Next(80)}";
            doc[i].IsSentStart = rng.Next(20) == 0;
        }

        DocAssert.Equivalent(doc, Doc.FromBytes(new Vocab(), doc.ToBytes()));
    }
}
