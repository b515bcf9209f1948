namespace Pipeline.Trainer.Tests.Training;

/// <summary>A run keeps the best checkpoint and the last <c>--keep-checkpoints</c>, and still resumes.</summary>
public sealed class CheckpointRetentionTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static IEnumerable<string> Checkpoints(string output) =>
        Directory.EnumerateDirectories(output).Select(Path.GetFileName).OfType<string>()
            .Where(TrainingOutput.IsModelFolderName).Where(n => n.StartsWith("model", StringComparison.Ordinal) && char.IsDigit(n[^1]))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void OnlyTheBestAndTheLastNCheckpointsStay()
    {
        var result = new TrainingRunner(fixture.Options("keep2") with { Epochs = 6, KeepCheckpoints = 2 }).Run();

        var expected = new[] { result.BestEpoch, 4, 5 }.Distinct().Select(i => $"model{i}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, Checkpoints(fixture.Out("keep2")));
        Assert.True(Directory.Exists(result.BestPath));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(fixture.Out("keep2")), e => e.Contains(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public void ZeroKeepsEveryCheckpoint()
    {
        new TrainingRunner(fixture.Options("keepall") with { Epochs = 5, KeepCheckpoints = 0 }).Run();

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"model{i}"), Checkpoints(fixture.Out("keepall")));
    }

    [Fact]
    public void ARunWithPrunedCheckpointsResumes()
    {
        new TrainingRunner(fixture.Options("resume") with { Epochs = 5, KeepCheckpoints = 1 }).Run();
        Assert.True(Checkpoints(fixture.Out("resume")).Count() <= 2);

        var resumed = new TrainingRunner(fixture.Options("resume") with { Epochs = 7, KeepCheckpoints = 1, Resume = true }).Run();

        Assert.Equal(7, resumed.Epochs.Count);
        Assert.Contains("model6", Checkpoints(fixture.Out("resume")));
    }

    [Fact]
    public void KeptIsTheBestAndTheLastN()
    {
        var random = new Random(9);
        for (var i = 0; i < 100; i++)
        {
            var count = random.Next(1, 30);
            var keep = random.Next(0, 6);
            var epochs = Enumerable.Range(0, count).Select(e => Epoch(e, random.NextDouble())).ToList();
            var best = ComponentBest.BestEpoch(epochs)!.Value;

            var kept = CheckpointRetention.Kept(epochs, keep, [best]);

            Assert.Contains(best, kept);
            Assert.Contains(count - 1, kept);
            var expected = keep == 0 ? count : Math.Min(count, keep + (best < count - keep ? 1 : 0));
            Assert.Equal(expected, kept.Count);
        }
    }

    private static EpochResult Epoch(int epoch, double score) =>
        new(epoch, new Dictionary<string, Pipeline.Training.TrainingLoss>(), new Dictionary<string, double>(), new Dictionary<string, PerLabelScore>(), 0, score, $"model{epoch}", "hash");
}
