using System.Globalization;
using System.Net;
using System.Text;
using Pipeline.Serialization;
using Pipeline.Trainer.Training;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Output;

/// <summary>
/// <c>report.html</c>: a self-contained page (inline CSS and SVG, no scripts, nothing fetched) with the dev scores
/// and training losses per epoch as line charts marking the chosen best epoch, and a table of every epoch; with a
/// per-component model-best also each component's epoch and model-best's own dev scores.
/// </summary>
internal static class ReportWriter
{
    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "report.html";

    /// <summary>The score keys charted, in order, with their display names.</summary>
    public static readonly (string Key, string Label)[] Charted =
    [
        (ScoreKeys.Upos, "UPOS"), (ScoreKeys.Xpos, "XPOS"), (ScoreKeys.UFeats, "UFeats"), (ScoreKeys.Lemma, "Lemma"),
        (ScoreKeys.Uas, "UAS"), (ScoreKeys.Las, "LAS"), (ScoreKeys.EntsF, "NER F"), (ScoreKeys.TokenF1, "Token F1"),
        (ScoreKeys.SentenceF1, "Sentence F1"),
    ];

    private static readonly HashSet<string> Segmentation = [ScoreKeys.TokenF1, ScoreKeys.SentenceF1];

    /// <summary>
    /// Writes the report; <paramref name="choice"/> is model-best's choice so far and <paramref name="assembled"/>
    /// the per-component model-best once written (its own dev scores).
    /// </summary>
    public static void Write(string path, ModelMeta meta, IReadOnlyList<EpochResult> epochs, ModelBestChoice? choice, ScoreWeights weights, bool finished, AssembledBest? assembled = null)
    {
        var best = choice?.Epoch;
        var html = new StringBuilder();
        var title = $"Training report: {meta.Lang}_{meta.Name} {meta.Version}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Html(title)}</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}" +
            "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}tr.best td{background:#fff3c4;font-weight:bold}" +
            "td:first-child,th:first-child{text-align:left}.note{color:#555}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Html(title)}</h1>\n<p>Pipeline: {Html(string.Join(", ", meta.Pipeline))}. ");
        html.Append(CultureInfo.InvariantCulture, $"{epochs.Count} epoch(s){(finished ? string.Empty : " so far (training in progress or interrupted)")}. ");
        if (best is { } b && b < epochs.Count)
        {
            html.Append(CultureInfo.InvariantCulture, $"Best: <strong>epoch {b}</strong> (weighted score {epochs[b].Score:0.###}; weights: {Html(weights.ToString())})");
            html.Append(choice!.PerComponent ? "." : ", copied to model-best.");
        }

        html.Append("</p>\n");
        if (choice is { PerComponent: true })
        {
            AppendPerComponent(html, choice, assembled);
        }

        html.Append("<h2>Dev scores per epoch</h2>\n");
        html.Append(SvgLineChart.Render("Dev scores per epoch", Series(epochs, Charted.Where(c => !Segmentation.Contains(c.Key))), best, "best"));
        html.Append("<h2>Raw-text segmentation per epoch</h2>\n<p class=\"note\">Token and sentence F1 of the whole pipeline on the dev text.</p>\n");
        html.Append(SvgLineChart.Render("Raw-text segmentation per epoch", Series(epochs, Charted.Where(c => Segmentation.Contains(c.Key))), best, "best"));
        html.Append("<h2>Training loss per epoch</h2>\n<p class=\"note\">Share of wrong decisions while training, in percent.</p>\n");
        var names = epochs.SelectMany(e => e.Losses.Keys).Distinct().ToList();
        var lossSeries = names
            .Select(n => (n, epochs.Select(e => e.Losses.TryGetValue(n, out var l) && l.Total > 0 ? 100.0 * l.Errors / l.Total : (double?)null).ToArray()))
            .ToList();
        html.Append(SvgLineChart.Render("Training loss per epoch", lossSeries, best, "best"));
        html.Append("<h2>Epochs</h2>\n<table>\n<tr><th>epoch</th>");
        foreach (var name in names)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{Html(name)} loss</th>");
        }

        foreach (var (_, label) in Charted.Where(c => epochs.Any(e => e.Accuracy.ContainsKey(c.Key))))
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{Html(label)}</th>");
        }

        html.Append("<th>score</th><th>words/s</th></tr>\n");
        foreach (var epoch in epochs)
        {
            html.Append(epoch.Epoch == best ? "<tr class=\"best\">" : "<tr>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{epoch.Epoch}{(epoch.Epoch == best ? " (best)" : string.Empty)}</td>");
            foreach (var name in names)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{(epoch.Losses.TryGetValue(name, out var l) ? l.Errors.ToString(CultureInfo.InvariantCulture) : "-")}</td>");
            }

            foreach (var (key, _) in Charted.Where(c => epochs.Any(e => e.Accuracy.ContainsKey(c.Key))))
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{(epoch.Accuracy.TryGetValue(key, out var v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-")}</td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td>{epoch.Score:0.000}</td><td>{epoch.WordsPerSecond:0}</td></tr>\n");
        }

        html.Append("</table>\n</body>\n</html>\n");
        AtomicFile.WriteAllText(path, html.ToString());
    }

    // The per-component model-best: each component's epoch and, once it is written, its own dev scores.
    private static void AppendPerComponent(StringBuilder html, ModelBestChoice choice, AssembledBest? assembled)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>Model-best per component</h2>\n<p>Each component from the epoch of its own highest score " +
            $"(the rest from epoch {choice.Epoch}){(assembled is null ? "; chosen so far" : string.Empty)}: {Html(choice.Describe())}.</p>\n");
        if (assembled is null)
        {
            return;
        }

        var keys = Charted.Where(c => assembled.Accuracy.ContainsKey(c.Key)).ToList();
        html.Append("<table>\n<tr><th>model-best</th>");
        foreach (var (_, label) in keys)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{Html(label)}</th>");
        }

        html.Append("<th>score</th></tr>\n<tr class=\"best\"><td>dev scores</td>");
        foreach (var (key, _) in keys)
        {
            html.Append(CultureInfo.InvariantCulture, $"<td>{assembled.Accuracy[key]:0.00}</td>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<td>{assembled.Score:0.000}</td></tr>\n</table>\n");
    }

    private static List<(string Name, double?[] Values)> Series(IReadOnlyList<EpochResult> epochs, IEnumerable<(string Key, string Label)> keys) =>
        keys.Where(c => epochs.Any(e => e.Accuracy.ContainsKey(c.Key)))
            .Select(c => (c.Label, epochs.Select(e => e.Accuracy.TryGetValue(c.Key, out var v) ? v : (double?)null).ToArray()))
            .ToList();

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
