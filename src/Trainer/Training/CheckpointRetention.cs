namespace Pipeline.Trainer.Training;

/// <summary>
/// Which epoch checkpoints (<c>model&lt;N&gt;</c> folders) a run keeps: those model-best is made from and the last
/// <see cref="TrainingOptions.KeepCheckpoints"/> (0 keeps all), so that a run of thousands of epochs does not fill
/// the disk. The last one is always kept (--resume checks it); so is every epoch model-best takes a part from (the
/// best one, or with "per_component" each component's), as model-best is made from them.
/// </summary>
internal static class CheckpointRetention
{
    /// <summary>
    /// The indices of <paramref name="epochs"/> whose checkpoints are kept; <paramref name="chosen"/> are the epochs
    /// model-best takes parts from (<see cref="ModelBestChoice.Epochs"/>).
    /// </summary>
    public static HashSet<int> Kept(IReadOnlyList<EpochResult> epochs, int keep, IEnumerable<int> chosen)
    {
        var count = epochs.Count;
        var kept = Enumerable.Range(keep <= 0 ? 0 : Math.Max(0, count - keep), keep <= 0 ? count : Math.Min(keep, count)).ToHashSet();
        kept.UnionWith(chosen);
        return kept;
    }

    /// <summary>
    /// Removes the checkpoint folders of <paramref name="output"/> that <see cref="Kept"/> leaves out, once the
    /// training state recording them is written; each is renamed to a <c>.tmp-</c> name first, so a kill mid-way
    /// leaves no half-deleted checkpoint under its own name. An epoch model-best does not take now is never taken
    /// later: a later epoch only wins over an earlier one with a strictly higher score.
    /// </summary>
    public static void Prune(string output, IReadOnlyList<EpochResult> epochs, int keep, IEnumerable<int> chosen)
    {
        var kept = Kept(epochs, keep, chosen);
        for (var i = 0; i < epochs.Count; i++)
        {
            var folder = Path.Combine(output, $"model{i}");
            if (kept.Contains(i) || !Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
            {
                continue;
            }

            // The name of an AtomicFile leftover, so the next run removes it when a kill comes before the delete.
            var doomed = $"{folder}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
            Directory.Move(folder, doomed);
            Directory.Delete(doomed, recursive: true);
        }
    }

    /// <summary>
    /// Whether epoch <paramref name="index"/>'s checkpoint may be missing on --resume, as removed by retention under
    /// any --keep-checkpoints: it is neither the last (which the replay is checked against) nor one model-best takes
    /// a part from (<paramref name="chosen"/>), and its folder is gone.
    /// </summary>
    public static bool Pruned(IReadOnlyList<EpochResult> epochs, int index, string folder, IEnumerable<int> chosen) =>
        index != epochs.Count - 1 && !chosen.Contains(index) && !Directory.Exists(folder);
}
