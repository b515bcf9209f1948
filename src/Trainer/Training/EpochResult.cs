using Pipeline.Training;

namespace Pipeline.Trainer.Training;

/// <summary>What one epoch produced: its losses, the dev scores of its checkpoint and where it was written.</summary>
/// <param name="Epoch">The 0-based epoch number (the checkpoint is <c>model{Epoch}</c>).</param>
/// <param name="Losses">The training loss of each trained component.</param>
/// <param name="Accuracy">Dev scores as percentages, keyed like meta.json's accuracy.</param>
/// <param name="EntitiesPerLabel">Dev entity precision, recall and F1 (percentages) per label, when scored.</param>
/// <param name="WordsPerSecond">Processing speed of the checkpoint on the dev words.</param>
/// <param name="Score">The weighted score that selects model-best.</param>
/// <param name="Path">The checkpoint directory.</param>
/// <param name="ModelHash">A hash of the checkpoint's model bytes (meta excluded), checked on --resume.</param>
public sealed record EpochResult(
    int Epoch,
    IReadOnlyDictionary<string, TrainingLoss> Losses,
    IReadOnlyDictionary<string, double> Accuracy,
    IReadOnlyDictionary<string, PerLabelScore> EntitiesPerLabel,
    double WordsPerSecond,
    double Score,
    string Path,
    string ModelHash);
