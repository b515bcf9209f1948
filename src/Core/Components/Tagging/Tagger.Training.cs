using Pipeline.Serialization;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Tagging;

public sealed partial class Tagger
{
    private const ulong NoiseSeed = 0x5441_4747_4552UL;

    private Dictionary<ulong, int>? _posIndex;
    private Dictionary<ulong, int>? _tagIndex;
    private SplitMix64 _noise = new(NoiseSeed);
    private double _dropRate;

    /// <summary>Words seen at least this often in training may enter the tag dictionary (default 20).</summary>
    public int FrequencyThreshold { get; init; } = 20;

    /// <summary>...and only when this share of their occurrences has one tag pair (default 0.97).</summary>
    public double AmbiguityThreshold { get; init; } = 0.97;

    /// <summary>Words (lower-cased) seen at least this often get an ambiguity-class feature (default 10).</summary>
    public int AmbiguityMinCount { get; init; } = 10;

    /// <summary>
    /// Whether <see cref="Train"/> adds a second pass that re-tags uncertain tokens knowing the first pass's tags on
    /// their right (default true; needs at least twice <see cref="Folds"/> docs), and whether <see cref="Process"/>
    /// runs it when the model has one (false trades a little accuracy for speed).
    /// </summary>
    public bool SecondPass { get; init; } = true;

    /// <summary>How many folds train the first-pass models whose predictions teach the second pass (default 4).</summary>
    public int Folds { get; init; } = 4;

    /// <summary>
    /// The second pass re-tags only tokens whose first-pass score margin (best minus runner-up universal tag) is
    /// below this (default 8; <see cref="float.PositiveInfinity"/> re-tags every token).
    /// </summary>
    public float SecondPassMargin { get; init; } = 8f;

    /// <summary>
    /// The share of features (all but the bias) left out of each training decision, at random (default 0, from 0 up
    /// to 1; factory setting "drop_rate"): noise that keeps the model from leaning on a few memorized features, so it
    /// tags unseen words better. On en_ewt dev 0.2 adds 0.1 UPOS (tagger alone, mean of three seeds) and lifts the
    /// components trained on its tags; on pt_bosque it costs parser accuracy, hence the default. The drops come from
    /// a generator seeded in <see cref="Initialize"/>, so the same training gives the same model.
    /// </summary>
    public double DropRate
    {
        get => _dropRate;
        init => _dropRate = FeatureDropout.Checked(value, nameof(DropRate));
    }

    /// <summary>Whether <see cref="Initialize"/> has run and <see cref="FinishTraining"/> has not.</summary>
    public bool IsTraining => _posIndex is not null;

    /// <summary>
    /// Starts training from gold docs: collects the tag sets, the tag dictionary and the ambiguity classes and
    /// creates an empty model. Tokens without Pos are not learned from (E064 when no token has one).
    /// </summary>
    public void Initialize(IEnumerable<Doc> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var docs = examples as IReadOnlyList<Doc> ?? examples.ToList();
        var pos = Distinct(docs, d => d.PosColumn);
        var tags = Distinct(docs, d => d.TagColumn);
        if (pos.Length == 0)
        {
            throw Errors.NoTrainingData(Name, "no token has Pos set");
        }

        SetLabels(pos, tags);
        _second = null;
        _secondMargin = float.PositiveInfinity;
        _posIndex = _posHashes.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        _tagIndex = _tagHashes.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);

        var perWord = new Dictionary<ulong, Dictionary<(int Pos, int Tag), int>>();
        var lowerOf = new Dictionary<ulong, ulong>();
        var tokens = 0;
        foreach (var doc in docs)
        {
            var (goldPos, goldTags) = GoldClasses(doc);
            for (var i = 0; i < doc.Length; i++)
            {
                if (goldPos[i] < 0)
                {
                    continue;
                }

                var orth = doc.OrthColumn[i];
                if (!perWord.TryGetValue(orth, out var counts))
                {
                    perWord[orth] = counts = [];
                    lowerOf[orth] = LexicalFeatures.Get(doc.Vocab.Strings, orth).Lower;
                }

                var key = (goldPos[i], goldTags[i]);
                counts[key] = counts.GetValueOrDefault(key) + 1;
                tokens++;
            }
        }

        _tagDictionary = [];
        foreach (var (word, counts) in perWord)
        {
            var total = counts.Values.Sum();
            var (best, n) = counts.MaxBy(c => c.Value);
            if (total >= FrequencyThreshold && n >= AmbiguityThreshold * total && (tags.Length == 0) == (best.Tag < 0))
            {
                _tagDictionary[word] = best;
            }
        }

        _ambiguity = BuildAmbiguityClasses(perWord, lowerOf);
        _noise = new SplitMix64(NoiseSeed);
        _model = new AveragedPerceptron(pos.Length + tags.Length, expectedFeatures: Math.Max(1024, tokens));
    }

    /// <summary>
    /// Tags the words of <paramref name="gold"/> with the current model, left to right on its own predictions,
    /// and learns from every tag it gets wrong. Returns how many tokens with a gold Pos it tagged right, of how
    /// many. The gold doc is not modified.
    /// </summary>
    public (int Correct, int Total) Update(Doc gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        if (_posIndex is null || _model is null)
        {
            throw Errors.NotTrained(Name);
        }

        var n = gold.Length;
        var lex = new LexicalFeatures[n];
        Lexicalize(gold, lex);
        var (goldPos, goldTags) = GoldClasses(gold);
        var correct = Decode(_model, lex, new int[n], new int[n], new Pass { GoldPos = goldPos, GoldTags = goldTags });
        return (correct, goldPos.Count(c => c >= 0));
    }

    /// <summary>Ends training: averages the weights. The tagger then tags with the averaged model.</summary>
    public void FinishTraining()
    {
        _model?.Average();
        _posIndex = null;
        _tagIndex = null;
    }

    /// <summary>
    /// Trains from scratch on gold docs: <see cref="Initialize"/>, then <paramref name="epochs"/> passes over the
    /// docs in an order shuffled per epoch from <paramref name="seed"/> (the same seed gives the same model, byte
    /// for byte), then <see cref="FinishTraining"/>. With <see cref="SecondPass"/>, it first trains one model per
    /// fold to tag the held-out docs and afterwards trains the second pass on those tags. <paramref name="onEpoch"/>
    /// gets each first-pass epoch's number and training accuracy (Pos); <see cref="ModelComponent.ToBytes"/> called from it saves the
    /// averaged first-pass model so far (a checkpoint). Returns those accuracies.
    /// </summary>
    public IReadOnlyList<double> Train(IReadOnlyList<Doc> examples, int epochs = 15, ulong seed = 0, Action<int, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ShuffledEpochs.Check(epochs);

        if (SecondPass && Folds < 2)
        {
            throw Errors.InvalidArgument("Folds", $"is {Folds}; the second pass needs at least 2");
        }

        Initialize(examples);
        var random = new SplitMix64(seed);
        var firstPass = SecondPass && examples.Count >= 2 * Folds ? Jackknife(examples, epochs, ref random) : default;
        var losses = ShuffledEpochs.Run([.. Enumerable.Range(0, examples.Count)], epochs, ref random, d =>
        {
            var (correct, total) = Update(examples[d]);
            return new TrainingLoss(total - correct, total);
        }, (epoch, loss) => onEpoch?.Invoke(epoch, ShuffledEpochs.Accuracy(loss)));
        if (firstPass.Pos is not null)
        {
            TrainSecondPass(examples, epochs, ref random, firstPass);
        }

        FinishTraining();
        return losses.ConvertAll(ShuffledEpochs.Accuracy);
    }

    private (int[] Pos, int[] Tags) GoldClasses(Doc doc)
    {
        var pos = new int[doc.Length];
        var tags = new int[doc.Length];
        for (var i = 0; i < doc.Length; i++)
        {
            pos[i] = doc.PosColumn is { } p && p[i] != 0 ? _posIndex!.GetValueOrDefault(p[i], -1) : -1;
            tags[i] = doc.TagColumn is { } t && t[i] != 0 ? _tagIndex!.GetValueOrDefault(t[i], -1) : -1;
        }

        return (pos, tags);
    }

    private static string[] Distinct(IReadOnlyList<Doc> docs, Func<Doc, ulong[]?> column)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            if (column(doc) is { } values)
            {
                foreach (var hash in values)
                {
                    if (hash != 0)
                    {
                        labels.Add(doc.Vocab.Strings[hash]);
                    }
                }
            }
        }

        return [.. labels.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The ambiguity class of each lower-cased word seen at least <see cref="AmbiguityMinCount"/> times: a hash of
    /// the sorted tag pairs that make up at least 5% of its occurrences.
    /// </summary>
    private Dictionary<ulong, ulong> BuildAmbiguityClasses(
        Dictionary<ulong, Dictionary<(int Pos, int Tag), int>> perWord, Dictionary<ulong, ulong> lowerOf)
    {
        var byLower = new Dictionary<ulong, Dictionary<(int, int), int>>();
        foreach (var (word, counts) in perWord)
        {
            if (!byLower.TryGetValue(lowerOf[word], out var merged))
            {
                byLower[lowerOf[word]] = merged = [];
            }

            foreach (var (key, n) in counts)
            {
                merged[key] = merged.GetValueOrDefault(key) + n;
            }
        }

        var result = new Dictionary<ulong, ulong>();
        foreach (var (lower, counts) in byLower)
        {
            var total = counts.Values.Sum();
            if (total < AmbiguityMinCount)
            {
                continue;
            }

            var signature = 0xA5A5_0000UL;
            foreach (var (p, t) in counts.Where(c => c.Value * 20 >= total).Select(c => c.Key).Order())
            {
                signature = (signature * 0x100000001B3UL) ^ (((ulong)p << 20) | (uint)(t + 1));
            }

            result.TryAdd(WordKeys.Of(lower), signature);
        }

        return result;
    }
}
