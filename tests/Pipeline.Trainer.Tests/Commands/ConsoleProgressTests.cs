using Pipeline.Trainer.Output;
using Pipeline.Trainer.Tests.Training;

namespace Pipeline.Trainer.Tests.Commands;

public sealed class ConsoleProgressTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    [Fact]
    public void AnInteractiveConsoleShowsAProgressBarAndARowPerEpoch()
    {
        var console = new TestConsole().Interactive().Width(160);
        using (var progress = new ConsoleTrainingProgress(console))
        {
            new TrainingRunner(fixture.Options("interactive") with { Epochs = 2 }, progress).Run();
        }

        var output = console.Output;
        Assert.Contains("epoch 1/2", output, StringComparison.Ordinal);
        Assert.Contains("tagger loss", output, StringComparison.Ordinal);
        var rows = output.Split('\n').Where(l => l.TrimStart().StartsWith("0 ", StringComparison.Ordinal) || l.TrimStart().StartsWith("1 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
    }
}
