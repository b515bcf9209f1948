using Pipeline.Trainer.Tests.Support;
using Pipeline.Trainer.Training;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Tests.Training;

public sealed class EnglishSliceTests
{
    [CorpusFact("ud/en_ewt/train.conllu")]
    public void TheTaggerLearnsFromAFewHundredEnglishSentences()
    {
        using var dir = new TempDir();
        Corpora.Slice(Corpora.Find("ud/en_ewt/train.conllu")!, dir["train.conllu"], 400);
        Corpora.Slice(Corpora.Find("ud/en_ewt/dev.conllu")!, dir["dev.conllu"], 200);

        var result = new TrainingRunner(new TrainingOptions
        {
            Lang = "en",
            Output = dir["out"],
            TrainPath = dir["train.conllu"],
            DevPath = dir["dev.conllu"],
            Pipeline = ["tagger"],
            Epochs = 2,
        }).Run();

        var upos = result.Epochs.Select(e => e.Accuracy[ScoreKeys.Upos]).ToList();
        Assert.True(upos[^1] > 75, $"UPOS per epoch: {string.Join(", ", upos)}");
        Assert.True(result.Epochs[^1].Accuracy[ScoreKeys.TokenF1] > 95);
        Assert.True(result.Epochs[^1].Losses["tagger"].Errors < result.Epochs[0].Losses["tagger"].Errors);
    }
}
