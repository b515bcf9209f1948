using Pipeline.Training;

namespace Pipeline.Trainer.Training;

/// <content>Resuming: the state of an interrupted run checked, and its completed epochs replayed.</content>
public sealed partial class TrainingRunner
{
    // The state to resume: same settings (E106), every listed checkpoint intact (E113), and nothing the run will
    // replace that is not its own (E116).
    private TrainingState ResumeState(
        string statePath, string fingerprint, string settings, int epochs, IReadOnlyList<(string What, string Path)> inputs, ComponentBest modelBest)
    {
        var state = TrainingState.Read(statePath);
        if (state.Fingerprint != fingerprint)
        {
            throw TrainerErrors.ResumeMismatch(_options.Output,
                $"it was started with other settings or corpora (then: {state.Settings}; now: {settings}; or a corpus or the template changed)");
        }

        var chosen = modelBest.Choose(state.Epochs)?.Epochs ?? new HashSet<int>();
        for (var i = 0; i < state.Epochs.Count; i++)
        {
            var path = Path.Combine(_options.Output, $"model{i}");
            if (!CheckpointRetention.Pruned(state.Epochs, i, path, chosen))
            {
                TrainingOutput.VerifyCheckpoint(_options.Output, path, state.Epochs[i].ModelHash);
            }

            state.Epochs[i] = state.Epochs[i] with { Path = path };
        }

        new EarlierRun(_options.Output, state, inputs).ClaimReplaced(epochs);
        return state;
    }

    private void Resume(Language nlp, PipelineTrainer trainer, TrainingState state, bool continues, CancellationToken cancellation)
    {
        var count = state.Epochs.Count;
        _progress.Info($"Resuming after epoch {count - 1}: replaying the training passes of {count} epoch(s) to restore the exact training state.");
        for (var epoch = 0; epoch < count; epoch++)
        {
            trainer.TrainEpoch(epoch, null, cancellation);
        }

        if (ModelHash.Of(nlp) != state.Epochs[^1].ModelHash)
        {
            throw TrainerErrors.ResumeMismatch(_options.Output, $"replaying the training did not reproduce model{count - 1} (the components or their code changed)");
        }

        _progress.Info(continues ? $"Restored the state of model{count - 1}; continuing with epoch {count}." : $"Restored the state of model{count - 1}.");
    }
}
