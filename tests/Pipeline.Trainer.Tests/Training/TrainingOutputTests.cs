using Pipeline.Trainer.Training;

namespace Pipeline.Trainer.Tests.Training;

/// <summary>What --resume and a fresh run do with a run folder whose entries were damaged or replaced.</summary>
public sealed class TrainingOutputTests : IClassFixture<TrainingFixture>
{
    private readonly TrainingFixture _fx;

    public TrainingOutputTests(TrainingFixture fixture) => _fx = fixture;

    [Fact]
    public void ResumeRefusesATruncatedLastCheckpointAndWritesNoModelBest()
    {
        var options = _fx.Options("corrupt-last") with { Epochs = 1 };
        new TrainingRunner(options).Run();
        File.WriteAllBytes(Path.Combine(options.Output, "model0", "tagger", "model.bin"), []);
        Directory.Delete(Path.Combine(options.Output, "model-best"), recursive: true);
        Directory.Delete(Path.Combine(options.Output, "model-final"), recursive: true);

        var progress = new RecordingProgress();
        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { Resume = true }, progress).Run());

        Assert.Equal("E113", error.Code);
        Assert.Contains("'model0'", error.Message, StringComparison.Ordinal);
        Assert.Contains("without --resume", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(progress.Messages, m => m.StartsWith("Restored", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(options.Output, "model-best")));
    }

    [Fact]
    public void ResumeChecksEveryCheckpointNotOnlyTheLast()
    {
        var options = _fx.Options("corrupt-first") with { Epochs = 3 };
        Assert.Throws<SimulatedKillException>(() => new TrainingRunner(options, new RecordingProgress(killAfterEpoch: 1)).Run());
        var bin = Path.Combine(options.Output, "model0", "tagger", "model.bin");
        var bytes = File.ReadAllBytes(bin);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(bin, bytes);

        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { Resume = true }).Run());
        Assert.Equal("E113", error.Code);
        Assert.Contains("'model0'", error.Message, StringComparison.Ordinal);

        File.Delete(Path.Combine(options.Output, "model1", "meta.json"));
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(bin, bytes);
        error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { Resume = true }).Run());
        Assert.Equal("E113", error.Code);
        Assert.Contains("'model1' has no readable meta.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIntactRunStillResumes()
    {
        var options = _fx.Options("intact") with { Epochs = 2 };
        Assert.Throws<SimulatedKillException>(() => new TrainingRunner(options, new RecordingProgress(killAfterEpoch: 0)).Run());
        var resumed = new TrainingRunner(options with { Resume = true }).Run();
        Assert.Equal(1, resumed.ResumedAfter);
        Assert.Equal(2, resumed.Epochs.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AStateFileThatIsAFolderIsRefusedBeforeTraining(bool resume)
    {
        var options = _fx.Options($"state-folder-{resume}") with { Epochs = 1, Resume = resume };
        Directory.CreateDirectory(Path.Combine(options.Output, TrainingState.FileName));

        var progress = new RecordingProgress();
        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options, progress).Run());

        Assert.Equal("E114", error.Code);
        Assert.Contains(TrainingState.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
        Assert.Empty(progress.Completed);
    }

    [Theory]
    [InlineData("training-log.jsonl", true)]
    [InlineData("report.html", true)]
    [InlineData("model0", false)]
    [InlineData("model-best", false)]
    public void AnEntryOfTheWrongKindIsRefusedBeforeTraining(string name, bool folder)
    {
        var options = _fx.Options($"blocked-{name}") with { Epochs = 1 };
        Directory.CreateDirectory(options.Output);
        var path = Path.Combine(options.Output, name);
        if (folder)
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            File.WriteAllText(path, "not a model");
        }

        var progress = new RecordingProgress();
        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options, progress).Run());

        Assert.Equal("E114", error.Code);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Empty(progress.Completed);
    }
}
