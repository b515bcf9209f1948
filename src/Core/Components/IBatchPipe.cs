using Pipeline.Tokens;

namespace Pipeline.Components;

/// <summary>
/// A component that works faster on many docs at once (e.g. a neural encoder that pads them into one matrix).
/// <c>nlp.Pipe</c> hands it each batch of <c>batchSize</c> docs; <see cref="IPipe.Process"/> still serves one doc.
/// </summary>
public interface IBatchPipe : IPipe
{
    /// <summary>Annotates every doc of <paramref name="docs"/> in place, in the same way as <see cref="IPipe.Process"/>.</summary>
    void ProcessBatch(IReadOnlyList<Doc> docs);
}
