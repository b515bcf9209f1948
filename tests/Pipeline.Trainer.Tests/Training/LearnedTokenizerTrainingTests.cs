using Pipeline.Corpora;
using Pipeline.Tokenization.Learned;
using Pipeline.Trainer.Evaluation;
using Pipeline.Training;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Tests.Training;

public sealed class LearnedTokenizerTrainingTests
{
    [CorpusFact("ud/en_ewt/train.conllu")]
    public void TokenizerInThePipelineIsLearnedSavedAndScored()
    {
        using var dir = new TempDir();
        var result = EnglishSlice.Train(dir, 1500, ["tokenizer", "tagger"], epochs: 1);

        Assert.True(result.Epochs[^1].Accuracy[ScoreKeys.TokenF1] > 95, $"token F1 {result.Epochs[^1].Accuracy[ScoreKeys.TokenF1]}");
        var nlp = Nlp.Load(result.FinalPath);
        Assert.IsType<LearnedTokenizer>(nlp.Tokenizer);
        Assert.Equal(["tagger"], nlp.PipeNames);
        var doc = nlp.Process("I don't know. She left.");
        Assert.Equal(["I", "do", "n't", "know", ".", "She", "left", "."], doc.Tokens.Select(t => t.Text));
        Assert.Equal(2, doc.Sents.Count());

        var scores = ModelEvaluator.Evaluate(nlp, ConlluReader.Read(dir["dev.conllu"]).ToList());
        Assert.True(scores.Tokens!.Value.F1 > 0.95);
        Assert.NotNull(scores.Sentences);
    }
}
