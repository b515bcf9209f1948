using System.Globalization;
using Pipeline.IO;
using Pipeline.Serialization;
using Pipeline.Trainer.Evaluation;
using Pipeline.Trainer.Output;
using Pipeline.Training;

namespace Pipeline.Trainer.Training;

/// <summary>
/// Trains a pipeline and writes a run folder: after every epoch a complete model <c>model{i}/</c> (loadable with
/// <see cref="Nlp.Load"/>, with <c>accuracy.json</c> and a stamped <c>meta.json</c>), then <c>model-final/</c>
/// and <c>model-best/</c>, plus <c>training-log.jsonl</c>, <c>report.html</c> and <c>training-state.json</c>.
/// Every directory and file is written atomically.
/// <para>
/// Resuming (<see cref="TrainingOptions.Resume"/>): checkpoints hold averaged weights, from which training cannot
/// go on exactly, so the runner replays the completed epochs' training passes (each epoch's order depends only on
/// the seed and the epoch number; no scoring or saving) and checks that the result hashes to the last checkpoint
/// before continuing. Before that, every checkpoint folder the state lists must still hash to the value recorded
/// when it was written (E113 otherwise: a damaged checkpoint is neither trusted nor copied to model-best). A resumed run therefore ends with the same bytes as an uninterrupted one, for any
/// <see cref="ITrainable"/> component.
/// </para>
/// <para>
/// The run holds the output folder's <see cref="FolderLock"/> (E180 for a second run) and first cleans up after a
/// killed or interrupted one (<see cref="RunRecovery"/>). Each checkpoint is recorded as pending in the state before
/// its folder appears, and starting over sets the earlier run's files aside until the first new checkpoint is written.
/// </para>
/// </summary>
public sealed partial class TrainingRunner
{
    private readonly TrainingOptions _options;
    private readonly ITrainingProgress _progress;

    /// <summary>Creates a runner; <paramref name="progress"/> hears about each step (optional).</summary>
    public TrainingRunner(TrainingOptions options, ITrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _progress = progress ?? new SilentProgress();
    }

    /// <summary>Trains to the end (or until cancelled, keeping the completed checkpoints) and returns the outcome.</summary>
    public TrainingResult Run(CancellationToken cancellation = default)
    {
        // One writer per run folder (E180), held to the end of the run.
        using var folderLock = LockOutput();
        var run = Prepare();
        if (UpToDate(run) is { } finished)
        {
            return finished;
        }

        var (trainer, writer) = Begin(run, cancellation);
        TrainWhileImproving(run, trainer, writer, cancellation);
        return Finish(run, trainer, writer);
    }

    // Takes the run folder's lock (E180), then cleans up what a killed or interrupted run left unfinished.
    private FolderLock LockOutput()
    {
        var o = _options;
        ArgumentException.ThrowIfNullOrWhiteSpace(o.Lang);
        ArgumentException.ThrowIfNullOrWhiteSpace(o.Output);
        if (File.Exists(o.Output))
        {
            throw TrainerErrors.TrainingSetting("output", $"'{o.Output}' is a file; training writes a folder");
        }

        AtomicFile.CheckDirectoryTarget(o.Output);
        var folderLock = FolderLock.Acquire(o.Output, FolderLock.CommandOf("train"));
        try
        {
            RunRecovery.Recover(o.Output, _progress.Info);
            TrainingOutput.CheckEntries(o.Output);
            return folderLock;
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    // Checks the options, builds the blank pipeline and reads (resuming) or starts the run's state; writes nothing.
    private RunPlan Prepare()
    {
        var o = _options;
        var template = MetaTemplate.Load(o.MetaPath, o.Lang, o.Version);
        var pipeline = CheckPipeline(o.Pipeline ?? template.Pipeline ?? TrainingOptions.DefaultPipeline);
        var epochs = o.Epochs ?? template.Epochs ?? TrainingOptions.DefaultEpochs;
        if (epochs < 1)
        {
            var setting = o.Epochs is null ? $"training.n_iter of the meta template '{template.Source}'" : "--n-iter";
            throw TrainerErrors.TrainingSetting(setting, $"is {epochs}; it must be at least 1");
        }

        if (o.Threads is < 1)
        {
            throw TrainerErrors.TrainingSetting("--threads", $"is {o.Threads}; it must be at least 1");
        }

        if (o.KeepCheckpoints < 0)
        {
            throw TrainerErrors.TrainingSetting("--keep-checkpoints", $"is {o.KeepCheckpoints}; it must be 0 (keep all) or more");
        }

        if (o.MaxSentences is < 1)
        {
            throw TrainerErrors.TrainingSetting("--n-sents", $"is {o.MaxSentences}; it must be at least 1 (or left out for all)");
        }

        var seed = o.Seed ?? template.Seed ?? 0;
        var nlp = Nlp.Blank(o.Lang);
        var learnTokenizer = TokenizerTraining.Requested(pipeline, template);
        var splitsSentences = learnTokenizer || pipeline.Contains(Components.Sentencizer.FactoryName);
        foreach (var name in pipeline.Where(n => n != TokenizerTraining.PipelineName))
        {
            nlp.AddPipe(nlp.CreatePipe(name, template.Meta.ComponentSettings(name, template.Source)), name);
        }

        var learners = nlp.Pipeline.Where(p => p.Pipe is ITrainable).Select(p => p.Name).ToList();
        if (learners.Count == 0 && !learnTokenizer)
        {
            throw TrainerErrors.NothingToTrain(pipeline);
        }

        var statePath = Path.Combine(o.Output, TrainingState.FileName);
        var inputs = Inputs(o);
        var resuming = o.Resume && File.Exists(statePath);
        if (o.Resume && !resuming)
        {
            _progress.Info($"Nothing to resume in {o.Output} (no {TrainingState.FileName}); starting at epoch 0.");
        }

        // Starting over removes only what is provably the earlier run's; anything else stops here (E116).
        var removals = resuming ? null : new EarlierRun(o.Output, EarlierRun.TryReadState(o.Output), inputs).ClaimAll();
        var settings = string.Create(CultureInfo.InvariantCulture, $"lang={o.Lang} pipeline={string.Join(',', pipeline)} tokenizer={(learnTokenizer ? "learned" : "rules")} seed={seed} n_sents={o.MaxSentences?.ToString(CultureInfo.InvariantCulture) ?? "all"}");
        var fingerprint = TrainingState.FingerprintOf(o, pipeline, seed, o.MaxSentences, template);
        var weights = template.Weights(pipeline);
        var modelBest = ComponentBest.Of(template.ModelBest, weights, nlp);
        var state = resuming ? ResumeState(statePath, fingerprint, settings, epochs, inputs, modelBest) : TrainingState.Start(fingerprint, settings);
        return new RunPlan(template, pipeline, nlp, learners, learnTokenizer, weights, modelBest, seed, epochs, state, o.Output, inputs, removals, splitsSentences);
    }

    // Resuming a run that already has all its epochs: the finished result when model-final and model-best are intact.
    private TrainingResult? UpToDate(RunPlan run)
    {
        var (o, resumed) = (_options, run.Resumed);
        if (resumed == 0 || resumed < run.Epochs)
        {
            return null;
        }

        var asked = o.Epochs is not null ? "--n-iter" : run.Template.Epochs is not null ? "training.n_iter of the template" : "the default";
        var has = $"The run in {o.Output} already has {resumed} epoch(s) ({asked} {run.Epochs}); nothing to train";
        var finished = run.ModelBest.Choose(run.State.Epochs)!;
        if (new EarlierRun(o.Output, run.State, run.Inputs).Finished(finished))
        {
            _progress.Info($"{has}; model-final and model-best are up to date.");
            return run.Result(finished, run.State.Epochs[^1].Accuracy, finished.PerComponent ? run.State.ModelBest : null);
        }

        _progress.Info($"{has}; writing model-final and model-best.");
        return null;
    }

    // Loads the corpora, learns the tokenizer if asked, initializes the components, clears the earlier run and,
    // resuming, replays the completed epochs; returns the trainer and the checkpoint writer.
    private (PipelineTrainer Trainer, CheckpointWriter Writer) Begin(RunPlan run, CancellationToken cancellation)
    {
        var (o, nlp) = (_options, run.Nlp);
        ReportSettings(nlp, run.Learners, Math.Max(run.Epochs, run.Resumed), run.Seed, run.ModelBest);
        var data = TrainingData.Load(o, run.Learners, o.MaxSentences, _progress.Info);
        run.Weights.CheckProduced(nlp.Pipeline.Select(p => p.Pipe).ToList(), data.Dev is not null, data.NerDev is not null || data.DevHasEntities, run.Pipeline, run.Template.Source);
        if (run.LearnTokenizer)
        {
            nlp.Tokenizer = TokenizerTraining.Train(nlp, data.Train, run.Seed, _progress.Info);
        }

        var groups = BuildGroups(nlp, data);
        var trainer = nlp.BeginTraining(groups, run.Seed);
        CorpusPreparation.Run(nlp, groups, data, o.CorpusCache, _progress.Info);
        trainer.Pipelined = (o.Threads ?? Environment.ProcessorCount) > 1;
        if (run.Removals is not null)
        {
            RunRecovery.SetAside(o.Output, run.Removals, _progress.Info);
        }

        foreach (var (group, skipped) in trainer.Skipped.Where(s => s.Skipped.Count > 0))
        {
            _progress.Info($"{group} docs: {string.Join(", ", skipped)} left out of the training pass (no component that learns from them reads their output).");
        }

        if (run.Resumed > 0)
        {
            Resume(nlp, trainer, run.State, run.Resumed < run.Epochs, cancellation);
        }

        return (trainer, new CheckpointWriter(run.Template, data, run.Weights));
    }

    // The remaining epochs: each one trains, then writes its checkpoint, the state, the log and the report.
    private void TrainWhileImproving(RunPlan run, PipelineTrainer trainer, CheckpointWriter writer, CancellationToken cancellation)
    {
        var (nlp, state, epochs) = (run.Nlp, run.State, Math.Max(run.Epochs, run.Resumed));
        for (var epoch = run.Resumed; epoch < epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            _progress.EpochStarted(epoch, epochs, trainer.ExampleCount);
            var current = epoch;
            var losses = trainer.TrainEpoch(epoch, done => _progress.ExamplesTrained(current, done), cancellation);
            _progress.Evaluating(epoch);
            var directory = Path.Combine(_options.Output, $"model{epoch}");
            var scores = writer.Write(nlp, directory, epoch, hash =>
            {
                state.Pending = new PendingCheckpoint(Path.GetFileName(directory), hash);
                state.Write(run.StatePath);
            });
            var result = new EpochResult(
                epoch, losses, scores.Accuracy, scores.EntitiesPerLabel, scores.WordsPerSecond, scores.Score, directory, scores.ModelHash);
            state.Epochs.Add(result);
            state.Pending = null;
            state.Write(run.StatePath);
            var chosen = run.ModelBest.Choose(state.Epochs)!;
            CheckpointRetention.Prune(_options.Output, state.Epochs, _options.KeepCheckpoints, chosen.Epochs);
            RunRecovery.DropSetAside(_options.Output);
            TrainingLog.Write(run.LogPath, state.Epochs);
            ReportWriter.Write(run.ReportPath, nlp.Meta, state.Epochs, chosen, run.Weights, finished: false);
            _progress.EpochCompleted(result);
        }
    }

    // Averages the weights, writes model-final, makes model-best (a copy of the best checkpoint, or assembled from
    // each component's best epoch and scored) and closes the report.
    private TrainingResult Finish(RunPlan run, PipelineTrainer trainer, CheckpointWriter writer)
    {
        var state = run.State;
        trainer.Finish();
        _progress.Info("Training finished; writing model-final and model-best.");
        var final = writer.Write(run.Nlp, run.FinalPath, Math.Max(run.Epochs, run.Resumed) - 1);
        var best = run.ModelBest.Choose(state.Epochs)!;
        AssembledBest? assembled = null;
        if (best.PerComponent)
        {
            _progress.Info($"Assembling model-best from the checkpoints {best.DescribeFolders()} and scoring it on the dev data.");
            writer.WriteAssembled(run.BestPath, tmp => BestModelAssembler.Assemble(state.Epochs, best, tmp), best.ComponentEpochs, scores =>
            {
                // Recorded before the folder is put in place, as a checkpoint is: --resume then knows it as the run's.
                assembled = new AssembledBest(scores.ModelHash, best.Epoch, best.ComponentEpochs, scores.Accuracy, scores.Score);
                state.ModelBest = assembled;
                state.Write(run.StatePath);
            });
        }
        else
        {
            CheckpointWriter.Copy(state.Epochs[best.Epoch].Path, run.BestPath);
        }

        ReportWriter.Write(run.ReportPath, run.Nlp.Meta, state.Epochs, best, run.Weights, finished: true, assembled);
        return run.Result(best, final.Accuracy, assembled);
    }

    private static List<string> CheckPipeline(IReadOnlyList<string> names)
    {
        var value = string.Join(',', names);
        var trimmed = names.Select(n => n.Trim()).ToList();
        if (trimmed.Count == 0 || trimmed.Exists(string.IsNullOrEmpty))
        {
            throw TrainerErrors.BadPipelineList(value, "is empty or has an empty name");
        }

        var duplicate = trimmed.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw TrainerErrors.BadPipelineList(value, $"names '{duplicate.Key}' twice");
        }

        return trimmed;
    }

    private void ReportSettings(Language nlp, List<string> learners, int epochs, ulong seed, ComponentBest modelBest)
    {
        _progress.Info($"Training {string.Join(", ", learners)} ({nlp.Lang}) for {epochs} epoch(s), seed {seed}; {modelBest}.");
        foreach (var (name, pipe) in nlp.Pipeline.Where(p => p.Pipe is not ITrainable))
        {
            _progress.Info($"{name}: not trainable; it runs but does not learn.");
        }

        if (_options.Gpu)
        {
            foreach (var name in nlp.PipeNames)
            {
                _progress.Info($"{name}: no GPU support; runs on the CPU.");
            }
        }
    }

    private static List<ExampleGroup> BuildGroups(Language nlp, TrainingData data)
    {
        var names = nlp.PipeNames;
        var conllu = new bool[names.Count];
        var iob = new bool[names.Count];
        for (var k = 0; k < names.Count; k++)
        {
            var trainable = nlp.Pipeline[k].Pipe is ITrainable;
            var nerFromIob = ScoreWeights.EntityRecognizers.Contains(names[k]) && data.NerTrain is not null;
            conllu[k] = trainable && !nerFromIob;
            iob[k] = trainable && nerFromIob;
        }

        var groups = new List<ExampleGroup>();
        if (Array.IndexOf(conllu, true) >= 0 && data.Train.Count > 0)
        {
            groups.Add(new ExampleGroup("CoNLL-U", data.Train.ConvertAll(s => ModelEvaluator.WithEntities(s, nlp.Vocab)), conllu));
        }

        if (data.NerTrain is not null)
        {
            groups.Add(new ExampleGroup("IOB2", data.NerTrain.ConvertAll(s => s.ToDoc(nlp.Vocab)), iob));
        }

        return groups;
    }

    // The corpora and template of the run: starting over never removes a folder that holds one.
    private static List<(string What, string Path)> Inputs(TrainingOptions o)
    {
        var inputs = new List<(string What, string Path)> { ("train corpus", o.TrainPath), ("dev corpus", o.DevPath) };
        if (o.NerTrainPath is not null)
        {
            inputs.Add(("--ner-train corpus", o.NerTrainPath));
        }

        if (o.NerDevPath is not null)
        {
            inputs.Add(("--ner-dev corpus", o.NerDevPath));
        }

        if (o.MetaPath is not null)
        {
            inputs.Add(("meta template", o.MetaPath));
        }

        return inputs;
    }

    // What Prepare settles for a run: the pipeline, its settings, the state (resumed or new) and where it writes.
    private sealed record RunPlan(
        MetaTemplate Template,
        List<string> Pipeline,
        Language Nlp,
        List<string> Learners,
        bool LearnTokenizer,
        ScoreWeights Weights,
        ComponentBest ModelBest,
        ulong Seed,
        int Epochs,
        TrainingState State,
        string Output,
        List<(string What, string Path)> Inputs,
        List<string>? Removals,
        bool SplitsSentences)
    {
        public int Resumed { get; } = State.Epochs.Count;

        public string StatePath => Path.Combine(Output, TrainingState.FileName);

        public string LogPath => Path.Combine(Output, TrainingLog.FileName);

        public string ReportPath => Path.Combine(Output, ReportWriter.FileName);

        public string BestPath => Path.Combine(Output, "model-best");

        public string FinalPath => Path.Combine(Output, "model-final");

        public TrainingResult Result(ModelBestChoice best, IReadOnlyDictionary<string, double> finalAccuracy, AssembledBest? assembled) =>
            new(State.Epochs, best.Epoch, BestPath, FinalPath, finalAccuracy, LogPath, ReportPath, Resumed)
            {
                SplitsSentences = SplitsSentences,
                ComponentEpochs = best.ComponentEpochs,
                BestAccuracy = assembled?.Accuracy ?? State.Epochs[best.Epoch].Accuracy,
                BestScore = assembled?.Score ?? State.Epochs[best.Epoch].Score,
            };
    }

    private sealed class SilentProgress : ITrainingProgress;
}
