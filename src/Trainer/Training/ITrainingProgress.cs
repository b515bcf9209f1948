namespace Pipeline.Trainer.Training;

/// <summary>
/// Receives what a <see cref="TrainingRunner"/> is doing, for progress bars, logs or tests. Every method has an
/// empty default; an exception thrown here stops the run (the checkpoints written so far stay usable).
/// </summary>
public interface ITrainingProgress
{
    /// <summary>A one-line note for the user (settings, corpora read, resuming...).</summary>
    void Info(string message)
    {
    }

    /// <summary>An epoch begins: <paramref name="examples"/> training examples will be seen.</summary>
    void EpochStarted(int epoch, int epochs, int examples)
    {
    }

    /// <summary>So many examples of the epoch have been trained on.</summary>
    void ExamplesTrained(int epoch, int done)
    {
    }

    /// <summary>Training of the epoch is done; the checkpoint is being written and scored.</summary>
    void Evaluating(int epoch)
    {
    }

    /// <summary>An epoch's checkpoint is complete (written, scored and recorded for --resume).</summary>
    void EpochCompleted(EpochResult result)
    {
    }
}
