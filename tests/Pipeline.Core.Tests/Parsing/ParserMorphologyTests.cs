using Pipeline.Components.Parsing;
using Pipeline.Tokens;

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
        var correct = 0;
        foreach (var gold in heldOut)
        {
            var doc = new Doc(vocab, ["kato", "kato"]);
            for (var i = 0; i < 2; i++)
            {
                doc[i].Pos = gold[i].Pos;
                doc[i].Morph = gold[i].Morph;
            }

            parser.Process(doc);
            correct += doc[0].HeadIndex == gold[0].HeadIndex && doc[1].HeadIndex == gold[1].HeadIndex ? 1 : 0;
        }

        // Without the features half the sentences (one word order) would come out wrong.
        Assert.Equal(heldOut.Count, correct);
    }
}
