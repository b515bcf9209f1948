using Pipeline.Tokens;

namespace Pipeline.Training;

/// <summary>
/// The epoch loop of a component's own <c>Train</c> method: every epoch reshuffles the examples with one generator
/// (so the same seed gives the same model, byte for byte) and sums the losses of the component's update. A
/// pipeline trains through <see cref="PipelineTrainer"/> and each component's <see cref="ITrainable"/> instead;
/// <see cref="Train"/> is that contract for one component alone.
/// </summary>
internal static class ShuffledEpochs
{
    /// <summary>
    /// Trains <paramref name="component"/> alone over its <see cref="ITrainable"/> contract: <see cref="ITrainable.Initialize"/>,
    /// then <paramref name="epochs"/> passes of <see cref="ITrainable.Update"/> over the gold docs in an order shuffled
    /// from <paramref name="seed"/>, each on a fresh copy of the gold doc's words and tags
    /// (<see cref="Doc.WordsAndTags"/>), then <see cref="ITrainable.FinishTraining"/>. <paramref name="onEpoch"/> gets
    /// each epoch's number and training accuracy, before averaging. Returns those accuracies.
    /// </summary>
    public static List<double> Train(ITrainable component, IReadOnlyList<Doc> golds, int epochs, ulong seed, Action<int, double>? onEpoch)
    {
        ArgumentNullException.ThrowIfNull(golds);
        Check(epochs);
        component.Initialize(golds);
        var losses = Run(golds.Count, epochs, seed, i => component.Update(golds[i].WordsAndTags(), golds[i]), (epoch, loss) => onEpoch?.Invoke(epoch, Accuracy(loss)));
        component.FinishTraining();
        return losses.ConvertAll(Accuracy);
    }

    /// <summary>Refuses fewer than one epoch.</summary>
    public static void Check(int epochs)
    {
        if (epochs < 1)
        {
            throw Errors.InvalidArgument("epochs", $"is {epochs}; it must be at least 1");
        }
    }

    /// <summary>Runs <paramref name="learn"/> on examples 0 to count - 1, in an order shuffled from <paramref name="seed"/>.</summary>
    public static List<TrainingLoss> Run(int count, int epochs, ulong seed, Func<int, TrainingLoss> learn, Action<int, TrainingLoss>? onEpoch = null)
    {
        var random = new SplitMix64(seed);
        return Run([.. Enumerable.Range(0, count)], epochs, ref random, learn, onEpoch);
    }

    /// <summary>
    /// Runs <paramref name="learn"/> on the examples of <paramref name="order"/>, shuffled in place each epoch by
    /// <paramref name="random"/>; <paramref name="onEpoch"/> gets each epoch's number (from 1) and summed loss.
    /// </summary>
    public static List<TrainingLoss> Run(
        int[] order, int epochs, ref SplitMix64 random, Func<int, TrainingLoss> learn, Action<int, TrainingLoss>? onEpoch = null)
    {
        var losses = new List<TrainingLoss>(epochs);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order.AsSpan());
            var loss = default(TrainingLoss);
            foreach (var i in order)
            {
                loss += learn(i);
            }

            losses.Add(loss);
            onEpoch?.Invoke(epoch, loss);
        }

        return losses;
    }

    /// <summary>The share right: (total - errors) / total, 0 when there was nothing to learn.</summary>
    public static double Accuracy(TrainingLoss loss) => loss.Total == 0 ? 0 : (double)(loss.Total - loss.Errors) / loss.Total;
}
