using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Lemmatization;

public sealed partial class Lemmatizer
{
    /// <summary>
    /// Trains from scratch on gold docs with Lemma and Pos set (a doc without any Lemma is skipped; E064 when all
    /// are), over the <see cref="ITrainable"/> contract with
    /// <see cref="ShuffledEpochs.Train"/> (the same seed gives the same model, byte for byte). Returns each epoch's
    /// training accuracy, which <paramref name="onEpoch"/> also gets.
    /// </summary>
    public IReadOnlyList<double> Train(IReadOnlyList<Doc> examples, int epochs = 6, ulong seed = 0, Action<int, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return ShuffledEpochs.Train(this, [.. examples.Where(d => d.LemmaColumn is not null && d.Length > 0)], epochs, seed, onEpoch);
    }
}
