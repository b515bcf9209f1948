namespace Pipeline.Trainer.Training;

/// <summary>The outcome of a training run.</summary>
/// <param name="Epochs">Every epoch of the run, including those completed before a resume.</param>
/// <param name="BestEpoch">The epoch with the highest weighted score: copied to model-best, or with a per-component model-best the source of its other parts.</param>
/// <param name="BestPath">The model-best directory.</param>
/// <param name="FinalPath">The model-final directory (the model after the last epoch, training finished).</param>
/// <param name="FinalAccuracy">The dev scores of model-final.</param>
/// <param name="LogPath">The training-log.jsonl file.</param>
/// <param name="ReportPath">The report.html file.</param>
/// <param name="ResumedAfter">The number of epochs taken over from an earlier run, 0 when none.</param>
public sealed record TrainingResult(
    IReadOnlyList<EpochResult> Epochs,
    int BestEpoch,
    string BestPath,
    string FinalPath,
    IReadOnlyDictionary<string, double> FinalAccuracy,
    string LogPath,
    string ReportPath,
    int ResumedAfter)
{
    /// <summary>
    /// Whether a component of the pipeline splits raw text into sentences: a sentencizer, or a learned tokenizer
    /// with its sentence splitter. Without one a raw dev document is one sentence, and the sentence F1 is low.
    /// </summary>
    public bool SplitsSentences { get; init; } = true;

    /// <summary>
    /// With the template's <c>training.model_best</c> "per_component": the epoch each trainable component of
    /// model-best came from (the rest came from <see cref="BestEpoch"/>); empty when model-best is a copy of that epoch.
    /// </summary>
    public IReadOnlyDictionary<string, int> ComponentEpochs { get; init; } = new Dictionary<string, int>();

    /// <summary>Model-best's own dev scores: its epoch's, or those of the model assembled per component.</summary>
    public IReadOnlyDictionary<string, double> BestAccuracy { get; init; } = new Dictionary<string, double>();

    /// <summary>Model-best's weighted dev score.</summary>
    public double BestScore { get; init; }
}
