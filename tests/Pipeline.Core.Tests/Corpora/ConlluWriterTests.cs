using Pipeline.Corpora;

namespace Pipeline.Tests.Corpora;

public class ConlluWriterTests
{
    private static Doc Annotated()
    {
        var vocab = new Vocab("en");
        var doc = new Doc(vocab, ["Alice", "met", "Bob", "Smith", ".", "He", "left", "."], [true, true, true, false, true, true, false, false]);
        string[] pos = ["PROPN", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"];
        string[] deps = ["nsubj", "root", "obj", "flat", "punct", "nsubj", "root", "punct"];
        int[] heads = [1, 1, 1, 2, 1, 6, 6, 6];
        for (var i = 0; i < doc.Length; i++)
        {
            doc[i].Pos = pos[i];
            doc[i].Tag = pos[i] == "PROPN" ? "NNP" : "X";
            doc[i].Lemma = doc[i].Text.ToLowerInvariant();
            doc[i].Dep = deps[i];
            doc[i].HeadIndex = heads[i];
        }

        doc[2].Morph = "Number=Sing";
        doc.Ents = [new Span(doc, 0, 1, "PER"), new Span(doc, 2, 4, "PER")];
        return doc;
    }

    [Fact]
    public void WrittenDocsReadBackWithTheirAnnotation()
    {
        var text = new StringWriter();
        var writer = new ConlluWriter(text);
        writer.Write(Annotated(), docId: "d1");

        Assert.Equal(2, writer.Sentences);
        var sentences = ConlluReader.Read(new StringReader(text.ToString()), "written").ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal("Alice met Bob Smith.", sentences[0].Text);
        Assert.Equal("He left.", sentences[1].Text);
        var first = sentences[0].Words;
        Assert.Equal(["Alice", "met", "Bob", "Smith", "."], first.Select(w => w.Form));
        Assert.Equal([2, 0, 2, 3, 2], first.Select(w => w.Head!.Value));
        Assert.Equal(["nsubj", "root", "obj", "flat", "punct"], first.Select(w => w.Deprel));
        Assert.Equal("Number=Sing", first[2].Feats);
        Assert.Equal("NNP", first[0].Xpos);
        Assert.Equal("bob", first[2].Lemma);
        Assert.False(first[3].SpaceAfter);
        Assert.Equal(["B-PER", "O", "B-PER", "I-PER", "O"], ConlluNer.Tags(sentences[0])!);
        Assert.Equal(["O", "O", "O"], ConlluNer.Tags(sentences[1])!);
        Assert.Equal([2, 0, 2], sentences[1].Words.Select(w => w.Head!.Value));
        Assert.StartsWith("# newdoc id = d1", text.ToString(), StringComparison.Ordinal);

        var vocab = new Vocab("en");
        var gold = sentences[0].ToDoc(vocab);
        ConlluNer.Apply(gold, ConlluNer.Tags(sentences[0])!);
        Assert.Equal(["Alice", "Bob Smith"], gold.Ents.Select(e => e.Text));
    }

    [Fact]
    public void UnannotatedDocsGetUnderscoresAndOneSentence()
    {
        var doc = new Doc(new Vocab("en"), ["Hello", "world"]);
        var text = new StringWriter();
        new ConlluWriter(text).Write(doc, sentId: "s1", text: "Hello world");

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["# sent_id = s1", "# text = Hello world", "1\tHello\t_\t_\t_\t_\t_\t_\t_\t_", "2\tworld\t_\t_\t_\t_\t_\t_\t_\t_"], lines);
        Assert.Single(ConlluReader.Read(new StringReader(text.ToString()), "x"));
    }

    [Fact]
    public void MultiwordTokensBecomeRangeLines()
    {
        var doc = new Doc(new Vocab("pt"), ["Vou", "de", "o", "Porto", "."], [true, false, true, false, false]);
        doc.SetMultiwordTokens([new MultiwordToken(1, 3, "do")]);
        var text = new StringWriter();
        new ConlluWriter(text).Write(doc);

        Assert.Contains("# text = Vou do Porto.", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("2-3\tdo\t", text.ToString(), StringComparison.Ordinal);
        var sentence = ConlluReader.Read(new StringReader(text.ToString()), "written").Single();
        Assert.Equal(["Vou", "do", "Porto", "."], sentence.Tokens.Select(t => t.Form));
        Assert.Equal(["Vou", "de", "o", "Porto", "."], sentence.Words.Select(w => w.Form));
        Assert.Equal("Vou do Porto.", sentence.ToDoc(new Vocab("pt")).Text.TrimEnd());
    }
}
