using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Lemmatization;

public sealed partial class Lemmatizer
{
    /// <summary>
    /// Trains from scratch on gold docs with Lemma and Pos set (a doc without any Lemma is skipped; E064 when all
    /// are), over the <see cref="ITrainable"/> contract: <see cref="Initialize"/> (the (form, tag) lookup table and
    /// the edit scripts), <paramref name="epochs"/> passes of <see cref="Update"/> over the docs in an order shuffled
    /// per epoch from <paramref name="seed"/> (the same seed gives the same model, byte for byte),
    /// <see cref="FinishTraining"/>. <paramref name="onEpoch"/> gets each epoch's number and the classifier's
    /// training accuracy; <see cref="ModelComponent.ToBytes"/> called from it saves the averaged model so far (a
    /// checkpoint). Returns those accuracies.
    /// </summary>
    public IReadOnlyList<double> Train(IReadOnlyList<Doc> examples, int epochs = 6, ulong seed = 0, Action<int, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return ShuffledEpochs.Train(this, [.. examples.Where(d => d.LemmaColumn is not null && d.Length > 0)], epochs, seed, onEpoch);
    }
}
