namespace Pipeline.Trainer.Training;

/// <summary>A checkpoint folder about to be put in place, recorded in the state before the folder appears.</summary>
/// <param name="Folder">The folder's name in the output folder, e.g. <c>model3</c>.</param>
/// <param name="ModelHash">The hash of its model files (<see cref="ModelHash.OfDirectory"/>).</param>
internal sealed record PendingCheckpoint(string Folder, string ModelHash);
