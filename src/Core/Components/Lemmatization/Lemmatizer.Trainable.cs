using System.Buffers;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Lemmatization;

public sealed partial class Lemmatizer : ITrainable
{
    private Dictionary<string, int>? _scriptIndex;

    /// <summary>Whether <see cref="Initialize"/> has run and <see cref="FinishTraining"/> has not.</summary>
    public bool IsTraining => _scriptIndex is not null;

    /// <summary>
    /// Empty: the lemmatizer writes lemmas, not labels from a fixed set (its classes are internal edit scripts, see
    /// <see cref="ScriptCount"/>), so meta.json lists none.
    /// </summary>
    public IReadOnlyList<string> Labels => [];

    /// <summary>
    /// Starts training from gold docs with Lemma and Pos set: fills the (form, tag) lookup table (plus a form-only
    /// entry used when no tagger ran), collects the edit scripts and creates an empty classifier. E064 when no
    /// token has a lemma.
    /// </summary>
    public void Initialize(IEnumerable<Doc> golds)
    {
        ArgumentNullException.ThrowIfNull(golds);
        var (counts, scripts, scriptIndex, tokens) = Collect(golds);
        if (tokens == 0)
        {
            throw Errors.NoTrainingData(Name, "no token has Lemma set");
        }

        _lookup = MostFrequent(counts);
        _scripts = [.. scripts];
        _scriptIndex = scriptIndex;
        _model = new AveragedPerceptron(scripts.Count, expectedFeatures: Math.Max(1024, tokens));
    }

    /// <summary>
    /// Learns from one example: lemmatizes <paramref name="predicted"/> from its own (predicted) tags, as
    /// <see cref="Process"/> does, trains the script classifier on every token with a gold lemma and writes the
    /// lemmas into <paramref name="predicted"/>. Returns the classifier's wrong choices of all gold tokens.
    /// </summary>
    public TrainingLoss Update(Doc predicted, Doc gold)
    {
        var n = TrainingExample.Check(predicted, gold, _scriptIndex is not null && _model is not null, Name);
        if (n == 0)
        {
            return default;
        }

        var model = _model!;
        var scriptIndex = _scriptIndex!;

        var strings = predicted.Vocab.Strings;
        var lemmas = Doc.Ensure(ref predicted.LemmaColumn, n);
        var scores = ArrayPool<float>.Shared.Rent(model.Classes);
        Span<ulong> features = stackalloc ulong[LemmatizerFeatures.Count];
        int errors = 0, total = 0;
        try
        {
            var span = scores.AsSpan(0, model.Classes);
            for (var i = 0; i < n; i++)
            {
                var orth = predicted.OrthColumn[i];
                var form = strings[orth];
                var pos = predicted.PosColumn?[i] ?? 0;
                LemmatizerFeatures.Extract(form, pos, predicted.TagColumn?[i] ?? 0, features);
                var lemma = Predict(model, form, features, span, out var guess);
                var goldLemma = gold.LemmaColumn?[i] ?? 0;
                if (goldLemma != 0 && scriptIndex.TryGetValue(EditScript.Between(form, gold.Vocab.Strings[goldLemma]).Code, out var cls))
                {
                    if (guess < 0)
                    {
                        model.Score(features, span);
                        guess = AveragedPerceptron.ArgMax(span);
                    }

                    model.Update(features, cls, guess);
                    errors += guess == cls ? 0 : 1;
                    total++;
                }

                lemmas[i] = strings.Add(_lookup.TryGetValue((orth, pos), out var known) ? known : lemma);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }

        return new TrainingLoss(errors, total);
    }

    /// <summary>Ends training: averages the classifier's weights.</summary>
    public void FinishTraining()
    {
        _model?.Average();
        _scriptIndex = null;
    }

    // From the gold tokens with a lemma: the lemma counts per (form, Pos) and per form alone (for the tokens with a
    // Pos, used when no tagger ran) and the edit scripts in order of first use.
    private static (Dictionary<(ulong, ulong), Dictionary<string, int>> Counts, List<EditScript> Scripts, Dictionary<string, int> Index, int Tokens) Collect(
        IEnumerable<Doc> golds)
    {
        var counts = new Dictionary<(ulong, ulong), Dictionary<string, int>>();
        var scriptIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var scripts = new List<EditScript>();
        var tokens = 0;
        foreach (var doc in golds)
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
                Count(counts, (doc.OrthColumn[i], pos), lemma);
                if (pos != 0)
                {
                    Count(counts, (doc.OrthColumn[i], 0), lemma);
                }

                var script = EditScript.Between(form, lemma);
                if (scriptIndex.TryAdd(script.Code, scripts.Count))
                {
                    scripts.Add(script);
                }

                tokens++;
            }
        }

        return (counts, scripts, scriptIndex, tokens);
    }

    private static void Count(Dictionary<(ulong, ulong), Dictionary<string, int>> counts, (ulong, ulong) key, string lemma)
    {
        if (!counts.TryGetValue(key, out var lemmas))
        {
            counts[key] = lemmas = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        lemmas[lemma] = lemmas.GetValueOrDefault(lemma) + 1;
    }

    private static Dictionary<(ulong Form, ulong Pos), string> MostFrequent(Dictionary<(ulong, ulong), Dictionary<string, int>> counts) =>
        counts.ToDictionary(
            c => c.Key,
            c => c.Value.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key);
}
