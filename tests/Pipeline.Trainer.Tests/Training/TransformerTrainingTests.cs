using Pipeline.Trainer.Tests.Support;
using Pipeline.Trainer.Training;

namespace Pipeline.Trainer.Tests.Training;

public class TransformerTrainingTests
{
    [Fact]
    public void PipelineTrainTrainsANeuralHeadOverTheTransformerWithCheckpointsAndResumes()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["train.conllu"], TinyConllu.Text);
        var options = TinyRun.Options(dir, dir["train.conllu"], ["transformer", "trf_tagger"]) with { Epochs = 2 };

        var first = new TrainingRunner(options).Run();
        Assert.Equal(2, first.Epochs.Count);
        Assert.True(File.Exists(Path.Combine(dir["out"], "model1", "trf_tagger", "model.bin")));
        var nlp = Nlp.Load(first.BestPath);
        Assert.Equal(["transformer", "trf_tagger"], nlp.PipeNames);
        Assert.Equal(384, nlp.Process("Bob runs.").TensorWidth);

        // Resuming replays the two epochs (same vectors, same seed) and must reach the checkpoint's bytes again.
        var resumed = new TrainingRunner(options with { Epochs = 3, Resume = true }).Run();
        Assert.Equal(2, resumed.ResumedAfter);
        Assert.Equal(3, resumed.Epochs.Count);
    }

    [Fact]
    public void PipelineTrainTrainsTheNeuralParserWithCheckpointsAndResumes()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["train.conllu"], TinyConllu.Text);
        var options = TinyRun.Options(dir, dir["train.conllu"], ["transformer", "trf_parser"]) with { Epochs = 2 };

        var first = new TrainingRunner(options).Run();
        Assert.True(File.Exists(Path.Combine(dir["out"], "model1", "trf_parser", "model.bin")));
        var doc = Nlp.Load(first.BestPath).Process("Bob runs.");
        Assert.Equal(1, doc.Tokens.Count(t => t.HeadIndex == t.I));
        Assert.True(first.Epochs[^1].Accuracy.ContainsKey("las"));
        Assert.Equal(["las"], ScoreWeights.Default(["transformer", "trf_parser"]).Weights.Keys); // model-best ranks by LAS

        // Resuming replays the two epochs and checks that they reproduce model1's hash: training is deterministic.
        var resumed = new TrainingRunner(options with { Epochs = 3, Resume = true }).Run();
        Assert.Equal(2, resumed.ResumedAfter);
        Assert.Equal(3, resumed.Epochs.Count);
    }
}
