using System.Globalization;
using Pipeline.Trainer.Output;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Tests.Commands;

/// <summary>`pipeline evaluate` shows a score as the training table shows it (issue 18, point 9: 89.97 against 89.98).</summary>
public sealed class ScoreRoundingTests
{
    [Fact]
    public void The_evaluation_table_shows_the_percentage_meta_json_keeps_as_the_training_table_does()
    {
        // A count whose raw percentage, formatted to two decimals, differs from the stored (3-decimal) percentage
        // formatted the same way, as 89.9748 % (shown 89.97) against 89.975 (shown 89.98).
        var counts = Enumerable.Range(1_790_000, 2000)
            .Select(correct => new ScoreCounts(2_000_000, 2_000_000, correct))
            .First(c => Show(c.F1 * 100) != Show(Stored(c)));
        var trainingTable = Show(Stored(counts));

        var console = new TestConsole().Width(200);
        console.Write(ScoreTables.Evaluation(new Scores { Upos = counts }));
        var row = console.Output.Split('\n').Single(l => l.Contains("UPOS", StringComparison.Ordinal));
        Assert.Equal(3, row.Split(trainingTable).Length - 1); // P, R and F1
    }

    private static double Stored(ScoreCounts counts) => new Scores { Upos = counts }.ToAccuracy()[ScoreKeys.Upos];

    private static string Show(double percent) => percent.ToString("0.00", CultureInfo.InvariantCulture);
}
