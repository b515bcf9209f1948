using Pipeline.Components.Ner;
using Pipeline.Corpora;
using Pipeline.Training;

namespace Pipeline.Tests.Ner;

public class EnglishEwtNerTests
{
    [CorpusFact("ner/en_ewt/train.iob2")]
    public void SmallSliceOfEnglishEwtBeatsAFloorOnOtherSentences()
    {
        var vocab = new Vocab("en");
        var sentences = new Iob2Reader().Read(TestCorpora.Find("ner/en_ewt/train.iob2")!).Take(1200).Select(s => s.ToDoc(vocab)).ToList();
        var train = sentences.Take(900).ToList();
        var test = sentences.Skip(900).ToList();
        foreach (var doc in test)
        {
            doc.Ents = doc.Ents.Where(e => e.Label != "OTH").ToList();
        }

        // The preliminary train release has OTH entities, absent from the released dev and test: read as O.
        var ner = new EntityRecognizer(labels: ["LOC", "ORG", "PER"]);
        ner.Train(train, epochs: 5, seed: 1);
        Assert.Equal(["LOC", "ORG", "PER"], ner.Labels);
        var predicted = test.Select(g => ner.Process(new Doc(vocab, g.Tokens.Select(t => t.Text).ToList(), g.Tokens.Select(t => t.Whitespace).ToList()))).ToList();
        var scores = EntityScorer.Score(test, predicted);
        Assert.True(scores.F >= 0.45, $"F {scores.F:F3} ({scores.Overall})");
        Assert.True(scores.PerLabel["PER"].F > 0, "no person was found");
    }
}
