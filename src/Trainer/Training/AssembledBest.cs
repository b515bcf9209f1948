namespace Pipeline.Trainer.Training;

/// <summary>
/// A per-component model-best as recorded in <c>training-state.json</c> before its folder is put in place, so that
/// <c>--resume</c> of a finished run can prove it intact (by hash) and current (same epochs) without rebuilding it.
/// </summary>
/// <param name="ModelHash">The hash of its model files (<see cref="ModelHash.OfDirectory"/>).</param>
/// <param name="Epoch">The overall best epoch, the source of its other parts.</param>
/// <param name="ComponentEpochs">The epoch each trainable component came from.</param>
/// <param name="Accuracy">Its own dev scores.</param>
/// <param name="Score">Its weighted score.</param>
internal sealed record AssembledBest(
    string ModelHash,
    int Epoch,
    IReadOnlyDictionary<string, int> ComponentEpochs,
    IReadOnlyDictionary<string, double> Accuracy,
    double Score)
{
    /// <summary>Whether this record is of the model-best <paramref name="choice"/> describes.</summary>
    public bool IsOf(ModelBestChoice choice) =>
        Epoch == choice.Epoch
        && ComponentEpochs.Count == choice.ComponentEpochs.Count
        && choice.ComponentEpochs.All(c => ComponentEpochs.TryGetValue(c.Key, out var e) && e == c.Value);
}
