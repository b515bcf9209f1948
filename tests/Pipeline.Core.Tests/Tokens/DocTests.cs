namespace Pipeline.Tests.Tokens;

public class DocTests
{
    private static Doc Make(params string[] words) => new(new Vocab(), words);

    [Fact]
    public void TokenSettersWriteTheDocColumns()
    {
        var doc = Make("The", "cat", "sat");
        doc[1].Tag = "NN";
        doc[1].Pos = "NOUN";
        doc[1].Head = doc[2];
        doc[1].Dep = "nsubj";
        Assert.Equal("NN", doc[1].Tag);
        Assert.Equal("NOUN", doc[1].Pos);
        Assert.Equal(2, doc[1].HeadIndex);
        Assert.Equal(string.Empty, doc[0].Tag);
        Assert.Equal("The cat sat ", doc.Text);
        Assert.Equal(4, doc[1].Idx);
    }

    [Fact]
    public void EntsRoundTripThroughIobColumns()
    {
        var doc = Make("Ada", "Lovelace", "met", "Charles", "Babbage");
        doc.Ents = [new Span(doc, 0, 2, "PER"), new Span(doc, 3, 5, "PER")];
        var ents = doc.Ents;
        Assert.Equal(2, ents.Count);
        Assert.Equal("Ada Lovelace", ents[0].Text);
        Assert.Equal("PER", ents[1].Label);
        Assert.Equal("O", doc[2].EntIob);
        Assert.Equal("B", doc[3].EntIob);
    }

    [Fact]
    public void OverlappingEntsAreRefused()
    {
        var doc = Make("a", "b", "c");
        var e = Assert.Throws<PipelineException>(() => doc.Ents = [new Span(doc, 0, 2, "X"), new Span(doc, 1, 3, "Y")]);
        Assert.Equal("E016", e.Code);
    }

    [Fact]
    public void SentencesFollowHeadsWhenNoStartsAreSet()
    {
        var doc = Make("A", "b", ".", "C", "d", ".");
        int[] heads = [1, 1, 1, 4, 4, 4];
        for (var i = 0; i < heads.Length; i++)
        {
            doc[i].HeadIndex = heads[i];
        }

        var sents = doc.Sents.Select(s => s.Text).ToList();
        Assert.Equal(["A b .", "C d ."], sents);
    }

    [Fact]
    public void SentsWithoutBoundariesExplainsTheFix()
    {
        var e = Assert.Throws<PipelineException>(() => Make("a").Sents.ToList());
        Assert.Equal("E015", e.Code);
        Assert.Contains("sentencizer", e.Message);
    }

    [Fact]
    public void ToArrayAndFromArrayRoundTrip()
    {
        var doc = Make("I", "like", "it");
        doc[0].Head = doc[1];
        doc[2].Head = doc[1];
        doc[1].Lemma = "like";
        var attrs = new[] { Attr.Orth, Attr.Head, Attr.Lemma, Attr.SentStart, Attr.Spacy };
        var array = doc.ToArray(attrs);
        Assert.Equal(unchecked((ulong)-1L), array[2, 1]);
        var copy = Make("I", "like", "it").FromArray(attrs, array);
        Assert.Equal(1, copy[2].HeadIndex);
        Assert.Equal("like", copy[1].Lemma);
    }

    [Fact]
    public void AsDocCutsHeadsAndShiftsExtensions()
    {
        Token.SetExtension("doc_tests_flag", false);
        var doc = Make("x", "y", "z");
        doc[1].Head = doc[0];
        doc[2].Head = doc[1];
        doc[2].Ext["doc_tests_flag"] = true;
        var sub = doc[1..3].AsDoc();
        Assert.Equal("y z ", sub.Text);
        Assert.Equal(0, sub[0].HeadIndex);
        Assert.Equal(0, sub[1].HeadIndex);
        Assert.Equal(true, sub[1].Ext["doc_tests_flag"]);
        Assert.Equal(false, sub[0].Ext["doc_tests_flag"]);
    }

    [Fact]
    public void UnregisteredExtensionNamesTheFix()
    {
        var e = Assert.Throws<PipelineException>(() => Make("a").Ext["nope_never_registered"]);
        Assert.Equal("E013", e.Code);
        Assert.Contains("SetExtension", e.Message);
    }
}
