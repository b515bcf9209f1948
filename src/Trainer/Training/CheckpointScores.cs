namespace Pipeline.Trainer.Training;

/// <summary>The dev scores of a written checkpoint.</summary>
/// <param name="Accuracy">Scores as percentages, keyed like meta.json's accuracy.</param>
/// <param name="EntitiesPerLabel">Entity scores per label.</param>
/// <param name="WordsPerSecond">Speed on the dev words.</param>
/// <param name="Score">The weighted score.</param>
/// <param name="ModelHash">The hash of the model data.</param>
internal sealed record CheckpointScores(
    IReadOnlyDictionary<string, double> Accuracy,
    IReadOnlyDictionary<string, PerLabelScore> EntitiesPerLabel,
    double WordsPerSecond,
    double Score,
    string ModelHash);
