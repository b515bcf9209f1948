using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Morphology;

public sealed partial class Morphologizer
{
    /// <summary>
    /// Trains from scratch on gold docs with Morph set (a doc without any Morph is skipped; E064 when all are),
    /// using their Pos and Tag as features: <paramref name="epochs"/> passes over the docs, left to right on the
    /// model's own previous predictions, in an order shuffled per epoch from <paramref name="seed"/> (the same seed
    /// gives the same model, byte for byte). <paramref name="onEpoch"/> gets each epoch's number and training
    /// accuracy; <see cref="ModelComponent.ToBytes"/> called from it saves the averaged model so far (a checkpoint). Returns those
    /// accuracies.
    /// </summary>
    public IReadOnlyList<double> Train(IReadOnlyList<Doc> examples, int epochs = 10, ulong seed = 0, Action<int, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ShuffledEpochs.Check(epochs);

        var annotated = examples.Where(d => d.MorphColumn is not null && d.Length > 0).ToList();
        if (annotated.Count == 0)
        {
            throw Errors.NoTrainingData(Name, "no doc has Morph set");
        }

        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var doc in annotated)
        {
            foreach (var hash in doc.MorphColumn!)
            {
                labels.Add(doc.Vocab.Strings[hash]);
            }
        }

        SetLabels([.. labels]);
        var index = _labelHashes.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        var gold = annotated.ConvertAll(d => Array.ConvertAll(d.MorphColumn!, h => index[h]));
        var model = new AveragedPerceptron(labels.Count, expectedFeatures: Math.Max(1024, gold.Sum(g => g.Length)));
        _model = model;
        var losses = ShuffledEpochs.Run(annotated.Count, epochs, seed, d =>
            new TrainingLoss(gold[d].Length - Decode(model, annotated[d], new int[annotated[d].Length], gold[d]), gold[d].Length),
            (epoch, loss) => onEpoch?.Invoke(epoch, ShuffledEpochs.Accuracy(loss)));
        model.Average();
        return losses.ConvertAll(ShuffledEpochs.Accuracy);
    }
}
