namespace Pipeline.Trainer.Training;

/// <summary>
/// Puts together the files of a per-component model-best (<see cref="ModelBestChoice.PerComponent"/>) from the run's
/// checkpoints: each trainable component's folder (<c>model&lt;N&gt;/&lt;component&gt;/</c>) byte for byte from its own
/// epoch, the vocabulary from the latest chosen epoch (<see cref="ModelBestChoice.VocabEpoch"/>), and everything else
/// (meta.json, tokenizer, untrained components such as the transformer's config) from the overall best epoch.
/// <see cref="CheckpointWriter.WriteAssembled"/> then scores and stamps the result.
/// </summary>
internal static class BestModelAssembler
{
    private const string Vocab = "vocab";

    /// <summary>Fills the empty folder <paramref name="target"/> with model-best's files (E113 when a chosen checkpoint is missing).</summary>
    public static void Assemble(IReadOnlyList<EpochResult> epochs, ModelBestChoice choice, string target)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(choice);
        foreach (var epoch in choice.Epochs.Order())
        {
            var checkpoint = epochs[epoch].Path;
            if (!Directory.Exists(checkpoint))
            {
                throw TrainerErrors.CheckpointDamaged(
                    Path.GetDirectoryName(Path.GetFullPath(checkpoint))!, Path.GetFileName(checkpoint), "is missing, but model-best takes parts from it");
            }
        }

        var taken = choice.ComponentEpochs.Keys.Append(Vocab).ToHashSet(StringComparer.Ordinal);
        var basis = epochs[choice.Epoch].Path;
        CheckpointWriter.CopyInto(basis, target, top => !taken.Contains(top) && top != CheckpointWriter.AccuracyFile);
        foreach (var (name, epoch) in choice.ComponentEpochs.Append(new(Vocab, choice.VocabEpoch)))
        {
            var source = Path.Combine(epochs[epoch].Path, name);
            if (Directory.Exists(source))
            {
                CheckpointWriter.CopyInto(source, Directory.CreateDirectory(Path.Combine(target, name)).FullName);
            }
        }
    }
}
