using System.Globalization;
using Pipeline.Trainer.Training;

namespace Pipeline.Build.Training;

/// <summary>Training progress of one model: lines prefixed with the model id on the shared log, and the whole story in the run folder's <c>build.log</c>.</summary>
internal sealed class ModelProgress : ITrainingProgress, IDisposable
{
    /// <summary>The log file's name in the run folder.</summary>
    public const string FileName = "build.log";

    private static readonly Lock ConsoleLock = new();
    private readonly string _model;
    private readonly TextWriter _log;
    private readonly StreamWriter _file;

    /// <summary>Creates the progress of <paramref name="model"/>, logging to <paramref name="log"/> and <paramref name="runFolder"/>/build.log.</summary>
    public ModelProgress(string model, TextWriter log, string runFolder)
    {
        _model = model;
        _log = log;
        Directory.CreateDirectory(runFolder);
        _file = new StreamWriter(Path.Combine(runFolder, FileName), append: false) { AutoFlush = true };
    }

    /// <summary>Writes a line to both logs.</summary>
    public void Info(string message)
    {
        _file.WriteLine(message);
        lock (ConsoleLock)
        {
            _log.WriteLine($"[{_model}] {message}");
        }
    }

    /// <summary>Reports an epoch's start.</summary>
    public void EpochStarted(int epoch, int epochs, int examples) =>
        Info(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch + 1}/{epochs}: {examples} examples"));

    /// <summary>Reports an epoch's dev scores.</summary>
    public void EpochCompleted(EpochResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scores = string.Join(", ", result.Accuracy.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} {a.Value:0.0}")));
        Info(string.Create(CultureInfo.InvariantCulture, $"epoch {result.Epoch + 1} done: score {result.Score:0.00} ({scores})"));
    }

    /// <summary>Closes the log file.</summary>
    public void Dispose() => _file.Dispose();
}
