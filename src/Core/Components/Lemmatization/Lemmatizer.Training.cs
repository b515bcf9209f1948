using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Lemmatization;

public sealed partial class Lemmatizer
{
    /// <summary>
    /// Trains from scratch on gold docs with Lemma and Pos set: fills the (form, tag) lookup table, collects the
    /// edit scripts, then trains the script classifier for <paramref name="epochs"/> passes over the tokens in an
    /// order shuffled per epoch from <paramref name="seed"/> (the same seed gives the same model, byte for byte).
    /// <paramref name="onEpoch"/> gets each epoch's number and the classifier's training accuracy; <see cref="ModelComponent.ToBytes"/>
    /// called from it saves the averaged model so far (a checkpoint). Returns those accuracies. Tokens without a
    /// lemma are skipped (E064 when none has one).
    /// </summary>
    public IReadOnlyList<double> Train(IReadOnlyList<Doc> examples, int epochs = 6, ulong seed = 0, Action<int, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ShuffledEpochs.Check(epochs);

        var forms = new List<string>();
        var features = new List<ulong>();
        var gold = new List<int>();
        var buffer = new ulong[LemmatizerFeatures.Count];
        var (counts, scripts, _, _) = Collect(examples, formOnly: false, (doc, i, form, cls) =>
        {
            LemmatizerFeatures.Extract(form, doc.PosColumn?[i] ?? 0, doc.TagColumn?[i] ?? 0, buffer);
            features.AddRange(buffer);
            forms.Add(form);
            gold.Add(cls);
        });
        if (gold.Count == 0)
        {
            throw Errors.NoTrainingData(Name, "no token has Lemma set");
        }

        _lookup = MostFrequent(counts);
        _scripts = [.. scripts];
        var model = new AveragedPerceptron(scripts.Count, expectedFeatures: Math.Max(1024, gold.Count));
        _model = model;
        var scores = new float[scripts.Count];
        var all = features.ToArray();
        var losses = ShuffledEpochs.Run(gold.Count, epochs, seed, k =>
        {
            var f = all.AsSpan(k * LemmatizerFeatures.Count, LemmatizerFeatures.Count);
            Predict(model, forms[k], f, scores, out var guess);
            if (guess < 0)
            {
                model.Score(f, scores);
                guess = AveragedPerceptron.ArgMax(scores);
            }

            model.Update(f, gold[k], guess);
            return new TrainingLoss(guess == gold[k] ? 0 : 1, 1);
        }, (epoch, loss) => onEpoch?.Invoke(epoch, ShuffledEpochs.Accuracy(loss)));
        model.Average();
        return losses.ConvertAll(ShuffledEpochs.Accuracy);
    }
}
