namespace Pipeline.Trainer.Training;

/// <summary>How model-best is made from a run's epochs: the template's <c>training.model_best</c>.</summary>
public enum ModelBestMode
{
    /// <summary><c>"epoch"</c> (the default): model-best is a copy of the epoch with the highest weighted score.</summary>
    Epoch,

    /// <summary>
    /// <c>"per_component"</c>: each trainable component comes from the epoch where the weighted score over the
    /// annotations it writes is highest, so components that peak at different epochs each keep their peak.
    /// </summary>
    PerComponent,
}
