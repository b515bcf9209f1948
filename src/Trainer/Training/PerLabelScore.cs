namespace Pipeline.Trainer.Training;

/// <summary>Precision, recall and F1 of one entity label, as percentages.</summary>
/// <param name="P">Precision.</param>
/// <param name="R">Recall.</param>
/// <param name="F">F1.</param>
public sealed record PerLabelScore(double P, double R, double F);
