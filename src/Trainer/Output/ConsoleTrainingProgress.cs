using System.Globalization;
using System.Text;
using Pipeline.Trainer.Training;
using Pipeline.Training.Scoring;
using Spectre.Console;

namespace Pipeline.Trainer.Output;

/// <summary>
/// Shows a training run on the console: notes, a progress bar while each epoch trains (on interactive terminals
/// only, cleared when the epoch ends) and one aligned row per epoch: losses, UPOS, UAS, LAS, lemma, NER P/R/F,
/// UFeats, token F1 and words/s.
/// </summary>
internal sealed class ConsoleTrainingProgress : ITrainingProgress, IDisposable
{
    private static readonly (string Key, string Header)[] Columns =
    [
        (ScoreKeys.Upos, "UPOS"), (ScoreKeys.Uas, "UAS"), (ScoreKeys.Las, "LAS"), (ScoreKeys.Lemma, "Lemma"),
        (ScoreKeys.UFeats, "UFeats"), (ScoreKeys.EntsP, "NER P"), (ScoreKeys.EntsR, "NER R"), (ScoreKeys.EntsF, "NER F"), (ScoreKeys.TokenF1, "Tok F1"),
    ];

    private readonly IAnsiConsole _console;
    private readonly bool _interactive;
    private List<(string Key, string Header)>? _columns;
    private Thread? _barThread;
    private ProgressTask? _bar;
    private ManualResetEventSlim? _barDone;

    public ConsoleTrainingProgress(IAnsiConsole console)
    {
        _console = console;
        _interactive = console.Profile.Capabilities.Interactive;
    }

    public void Info(string message) => _console.MarkupLine($"[grey]{Markup.Escape(message)}[/]");

    public void EpochStarted(int epoch, int epochs, int examples)
    {
        if (!_interactive)
        {
            return;
        }

        using var ready = new ManualResetEventSlim();
        _barDone = new ManualResetEventSlim();
        var done = _barDone;
        _barThread = new Thread(() => _console.Progress().AutoClear(true).Start(context =>
        {
            _bar = context.AddTask($"epoch {epoch + 1}/{epochs}", maxValue: Math.Max(1, examples));
            ready.Set();
            done.Wait();
        }))
        { IsBackground = true, Name = "progress" };
        _barThread.Start();
        ready.Wait();
    }

    public void ExamplesTrained(int epoch, int done)
    {
        if (_bar is { } bar)
        {
            bar.Value = done;
        }
    }

    public void Evaluating(int epoch) => StopBar();

    public void EpochCompleted(EpochResult result)
    {
        StopBar();
        var losses = result.Losses.Keys.ToList();
        if (_columns is null)
        {
            // Only the scores this run produces (a ner-only run has no UPOS), fixed by the first epoch.
            _columns = [.. Columns.Where(c => result.Accuracy.ContainsKey(c.Key))];
            _console.WriteLine(Row("Epoch", losses.Select(l => $"{l} loss"), _columns.Select(c => c.Header), "Words/s", losses));
        }

        var cells = _columns.Select(c => result.Accuracy.TryGetValue(c.Key, out var v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-");
        var lossCells = losses.Select(l => result.Losses[l].Errors.ToString(CultureInfo.InvariantCulture));
        _console.WriteLine(Row(result.Epoch.ToString(CultureInfo.InvariantCulture), lossCells, cells, result.WordsPerSecond.ToString("0", CultureInfo.InvariantCulture), losses));
    }

    public void Dispose()
    {
        StopBar();
    }

    private static string Row(string epoch, IEnumerable<string> losses, IEnumerable<string> scores, string speed, List<string> names)
    {
        var row = new StringBuilder();
        row.Append(epoch.PadLeft(5));
        var widths = names.Select(n => Math.Max(9, n.Length + 5)).ToList();
        var i = 0;
        foreach (var loss in losses)
        {
            row.Append("  ").Append(loss.PadLeft(widths[i++]));
        }

        foreach (var score in scores)
        {
            row.Append("  ").Append(score.PadLeft(6));
        }

        row.Append("  ").Append(speed.PadLeft(8));
        return row.ToString();
    }

    private void StopBar()
    {
        if (_barThread is null)
        {
            return;
        }

        if (_bar is { } bar)
        {
            bar.Value = bar.MaxValue;
        }

        _barDone?.Set();
        _barThread.Join();
        _barDone?.Dispose();
        _barThread = null;
        _barDone = null;
        _bar = null;
    }
}
