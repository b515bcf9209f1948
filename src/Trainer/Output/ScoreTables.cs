using System.Globalization;
using Pipeline.Trainer.Training;
using Pipeline.Training.Scoring;
using Spectre.Console;

namespace Pipeline.Trainer.Output;

/// <summary>Spectre tables for scores: an evaluation's metrics, entity labels, and a run's epochs.</summary>
internal static class ScoreTables
{
    private static readonly (string Name, Func<Scores, ScoreCounts?> Get)[] Metrics =
    [
        ("Tokens", s => s.Tokens), ("Sentences", s => s.Sentences), ("UPOS", s => s.Upos), ("XPOS", s => s.Xpos),
        ("UFeats", s => s.UFeats), ("Lemma", s => s.Lemma), ("UAS", s => s.Uas), ("LAS", s => s.Las),
        ("Entities", s => s.Entities?.Overall),
    ];

    /// <summary>One row per metric present: precision, recall, F1 and the counts behind them.</summary>
    public static Table Evaluation(Scores scores)
    {
        var table = new Table().Title("Scores").AddColumn("Metric");
        foreach (var header in new[] { "P", "R", "F1", "Gold", "System", "Correct" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var (name, get) in Metrics)
        {
            if (get(scores) is { } c)
            {
                table.AddRow(name, Pct(c.Precision), Pct(c.Recall), Pct(c.F1), Num(c.Gold), Num(c.System), Num(c.Correct));
            }
        }

        return table;
    }

    /// <summary>Entity precision, recall and F1 per label.</summary>
    public static Table EntityLabels(NerScore entities)
    {
        var table = new Table().Title("Entities per label").AddColumn("Label");
        foreach (var header in new[] { "P", "R", "F1", "Gold", "System" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var (label, c) in entities.PerLabel)
        {
            table.AddRow(Markup.Escape(label), Pct(c.Precision), Pct(c.Recall), Pct(c.F1), Num(c.Gold), Num(c.System));
        }

        return table;
    }

    /// <summary>Every epoch of a run with its scores; the best one highlighted.</summary>
    public static Table Epochs(IReadOnlyList<EpochResult> epochs, int best)
    {
        var keys = ReportWriter.Charted.Where(c => epochs.Any(e => e.Accuracy.ContainsKey(c.Key))).ToList();
        var table = new Table().Title("Dev scores per epoch").AddColumn(new TableColumn("Epoch").RightAligned());
        foreach (var (_, label) in keys)
        {
            table.AddColumn(new TableColumn(label).RightAligned());
        }

        table.AddColumn(new TableColumn("Score").RightAligned()).AddColumn(new TableColumn("Words/s").RightAligned());
        foreach (var epoch in epochs)
        {
            var cells = new List<string> { epoch.Epoch.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(keys.Select(k => epoch.Accuracy.TryGetValue(k.Key, out var v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-"));
            cells.Add(epoch.Score.ToString("0.000", CultureInfo.InvariantCulture));
            cells.Add(epoch.WordsPerSecond.ToString("0", CultureInfo.InvariantCulture));
            table.AddRow(epoch.Epoch == best ? cells.ConvertAll(c => $"[bold yellow]{c}[/]").ToArray() : cells.ToArray());
        }

        return table;
    }

    /// <summary>The charted scores present in <paramref name="accuracy"/> on one line, e.g. "UPOS 96.50, LAS 83.90".</summary>
    public static string Summary(IReadOnlyDictionary<string, double> accuracy) =>
        string.Join(", ", ReportWriter.Charted.Where(c => accuracy.ContainsKey(c.Key))
            .Select(c => $"{c.Label} {accuracy[c.Key].ToString("0.00", CultureInfo.InvariantCulture)}"));

    // The percentage meta.json, accuracy.json and the training table keep (Scores.Percent), shown like the training
    // table shows it: rounding the raw fraction to two decimals instead made evaluate print 89.97 where the training
    // table of the same model said 89.98.
    private static string Pct(double fraction) => Scores.Percent(fraction).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
