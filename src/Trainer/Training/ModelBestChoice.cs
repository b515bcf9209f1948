namespace Pipeline.Trainer.Training;

/// <summary>Which epoch model-best takes each part from.</summary>
/// <param name="Epoch">The epoch with the highest weighted score: model-best itself with "epoch", the source of every part but the trainable components' folders with "per_component".</param>
/// <param name="ComponentEpochs">With "per_component", the epoch of each trainable component (pipeline order); empty with "epoch".</param>
internal sealed record ModelBestChoice(int Epoch, IReadOnlyDictionary<string, int> ComponentEpochs)
{
    /// <summary>Whether model-best is assembled from the components' own epochs (not copied from one epoch).</summary>
    public bool PerComponent => ComponentEpochs.Count > 0;

    /// <summary>Every epoch model-best takes something from: retention keeps their checkpoints.</summary>
    public IReadOnlySet<int> Epochs => ComponentEpochs.Values.Append(Epoch).ToHashSet();

    /// <summary>
    /// The epoch whose vocabulary model-best takes: the latest chosen one. A run's string store only ever grows (it
    /// has no removal), so that vocabulary holds every string the components of earlier epochs may look up.
    /// </summary>
    public int VocabEpoch => Epochs.Max();

    /// <summary>The components' epochs as text, e.g. "tagger epoch 3, parser epoch 8".</summary>
    public string Describe() => string.Join(", ", ComponentEpochs.Select(c => $"{c.Key} epoch {c.Value}"));

    /// <summary>
    /// The checkpoint folders and what each gives, e.g. "model3 (tagger), model8 (parser, the rest)": folder names
    /// read the same in the orchestrator's log, which counts epochs from 1.
    /// </summary>
    public string DescribeFolders() => string.Join(", ", Epochs.Order().Select(e =>
    {
        var parts = ComponentEpochs.Where(c => c.Value == e).Select(c => c.Key).ToList();
        if (e == Epoch)
        {
            parts.Add("the rest");
        }

        return $"model{e} ({string.Join(", ", parts)})";
    }));
}
