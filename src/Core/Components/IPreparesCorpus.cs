using Pipeline.Tokens;

namespace Pipeline.Components;

/// <summary>
/// A component that can do its costly, training-invariant work on a whole corpus up front: a frozen encoder
/// encodes every doc once per run (and may keep the result on disk) instead of once per epoch. Training calls it
/// with the training and dev docs before the first epoch; results must equal what <see cref="IPipe.Process"/>
/// would compute, so preparing never changes a model, only how fast it trains.
/// </summary>
public interface IPreparesCorpus
{
    /// <summary>Prepares for docs with the same tokens as <paramref name="docs"/>.</summary>
    void PrepareCorpus(IReadOnlyList<Doc> docs);

    /// <summary>
    /// As <see cref="PrepareCorpus(IReadOnlyList{Doc})"/>, offering <paramref name="cacheDirectory"/> (a build's
    /// artifacts folder, say) for a component that can keep what it prepared on disk between runs; one that keeps
    /// nothing ignores it, which is what this default does.
    /// </summary>
    void PrepareCorpus(IReadOnlyList<Doc> docs, string? cacheDirectory) => PrepareCorpus(docs);
}
