namespace Pipeline.Trainer.Packaging;

/// <summary>What an app or a folder feed holds: the models that could be read and the ones that could not.</summary>
/// <param name="Models">The readable models, ordered by package id and path.</param>
/// <param name="Unreadable">The broken packages or model folders, ordered by path.</param>
public sealed record ModelInventoryResult(IReadOnlyList<InstalledModel> Models, IReadOnlyList<UnreadableModel> Unreadable)
{
    /// <summary>
    /// Models (also in <see cref="Models"/>) whose data was not loaded because a factory or language they need comes
    /// from a plugin this process has not loaded (E001, E002); the app that references the plugin may load them.
    /// </summary>
    public IReadOnlyList<UnreadableModel> Unchecked { get; init; } = [];
}
