namespace Pipeline.Trainer.Packaging;

/// <summary>What an app or a folder feed holds: the models that could be read and the ones that could not.</summary>
/// <param name="Models">The readable models, ordered by package id and version.</param>
/// <param name="Unreadable">The broken packages or model folders, ordered by path.</param>
public sealed record ModelInventoryResult(IReadOnlyList<InstalledModel> Models, IReadOnlyList<UnreadableModel> Unreadable);
