using System.Collections.Concurrent;
using Pipeline.Build.Engine;
using Pipeline.Build.Models;
using Pipeline.Trainer.Training;

namespace Pipeline.Build.Training;

/// <summary>
/// Trains templates through the Trainer library, several at once within cores and memory. Each model's training is
/// an <see cref="IncrementalStep"/> (<see cref="TrainStep"/>): one whose inputs did not change is left alone (unless
/// forced); a failing model is reported with its reason while the others finish; Ctrl-C stops every running training
/// at its next check.
/// </summary>
internal sealed class ModelTrainer
{
    /// <summary>The memory one training is assumed to need when picking the number of parallel jobs.</summary>
    public const long BytesPerJob = 4L << 30;

    private readonly TrainSettings _settings;
    private readonly TextWriter _log;
    private readonly Func<TrainingOptions, ITrainingProgress, CancellationToken, TrainingResult> _train;

    /// <summary>Creates a trainer; <paramref name="train"/> replaces the Trainer library (tests).</summary>
    public ModelTrainer(TrainSettings settings, TextWriter log, Func<TrainingOptions, ITrainingProgress, CancellationToken, TrainingResult>? train = null)
    {
        _settings = settings;
        _log = log;
        _train = train ?? ((options, progress, cancellation) => new TrainingRunner(options, progress).Run(cancellation));
    }

    /// <summary>The number of trainings run at once: the Jobs setting, else min(cores, available memory / 4 GiB), at least 1.</summary>
    public int Parallelism(int models)
    {
        var jobs = _settings.Jobs > 0
            ? _settings.Jobs
            : (int)Math.Min(Environment.ProcessorCount, AvailableMemory() / BytesPerJob);
        return Math.Clamp(jobs, 1, Math.Max(1, models));
    }

    /// <summary>Memory free for new work: MemAvailable of /proc/meminfo where there is one, else what the GC may use.</summary>
    public static long AvailableMemory()
    {
        const string MemInfo = "/proc/meminfo";
        if (File.Exists(MemInfo))
        {
            foreach (var line in File.ReadLines(MemInfo))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && parts[0] == "MemAvailable:" && long.TryParse(parts[1], out var kib))
                {
                    return Math.Min(kib * 1024, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
                }
            }
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    /// <summary>The run folder of a model.</summary>
    public string RunFolder(ModelTemplate template) => Path.Combine(_settings.ModelsRoot, template.Id);

    /// <summary>
    /// Whether <paramref name="template"/> would be trained, without training it: its inputs, its declared step, and
    /// why it would train ("--force", "never trained", "changed: corpus:...", "no model-best") or null when it is up
    /// to date. Throws what Train would report for it (a missing corpus file, say).
    /// </summary>
    public (TrainingInputs Inputs, IncrementalStep Step, string? Reason) Check(ModelTemplate template)
    {
        var inputs = template.Inputs(_settings.Corpora);
        var step = TrainStep.For(template, inputs, _settings, RunFolder(template));
        return (inputs, step, step.Reason(_settings.Force));
    }

    /// <summary>Trains <paramref name="templates"/> and reports what happened to each.</summary>
    public ModelReport Train(IReadOnlyList<ModelTemplate> templates, CancellationToken cancellation)
    {
        var report = new ModelReport("trained");
        var work = new List<(ModelTemplate Template, TrainingInputs Inputs, IncrementalStep Step)>();
        foreach (var template in templates)
        {
            try
            {
                var (inputs, step, reason) = Check(template);
                if (reason is null)
                {
                    _log.WriteLine($"[{template.Id}] up to date (inputs unchanged); --force retrains.");
                    report.UpToDate.Add(template.Id);
                    continue;
                }

                _log.WriteLine($"[{template.Id}] training: {reason}.");
                work.Add((template, inputs, step));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                report.Failed.Add((template.Id, e.Message));
            }
        }

        // Largest corpora first, so that the long trainings start early and the short ones fill the gaps at the end.
        work = work.OrderByDescending(w => w.Inputs.Files.Sum(f => new FileInfo(f).Length)).ToList();
        var jobs = Parallelism(work.Count);

        // Every training may run its passes pipelined over the cores (the same model bytes with any thread count):
        // while several run, they share the cores; once the short ones are done, the long one left alone uses them
        // all instead of leaving all but one idle to the end of the target.
        var threads = Environment.ProcessorCount;
        if (work.Count > 0)
        {
            _log.WriteLine($"Training {work.Count} model(s), {jobs} at a time.");
        }

        var gate = new Lock();
        try
        {
            // One model at a time off the front of the list: a list handed to Parallel.ForEach is split into ranges,
            // which started the second-largest model only after the small ones (a minute late on 2 cores).
            Parallel.ForEach(Partitioner.Create(work, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellation }, item =>
            {
                var failure = TrainOne(item.Template, item.Inputs, item.Step, threads, cancellation);
                lock (gate)
                {
                    if (failure is null)
                    {
                        report.Done.Add(item.Template.Id);
                    }
                    else
                    {
                        report.Failed.Add((item.Template.Id, failure));
                    }
                }
            });
        }
        catch (AggregateException e) when (cancellation.IsCancellationRequested && e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellation);
        }

        report.Done.Sort(StringComparer.Ordinal);
        report.Failed.Sort((a, b) => string.CompareOrdinal(a.Model, b.Model));
        return report;
    }

    private string? TrainOne(ModelTemplate template, TrainingInputs inputs, IncrementalStep step, int threads, CancellationToken cancellation)
    {
        var folder = RunFolder(template);
        Directory.CreateDirectory(folder);
        using var progress = new ModelProgress(template.Id, _log, folder);
        var options = new TrainingOptions
        {
            Lang = template.Lang,
            Output = folder,
            TrainPath = inputs.Train,
            DevPath = inputs.Dev,
            NerTrainPath = inputs.NerTrain,
            NerDevPath = inputs.NerDev,
            MetaPath = template.Path,
            Version = _settings.Version,
            Epochs = _settings.Epochs,
            MaxSentences = _settings.NSents,
            Gpu = _settings.Gpu,
            Threads = threads,
            CorpusCache = _settings.CorpusCache,
        };
        try
        {
            // The step removes the stamp first and writes it only once model-best is there: a run that stops half-way never looks up to date.
            var result = step.Run(() => _train(options, progress, cancellation));
            progress.Info(result.ComponentEpochs.Count > 0
                ? $"done: model-best has each component from its own best epoch ({string.Join(", ", result.ComponentEpochs.Select(c => $"{c.Key} epoch {c.Value + 1}"))}; the rest from epoch {result.BestEpoch + 1}) ({result.BestPath})."
                : $"done: model-best is epoch {result.BestEpoch + 1} ({result.BestPath}).");
            return null;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            progress.Info("cancelled; the completed checkpoints are kept.");
            throw;
        }
        catch (Exception e)
        {
            progress.Info($"FAILED: {e.Message}");
            return e.Message;
        }
    }
}
