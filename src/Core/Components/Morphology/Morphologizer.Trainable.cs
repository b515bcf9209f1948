using System.Buffers;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Morphology;

public sealed partial class Morphologizer : ITrainable
{
    private Dictionary<ulong, int>? _labelIndex;

    /// <summary>Whether <see cref="Initialize"/> has run and <see cref="FinishTraining"/> has not.</summary>
    public bool IsTraining => _labelIndex is not null;

    /// <summary>
    /// Starts training from gold docs with Morph set: collects the feature bundles (the classes) and creates an
    /// empty model. Docs without Morph are not learned from (E064 when none has it).
    /// </summary>
    public void Initialize(IEnumerable<Doc> golds)
    {
        ArgumentNullException.ThrowIfNull(golds);
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        var tokens = 0;
        foreach (var doc in golds)
        {
            if (doc.MorphColumn is not { } morph)
            {
                continue;
            }

            foreach (var hash in morph)
            {
                labels.Add(doc.Vocab.Strings[hash]);
            }

            tokens += doc.Length;
        }

        if (labels.Count == 0)
        {
            throw Errors.NoTrainingData(Name, "no doc has Morph set");
        }

        SetLabels([.. labels]);
        _labelIndex = _labelHashes.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        _model = new AveragedPerceptron(labels.Count, expectedFeatures: Math.Max(1024, tokens));
    }

    /// <summary>
    /// Learns from one example: predicts the features of <paramref name="predicted"/> left to right from its own
    /// (predicted) tags, learning from every token whose gold bundle it gets wrong, and writes the predictions into
    /// <paramref name="predicted"/>. Returns the wrong tokens of those with a known gold bundle.
    /// </summary>
    public TrainingLoss Update(Doc predicted, Doc gold)
    {
        var n = TrainingExample.Check(predicted, gold, _labelIndex is not null && _model is not null, Name);
        if (n == 0)
        {
            return default;
        }

        var model = _model!;
        var labelIndex = _labelIndex!;
        EnsureLabels(predicted.Vocab.Strings);
        var goldClasses = ArrayPool<int>.Shared.Rent(n);
        var classes = ArrayPool<int>.Shared.Rent(n);
        try
        {
            var total = 0;
            for (var i = 0; i < n; i++)
            {
                goldClasses[i] = gold.MorphColumn is { } m ? labelIndex.GetValueOrDefault(m[i], -1) : -1;
                total += goldClasses[i] >= 0 ? 1 : 0;
            }

            var correct = Decode(model, predicted, classes.AsSpan(0, n), goldClasses.AsSpan(0, n));
            var morph = Doc.Ensure(ref predicted.MorphColumn, n);
            for (var i = 0; i < n; i++)
            {
                morph[i] = _labelHashes[classes[i]];
            }

            return new TrainingLoss(total - correct, total);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(goldClasses);
            ArrayPool<int>.Shared.Return(classes);
        }
    }

    /// <summary>Ends training: averages the weights.</summary>
    public void FinishTraining()
    {
        _model?.Average();
        _labelIndex = null;
    }
}
