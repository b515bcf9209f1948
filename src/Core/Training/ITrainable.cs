using Pipeline.Components;
using Pipeline.Tokens;

namespace Pipeline.Training;

/// <summary>
/// A component the trainer can teach from gold docs. The trainer calls <see cref="Initialize"/> once, then
/// <see cref="Update"/> for every training doc of every epoch, saving checkpoints in between (saving during
/// training must write the averaged model without disturbing training), and <see cref="FinishTraining"/> at the end.
/// </summary>
public interface ITrainable : IPipe
{
    /// <summary>The labels (classes) the component predicts, recorded in meta.json.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Collects the label set and creates an empty model from the gold docs.</summary>
    void Initialize(IEnumerable<Doc> golds);

    /// <summary>
    /// Learns from one example. <paramref name="predicted"/> has the same tokens as <paramref name="gold"/> and the
    /// predictions of the components before this one; the component writes its own predictions into it (so later
    /// components train on realistic input) and updates its model towards <paramref name="gold"/>.
    /// </summary>
    TrainingLoss Update(Doc predicted, Doc gold);

    /// <summary>Ends training (e.g. averages the weights).</summary>
    void FinishTraining();
}
