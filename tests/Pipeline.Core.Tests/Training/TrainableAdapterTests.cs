using Pipeline.Components.Lemmatization;
using Pipeline.Components.Morphology;
using Pipeline.Components.Ner;
using Pipeline.Training;

namespace Pipeline.Tests.Training;

public class TrainableAdapterTests
{
    private static List<TrainingLoss> TrainEpochs(ITrainable component, List<Doc> golds, int epochs)
    {
        component.Initialize(golds);
        var losses = new List<TrainingLoss>();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var loss = default(TrainingLoss);
            foreach (var gold in golds)
            {
                // As in the trainer: the predicted doc carries the (here: gold) tags of the components before.
                loss += component.Update(ToyCorpus.Strip(gold).CopyTags(gold), gold);
            }

            losses.Add(loss);
        }

        component.FinishTraining();
        return losses;
    }

    [Fact]
    public void TheLemmatizerLearnsUpdateByUpdateAndWritesLemmas()
    {
        var vocab = new Vocab();
        var lemmatizer = new Lemmatizer();
        var losses = TrainEpochs(lemmatizer, ToyCorpus.Make(vocab, 120, seed: 1), 3);
        Assert.True(losses[^1].Errors < losses[0].Errors, string.Join(", ", losses));
        Assert.False(lemmatizer.IsTraining);
        Assert.Empty(lemmatizer.Labels);

        var heldOut = ToyCorpus.Make(vocab, 30, seed: 9);
        var right = heldOut.Sum(g => lemmatizer.Process(ToyCorpus.Strip(g).CopyTags(g)).Tokens.Count(t => t.Lemma == g[t.I].Lemma));
        Assert.True(right >= 0.95 * heldOut.Sum(g => g.Length), $"{right} right");

        // Without a tagger before it, the form-only entries still lemmatize seen words.
        Assert.Equal("dog", lemmatizer.Process(new Doc(vocab, ["dogs"]))[0].Lemma);
    }

    [Fact]
    public void TheMorphologizerLearnsUpdateByUpdateAndWritesFeatures()
    {
        var vocab = new Vocab();
        var morphologizer = new Morphologizer();
        var golds = ToyCorpus.Make(vocab, 120, seed: 1);
        var losses = TrainEpochs(morphologizer, golds, 3);
        Assert.True(losses[^1].Errors <= losses[0].Errors, string.Join(", ", losses));
        Assert.Contains("Number=Plur", morphologizer.Labels);

        var predicted = ToyCorpus.Strip(golds[0]).CopyTags(golds[0]);
        morphologizer.Initialize(golds);
        morphologizer.Update(predicted, golds[0]);
        Assert.NotNull(predicted.MorphColumn);
        Assert.True(morphologizer.IsTraining);
        Assert.Equal("E063", Assert.Throws<PipelineException>(() => new Morphologizer().Update(predicted, golds[0])).Code);
    }

    [Fact]
    public void TheRecognizerChecksItsFeatureNoiseSetting()
    {
        Assert.Equal(0.3, new EntityRecognizer().DropRate);
        Assert.Throws<ArgumentException>(() => new EntityRecognizer { DropRate = 1.5 });
    }
}
