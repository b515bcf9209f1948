using Pipeline.Components;
using Pipeline.Lang;
using Pipeline.Tokenization;

namespace Pipeline.Tests.Tokenization;

public class TokenizerNormTests
{
    private static string[] Norms(Doc doc) => doc.Tokens.Select(t => t.Norm).ToArray();

    [Fact]
    public void ContractionPiecesGetTheirExceptionNorms()
    {
        var nlp = Nlp.Blank("en");
        var doc = nlp.MakeDoc("I can't go");
        Assert.Equal(["I", "ca", "n't", "go"], doc.Tokens.Select(t => t.Text));
        Assert.Equal("can", doc[1].Norm);
        Assert.Equal("not", doc[2].Norm);
        Assert.Equal(StringStore.Hash("not"), doc[2].NormId);
        Assert.Equal("go", doc[3].Norm);
    }

    [Fact]
    public void NormsArePerTokenNotPerWordType()
    {
        var nlp = Nlp.Blank("en");
        var doc = nlp.MakeDoc("you're youre re hes s");
        Assert.Equal(["you", "'re", "you", "re", "re", "he", "s", "s"], doc.Tokens.Select(t => t.Text));
        Assert.Equal("are", doc[1].Norm);
        Assert.Equal("are", doc[3].Norm);
        Assert.Equal("re", doc[4].Norm);
        Assert.Equal("'s", doc[6].Norm);
        Assert.Equal("s", doc[7].Norm);
        Assert.Equal(nlp.Vocab.GetLexeme(doc[4].Orth).Norm, doc[4].NormId);
    }

    [Fact]
    public void CachedChunksKeepTheirNormsAndPlainTextHasNoNormColumn()
    {
        var nlp = Nlp.Blank("en");
        var first = nlp.MakeDoc("don't stop");
        var second = nlp.MakeDoc("well don't");
        Assert.Equal("not", first[1].Norm);
        Assert.Equal("not", second[2].Norm);
        Assert.Equal("well", second[0].Norm);
        Assert.Null(nlp.MakeDoc("plain words only").NormColumn);
    }

    [Fact]
    public void NormsSurviveSlicingArraysAndAssignment()
    {
        var nlp = Nlp.Blank("en");
        var doc = nlp.MakeDoc("so I can't");
        Assert.Equal(["i", "can", "not"], Norms(doc[1..4].AsDoc()));
        var norms = doc.ToArray(Attr.Norm);
        Assert.Equal(StringStore.Hash("not"), norms[3, 0]);
        var copy = new Doc(doc.Vocab, ["so", "I", "ca", "n't"], [true, true, false, false]);
        Assert.Equal("n't", copy[3].Norm);
        copy.FromArray([Attr.Norm], norms);
        Assert.Equal(["so", "i", "can", "not"], Norms(copy));
        copy[0].Norm = "thus";
        Assert.Equal("thus", copy[0].Norm);
        copy[0].Norm = "";
        Assert.Equal("so", copy[0].Norm);
    }

    [Fact]
    public void UnknownNormHashesAreRefused()
    {
        var doc = new Doc(new Vocab(), ["a"]);
        var e = Assert.Throws<PipelineException>(() => doc.FromArray([Attr.Norm], new ulong[,] { { 12345 } }));
        Assert.Equal("E021", e.Code);
    }

    [Fact]
    public void NormsRoundTripThroughDocBytesAndDocBin()
    {
        var nlp = Nlp.Blank("en");
        var doc = nlp.MakeDoc("you're sure I can't");
        doc[0].Norm = "ye";
        var expected = Norms(doc);
        Assert.Equal(expected, Norms(Doc.FromBytes(new Vocab(), doc.ToBytes())));
        var bin = new DocBin();
        bin.Add(doc);
        bin.Add(nlp.MakeDoc("no norms here"));
        var docs = DocBin.FromBytes(bin.ToBytes()).GetDocs(new Vocab()).ToList();
        Assert.Equal(expected, Norms(docs[0]));
        Assert.Equal(["no", "norms", "here"], Norms(docs[1]));
        Assert.Null(docs[1].NormColumn);
        var withoutNorms = new DocBin([Attr.Lemma]);
        withoutNorms.Add(doc);
        Assert.Equal("n't", withoutNorms.GetDocs(new Vocab()).Single()[5].Norm);
    }

    [Fact]
    public void NormTokenPatternsSeeTokenNorms()
    {
        var nlp = Nlp.Blank("en");
        var ruler = (EntityRuler)nlp.CreatePipe("entity_ruler");
        nlp.AddPipe(ruler);
        ruler.AddPatterns([EntityPattern.FromJson("{\"label\": \"NEG\", \"pattern\": [{\"NORM\": \"not\"}]}")]);
        var doc = nlp.Process("I can't say not");
        Assert.Equal(["n't/NEG", "not/NEG"], doc.Ents.Select(e => $"{e.Text}/{e.Label}"));
    }

    [Fact]
    public void SavedRulesKeepTheirNorms()
    {
        var source = new Tokenizer(new Vocab(), EnglishRules.Create());
        source.AddSpecialCase("gimme", [new SpecialCasePiece("gim", "give"), new SpecialCasePiece("me")]);
        var target = new Tokenizer(new Vocab(), new TokenizerRules());
        target.FromBytes(source.ToBytes());
        var doc = target.Tokenize("gimme, I won't");
        Assert.Equal(["give", "me", ",", "i", "will", "not"], Norms(doc));
    }

    [Fact]
    public void SavedPipelinesKeepTheirNorms()
    {
        var nlp = Nlp.Blank("en");
        ((Tokenizer)nlp.Tokenizer).AddSpecialCase("lemme", [new SpecialCasePiece("lem", "let"), new SpecialCasePiece("me")]);
        var loaded = Nlp.Blank("en");
        loaded.FromBytes(nlp.ToBytes());
        Assert.Equal(["let", "me", "do", "not"], Norms(loaded.MakeDoc("lemme don't")));
    }
}
