using Pipeline.Components.Parsing;

namespace Pipeline.Tests.Parsing;

public class ParserMorphologyTests
{
    /// <summary>
    /// Two identical words with identical tags; only their case tells which is the subject: the nominative word
    /// depends on the accusative one. Word order is random, so words, tags and positions carry no signal.
    /// </summary>
    private static List<Doc> CaseTreebank(Vocab vocab, int count, int seed)
    {
        var random = new Random(seed);
        var docs = new List<Doc>();
        for (var n = 0; n < count; n++)
        {
            var doc = new Doc(vocab, ["kato", "kato"]);
            var subject = random.Next(2);
            for (var i = 0; i < 2; i++)
            {
                doc[i].Pos = "NOUN";
                doc[i].Morph = i == subject ? "Case=Nom" : "Case=Acc";
                doc[i].HeadIndex = i == subject ? 1 - i : i;
                doc[i].Dep = i == subject ? "nsubj" : "root";
            }

            docs.Add(doc);
        }

        return docs;
    }

    [Fact]
    public void MorphologicalFeaturesDecideAttachmentsThatWordsAndTagsCannot()
    {
        var vocab = new Vocab();
        var parser = new Parser();
        parser.Train(CaseTreebank(vocab, 200, seed: 1), 5, 7);

        var heldOut = CaseTreebank(vocab, 40, seed: 2);
        var correct = Correct(parser, heldOut);

        // Without the features half the sentences (one word order) would come out wrong.
        Assert.Equal(heldOut.Count, correct);
    }

    [Fact]
    public void ModelsSavedBeforeMorphologicalFeaturesStillLoadAndParseAlike()
    {
        var vocab = new Vocab();
        var parser = new Parser();
        parser.Train(ToyTreebank.Make(vocab, 120, seed: 1), 3, 7);
        var bytes = parser.ToBytes();

        // The same model stamped with format 1, which had no morphological features: the MessagePack string
        // "format" (0xA6 and six letters), then the version as one byte.
        byte[] marker = [0xA6, .. "format"u8.ToArray()];
        var at = bytes.AsSpan().IndexOf(marker);
        Assert.True(at >= 0);
        Assert.Equal(3, bytes[at + marker.Length]);
        var older = (byte[])bytes.Clone();
        older[at + marker.Length] = 1;
        var loaded = new Parser();
        loaded.FromBytes(older);

        foreach (var gold in ToyTreebank.Make(vocab, 20, seed: 5))
        {
            var expected = parser.Process(ToyTreebank.WordsAndTags(gold));
            var actual = loaded.Process(ToyTreebank.WordsAndTags(gold));
            Assert.Equal(expected.Tokens.Select(t => (t.HeadIndex, t.Dep)), actual.Tokens.Select(t => (t.HeadIndex, t.Dep)));
        }

        older[at + marker.Length] = 4;
        Assert.Throws<PipelineFormatException>(() => new Parser().FromBytes(older));
    }

    [Fact]
    public void AModelThatReadsFeaturesStillReadsThemAfterSavingAndLoading()
    {
        var vocab = new Vocab();
        var parser = new Parser();
        parser.Train(CaseTreebank(vocab, 200, seed: 1), 5, 7);
        var loaded = new Parser();
        loaded.FromBytes(parser.ToBytes());

        var heldOut = CaseTreebank(vocab, 40, seed: 2);
        Assert.Equal(heldOut.Count, Correct(loaded, heldOut));
    }

    /// <summary>How many of the case-treebank sentences the parser attaches right from words, tags and FEATS.</summary>
    private static int Correct(Parser parser, List<Doc> golds)
    {
        var correct = 0;
        foreach (var gold in golds)
        {
            var doc = new Doc(gold.Vocab, ["kato", "kato"]);
            for (var i = 0; i < 2; i++)
            {
                doc[i].Pos = gold[i].Pos;
                doc[i].Morph = gold[i].Morph;
            }

            parser.Process(doc);
            correct += doc[0].HeadIndex == gold[0].HeadIndex && doc[1].HeadIndex == gold[1].HeadIndex ? 1 : 0;
        }

        return correct;
    }
}

