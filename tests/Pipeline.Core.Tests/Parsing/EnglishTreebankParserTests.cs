using Pipeline.Components.Parsing;
using Pipeline.Corpora;

namespace Pipeline.Tests.Parsing;

public class EnglishTreebankParserTests
{
    private const string Train = "ud/en_ewt/train.conllu";
    private const string Dev = "ud/en_ewt/dev.conllu";

    [CorpusFact(Train)]
    public void SmallSliceOfEnglishEwtBeatsAFloorOnOtherSentences()
    {
        var vocab = new Vocab("en");
        var train = ConlluReader.Read(TestCorpora.Find(Train)!).Take(200).Select(s => s.ToDoc(vocab)).ToList();
        var dev = ConlluReader.Read(TestCorpora.Find(Dev)!).Take(150).Select(s => s.ToDoc(vocab)).ToList();
        var parser = new Parser();
        parser.Train(train, epochs: 3, seed: 1);

        int total = 0, right = 0, labelled = 0;
        foreach (var gold in dev)
        {
            var doc = parser.Process(ToyTreebank.WordsAndTags(gold));
            ParserTests.AssertWellFormed(doc);
            for (var i = 0; i < doc.Length; i++)
            {
                total++;
                var head = doc[i].HeadIndex == gold[i].HeadIndex;
                right += head ? 1 : 0;
                labelled += head && doc[i].Dep == gold[i].Dep ? 1 : 0;
            }
        }

        double uas = (double)right / total, las = (double)labelled / total;
        Assert.True(uas >= 0.65 && las >= 0.55, $"UAS {uas:P1}, LAS {las:P1} on {total} words");
    }

    [CorpusFact(Train)]
    public void LiftingAndDeprojectivizingRecoversTheTreebanksNonProjectiveTrees()
    {
        var vocab = new Vocab("en");
        int nonProjective = 0, recovered = 0;
        foreach (var sentence in ConlluReader.Read(TestCorpora.Find(Train)!).Take(4000))
        {
            var doc = sentence.ToDoc(vocab);
            var gold = doc.HeadColumn!;
            if (PseudoProjective.IsProjective(gold))
            {
                continue;
            }

            nonProjective++;
            var heads = (int[])gold.Clone();
            var original = new int[heads.Length];
            PseudoProjective.Lift(heads, original);
            Assert.True(PseudoProjective.IsProjective(heads));

            // Head-scheme labels: a lifted word's label names its original head's label, found again breadth-first.
            var output = new ulong[heads.Length + 1];
            var target = new ulong[heads.Length + 1];
            var labels = new int[heads.Length];
            for (var i = 0; i < heads.Length; i++)
            {
                labels[i] = i + 1;
                output[i + 1] = doc[i].DepId;
                target[i + 1] = original[i] >= 0 ? doc[original[i]].DepId : 0;
            }

            PseudoProjective.Deprojectivize(heads, labels, output, target, new int[4 * (heads.Length + 1)]);
            recovered += heads.SequenceEqual(gold) ? 1 : 0;
        }

        Assert.True(nonProjective >= 50, $"{nonProjective} non-projective trees");
        Assert.True(recovered >= 0.9 * nonProjective, $"{recovered} of {nonProjective} recovered");
    }
}
