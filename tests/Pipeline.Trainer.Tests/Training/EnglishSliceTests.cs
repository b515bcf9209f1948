using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Tests.Training;

public sealed class EnglishSliceTests
{
    [CorpusFact("ud/en_ewt/train.conllu")]
    public void TheTaggerLearnsFromAFewHundredEnglishSentences()
    {
        using var dir = new TempDir();
        var result = EnglishSlice.Train(dir, 400, ["tagger"], epochs: 2);

        var upos = result.Epochs.Select(e => e.Accuracy[ScoreKeys.Upos]).ToList();
        Assert.True(upos[^1] > 75, $"UPOS per epoch: {string.Join(", ", upos)}");
        Assert.True(result.Epochs[^1].Accuracy[ScoreKeys.TokenF1] > 95);
        Assert.True(result.Epochs[^1].Losses["tagger"].Errors < result.Epochs[0].Losses["tagger"].Errors);
    }
}
