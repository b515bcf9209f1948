using Pipeline.Trainer.Tests.Support;
using Pipeline.Trainer.Training;

namespace Pipeline.Trainer.Tests.Training;

public class TransformerNerTrainingTests
{
    private const string Iob2 =
        "1\tAlice\tB-PER\n2\tmet\tO\n3\tBob\tB-PER\n4\tin\tO\n5\tNew\tB-LOC\n6\tYork\tI-LOC\n7\t.\tO\n\n" +
        "1\tParis\tB-LOC\n2\tis\tO\n3\tbig\tO\n4\t.\tO\n\n";

    [Fact]
    public void PipelineTrainTrainsTrfNerOnIob2CorporaScoresEntitiesAndResumes()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["train.iob2"], Iob2);
        var options = TinyRun.Options(dir, dir["train.iob2"], ["transformer", "trf_ner"]) with { Epochs = 2 };

        var first = new TrainingRunner(options).Run();
        Assert.Equal(2, first.Epochs.Count);
        Assert.True(first.Epochs[^1].Accuracy.ContainsKey("ents_f"));
        Assert.True(File.Exists(Path.Combine(dir["out"], "model1", "trf_ner", "model.bin")));
        var nlp = Nlp.Load(first.BestPath);
        Assert.Equal(["transformer", "trf_ner"], nlp.PipeNames);
        var doc = nlp.Process("Alice met Bob in New York.");
        Assert.All(doc.Ents, e => Assert.Contains(e.Label, new[] { "LOC", "PER" }));

        // Resuming replays the two epochs (same vectors, same seed) and must reach the checkpoint's bytes again.
        var resumed = new TrainingRunner(options with { Epochs = 3, Resume = true }).Run();
        Assert.Equal(2, resumed.ResumedAfter);
        Assert.Equal(3, resumed.Epochs.Count);
    }
}
