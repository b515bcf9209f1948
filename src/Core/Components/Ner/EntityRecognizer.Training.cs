using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Ner;

public sealed partial class EntityRecognizer
{
    private Dictionary<ulong, int>? _labelIndex;

    /// <summary>Whether <see cref="Initialize"/> has run and <see cref="FinishTraining"/> has not.</summary>
    public bool IsTraining => _labelIndex is not null;

    /// <summary>
    /// Starts training from gold docs: collects the entity labels (only those of <see cref="AllowedLabels"/> when
    /// set; entities of other labels count as O) and creates an empty model. E064 when no label is left.
    /// </summary>
    public void Initialize(IEnumerable<Doc> golds)
    {
        ArgumentNullException.ThrowIfNull(golds);
        var docs = golds as IReadOnlyList<Doc> ?? golds.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tokens = 0;
        foreach (var doc in docs)
        {
            tokens += doc.Length;
            foreach (var ent in doc.Ents)
            {
                seen.Add(ent.Label);
            }
        }

        var labels = _allowedLabels ?? [.. seen.Where(l => l != "O").Order(StringComparer.Ordinal)];
        if (labels.Length == 0)
        {
            throw Errors.NoTrainingData(Name, _allowedLabels is null ? "no doc has an entity" : "no entity label was given");
        }

        SetLabels(labels);
        _noise = new SplitMix64(NoiseSeed);
        _labelIndex = _labelHashes.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        _lexicon = NerLexicon.Build(docs, GoldClasses, labels.Length);
        _model = new AveragedPerceptron(Biluo.ClassCount(labels.Length), expectedFeatures: Math.Max(1024, tokens));
    }

    /// <summary>
    /// Learns from one example: labels <paramref name="predicted"/> (same tokens as <paramref name="gold"/>; its
    /// existing entities are kept, as in <see cref="Process"/>) with the current model, left to right on its own
    /// predictions, learning from every token whose class differs from the best one still reachable under the gold
    /// annotation, and leaves the predictions in <paramref name="predicted"/>. Gold tokens without entity annotation
    /// (IOB unset) are not learned from. Returns the wrongly classified tokens of all annotated ones.
    /// </summary>
    public TrainingLoss Update(Doc predicted, Doc gold)
    {
        if (TrainingExample.Check(predicted, gold, _labelIndex is not null && _model is not null, Name) == 0)
        {
            return default;
        }

        EnsureLabels(predicted.Vocab.Strings);
        return Run(_model!, predicted, GoldClasses(gold));
    }

    /// <summary>Ends training: averages the weights. The recognizer then labels with the averaged model.</summary>
    public void FinishTraining()
    {
        _model?.Average();
        _labelIndex = null;
    }

    /// <summary>
    /// Trains from scratch on gold docs: <see cref="Initialize"/>, then <paramref name="epochs"/> passes over the
    /// docs in an order shuffled per epoch from <paramref name="seed"/> (the same seed gives the same model, byte
    /// for byte), then <see cref="FinishTraining"/>. Each doc is labelled from its words and, when present, its
    /// Pos and Tag columns. <paramref name="onEpoch"/> gets each epoch's number and loss. Returns every epoch's loss.
    /// </summary>
    public IReadOnlyList<TrainingLoss> Train(IReadOnlyList<Doc> golds, int epochs = 20, ulong seed = 0, Action<int, TrainingLoss>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(golds);
        ShuffledEpochs.Check(epochs);

        Initialize(golds);
        var inputs = golds.Select(g => g.WordsAndTags()).ToArray();
        var losses = ShuffledEpochs.Run(golds.Count, epochs, seed, i =>
        {
            inputs[i].IobColumn = null;
            inputs[i].EntTypeColumn = null;
            return Update(inputs[i], golds[i]);
        }, onEpoch);
        FinishTraining();
        return losses;
    }

    /// <summary>The BILUO class of every gold token: -1 where the IOB code is unset, O for labels not learned.</summary>
    private int[] GoldClasses(Doc gold)
    {
        var classes = new int[gold.Length];
        if (gold.IobColumn is not { } iob)
        {
            Array.Fill(classes, -1);
            return classes;
        }

        for (var i = 0; i < classes.Length; i++)
        {
            classes[i] = iob[i] == 0 ? -1 : Biluo.Outside;
        }

        foreach (var ent in gold.Ents)
        {
            if (!_labelIndex!.TryGetValue(ent.LabelId, out var label))
            {
                continue;
            }

            if (ent.Length == 1)
            {
                classes[ent.Start] = Biluo.Class(label, Biluo.Unit);
                continue;
            }

            classes[ent.Start] = Biluo.Class(label, Biluo.Begin);
            for (var i = ent.Start + 1; i < ent.End - 1; i++)
            {
                classes[i] = Biluo.Class(label, Biluo.Inside);
            }

            classes[ent.End - 1] = Biluo.Class(label, Biluo.Last);
        }

        return classes;
    }
}
