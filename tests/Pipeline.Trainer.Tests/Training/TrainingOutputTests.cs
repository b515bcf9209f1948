namespace Pipeline.Trainer.Tests.Training;

/// <summary>What --resume and a fresh run do with a run folder whose entries were damaged or replaced.</summary>
public sealed class TrainingOutputTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    [Fact]
    public void ResumeRefusesATruncatedLastCheckpointAndWritesNoModelBest()
    {
        var options = fixture.Options("corrupt-last") with { Epochs = 1 };
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
        var options = fixture.Options("corrupt-first") with { Epochs = 3 };
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
        var options = fixture.Options("intact") with { Epochs = 2 };
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
        var options = fixture.Options($"state-folder-{resume}") with { Epochs = 1, Resume = resume };
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
        var options = fixture.Options($"blocked-{name}") with { Epochs = 1 };
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

    [Fact]
    public void UserFoldersNamedLikeCheckpointsAreNeitherDeletedNorTrainedOver()
    {
        var options = fixture.Options("user-folders") with { Epochs = 1 };
        var mine = Path.Combine(options.Output, "model12");
        Directory.CreateDirectory(mine);
        var corpus = Path.Combine(mine, "train.conllu");
        File.Copy(fixture.Train, corpus);
        Directory.CreateDirectory(Path.Combine(options.Output, "model-best"));
        var note = Path.Combine(options.Output, "model-best", "mine.txt");
        File.WriteAllText(note, "x");

        var progress = new RecordingProgress();
        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { TrainPath = corpus }, progress).Run());

        Assert.Equal("E116", error.Code);
        Assert.Contains("'model12' there holds the train corpus", error.Message, StringComparison.Ordinal);
        Assert.Contains("Move it out of the folder, or train into another output folder", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(corpus));
        Assert.True(File.Exists(note));
        Assert.DoesNotContain(progress.Messages, m => m.StartsWith("Read ", StringComparison.Ordinal));
        Assert.Empty(progress.Completed);

        // Without the corpus in it, the user's model-best is still refused: no training-state.json lists it.
        error = Assert.Throws<PipelineException>(() => new TrainingRunner(options, progress).Run());
        Assert.Equal("E116", error.Code);
        Assert.Contains("'model-best' there is not a checkpoint of an earlier run", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(note));
        Assert.True(File.Exists(corpus));
        Assert.Empty(progress.Completed);
    }

    [Fact]
    public void StartingOverRemovesTheEarlierRunsCheckpointsButNothingElse()
    {
        var options = fixture.Options("foreign-files") with { Epochs = 2 };
        new TrainingRunner(options).Run();
        var note = Path.Combine(options.Output, "model-best", "notes.txt");
        File.WriteAllText(note, "mine");
        var progress = new RecordingProgress();

        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { Epochs = 1 }, progress).Run());
        Assert.Equal("E116", error.Code);
        Assert.Contains("'model-best' there holds other files than the checkpoints training-state.json lists (model0 to model1)", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(note));
        Assert.True(Directory.Exists(Path.Combine(options.Output, "model1")));

        // A checkpoint-like folder the state does not list is not the run's either.
        File.Delete(note);
        var stray = Path.Combine(options.Output, "model7");
        CopyDirectory(Path.Combine(options.Output, "model1"), stray);
        error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { Epochs = 1 }, progress).Run());
        Assert.Equal("E116", error.Code);
        Assert.Contains("'model7' there is not among the checkpoints training-state.json lists (model0 to model1)", error.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(stray));
        Assert.Empty(progress.Completed);

        // The earlier run's own folders go.
        Directory.Delete(stray, recursive: true);
        var again = new TrainingRunner(options with { Epochs = 1 }, progress).Run();
        Assert.Single(again.Epochs);
        Assert.False(Directory.Exists(Path.Combine(options.Output, "model1")));
        Assert.Contains(progress.Messages, m => m.StartsWith("Starting over: the 4 model folder(s) of the earlier run", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(options.Output, RunRecovery.AsideFolder)));
    }

    [Fact]
    public void WithoutAReadableStateNoModelFolderIsRemoved()
    {
        var options = fixture.Options("unreadable-state") with { Epochs = 1 };
        new TrainingRunner(options).Run();
        File.WriteAllText(Path.Combine(options.Output, TrainingState.FileName), "{ broken");

        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options).Run());

        Assert.Equal("E116", error.Code);
        Assert.Contains("no readable training-state.json", error.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(options.Output, "model0")));
        Assert.True(Directory.Exists(Path.Combine(options.Output, "model-best")));
    }

    [Fact]
    public void ATemplateInsideACheckpointIsNotDeleted()
    {
        var options = fixture.Options("template-inside") with { Epochs = 1 };
        var first = new TrainingRunner(options).Run();
        var template = Path.Combine(first.BestPath, "meta.json");

        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { MetaPath = template }).Run());

        Assert.Equal("E116", error.Code);
        Assert.Contains($"'model-best' there holds the meta template '{template}'", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(template));
    }

    [Fact]
    public void ResumeDoesNotReplaceAModelBestWithForeignFiles()
    {
        var options = fixture.Options("resume-foreign") with { Epochs = 1 };
        new TrainingRunner(options).Run();
        var note = Path.Combine(options.Output, "model-best", "notes.txt");
        File.WriteAllText(note, "mine");
        var progress = new RecordingProgress();

        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { Epochs = 2, Resume = true }, progress).Run());

        Assert.Equal("E116", error.Code);
        Assert.Contains("'model-best'", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(note));
        Assert.Empty(progress.Completed);
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }
}
