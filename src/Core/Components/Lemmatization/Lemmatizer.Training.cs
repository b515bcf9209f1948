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
        var scriptIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var scripts = new List<EditScript>();
        var counts = new Dictionary<(ulong, ulong), Dictionary<string, int>>();
        Span<ulong> buffer = stackalloc ulong[LemmatizerFeatures.Count];
        foreach (var doc in examples)
        {
            var strings = doc.Vocab.Strings;
            for (var i = 0; i < doc.Length; i++)
            {
                var lemmaId = doc.LemmaColumn?[i] ?? 0;
                if (lemmaId == 0)
                {
                    continue;
                }

                var (form, lemma, pos) = (strings[doc.OrthColumn[i]], strings[lemmaId], doc.PosColumn?[i] ?? 0);
                var key = (doc.OrthColumn[i], pos);
                if (!counts.TryGetValue(key, out var lemmas))
                {
                    counts[key] = lemmas = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                lemmas[lemma] = lemmas.GetValueOrDefault(lemma) + 1;
                var script = EditScript.Between(form, lemma);
                if (!scriptIndex.TryGetValue(script.Code, out var cls))
                {
                    scriptIndex[script.Code] = cls = scripts.Count;
                    scripts.Add(script);
                }

                LemmatizerFeatures.Extract(form, pos, doc.TagColumn?[i] ?? 0, buffer);
                features.AddRange(buffer);
                forms.Add(form);
                gold.Add(cls);
            }
        }

        if (gold.Count == 0)
        {
            throw Errors.NoTrainingData(Name, "no token has Lemma set");
        }

        _lookup = counts.ToDictionary(
            c => c.Key,
            c => c.Value.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key);
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
