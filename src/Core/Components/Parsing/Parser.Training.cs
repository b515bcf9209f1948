using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Parsing;

public sealed partial class Parser
{
    private Dictionary<ulong, int>? _labelIds;
    private SplitMix64 _random;
    private ulong _exploreThreshold;
    private ulong _noiseThreshold;
    private Dictionary<ulong, (ulong Pos, ulong Tag, ulong Morph)[]> _confusions = [];
    private int _epochSize;
    private long _updates;

    /// <summary>
    /// After the first epoch, the share of wrong moves that training follows instead of the oracle's, so the model
    /// learns to continue well from its own mistakes (default 0.9).
    /// </summary>
    public double ExplorationProbability { get; init; } = 0.9;

    /// <summary>
    /// Lifted (non-projective) arcs keep the label of their original head in their label only when that combined
    /// label occurs at least this often in training (default 20); rarer ones keep their plain label, which spares
    /// the model many rare classes.
    /// </summary>
    public int MinLiftedLabelCount { get; init; } = 20;

    /// <summary>
    /// Words (lower-cased) seen fewer times than this in training share one "unknown word" value in the features
    /// (default 2), so the model learns how to treat the unseen words it meets later, and stays smaller.
    /// </summary>
    public int MinWordCount { get; init; } = 2;

    /// <summary>
    /// Averaged weights below this magnitude are dropped from the saved model when training on at least
    /// <see cref="PruneMinWords"/> words. At 1 the en_ewt parser is 14 MB instead of 47 MB and parses faster, for
    /// under 0.1 LAS.
    /// </summary>
    public float PruneBelow { get; init; } = 1f;

    /// <summary>The training words from which <see cref="PruneBelow"/> applies.</summary>
    public int PruneMinWords { get; init; } = 50_000;

    /// <summary>
    /// The share of ambiguous words whose tags and morphological features training replaces with another analysis
    /// the word (or, for a rare word, its suffix) takes in the training data (default 0.3): the tags of training
    /// text are more accurate than a tagger's on new text, and this teaches the model what to do with the
    /// tagger's typical mistakes. Use 0 when the training text is tagged as a tagger tags new text (e.g.
    /// jackknifed).
    /// </summary>
    public double TagNoise { get; init; } = 0.3;

    /// <summary>
    /// Sentences (docs) longer than this many tokens are not learned from (default 2,000): the dynamic oracle's work
    /// grows with the square of a sentence's length, so one absurd "sentence" (a document without breaks) would
    /// dominate training time. Training warns (W030) with how many were left out.
    /// </summary>
    public int MaxTrainingTokens { get; init; } = 2_000;

    /// <summary>The seed of exploration when trained through <see cref="Initialize"/> and <see cref="Update"/>.</summary>
    public ulong Seed { get; init; }

    /// <summary>Whether <see cref="Initialize"/> has run and <see cref="FinishTraining"/> has not.</summary>
    public bool IsTraining => _labelIds is not null;

    /// <summary>
    /// Starts training from gold docs: lifts their trees to projective ones, collects the labels and the labelled
    /// moves, and creates an empty model (E064 when no doc has a dependency tree).
    /// </summary>
    public void Initialize(IEnumerable<Doc> golds) => Start(golds, Seed);

    /// <summary>
    /// Learns from one example: parses <paramref name="predicted"/> (same words as <paramref name="gold"/>, tags from
    /// the tagger) with the current model, updating it on every move that loses gold arcs, per the dynamic oracle;
    /// after the first epoch the parse often follows the model's own wrong moves. The predicted heads, labels and
    /// sentence starts are written into <paramref name="predicted"/>. Docs without a well-formed gold tree are
    /// parsed but not learned from. Returns the wrong moves of all moves.
    /// </summary>
    public TrainingLoss Update(Doc predicted, Doc gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        if (_labelIds is null || _model is null)
        {
            throw Errors.NotTrained(Name);
        }

        var n = predicted.Length;
        if (gold.Length != n)
        {
            throw Errors.InvalidArgument("The gold doc", $"has {gold.Length} tokens but the predicted doc has {n}; pass the same words");
        }

        if (n == 0 || n > MaxTrainingTokens)
        {
            return default;
        }

        EnsureLabels(predicted.Vocab.Strings);
        var workspace = ParserWorkspace.Current;
        workspace.Ensure(n, _model.Classes);
        var hasGold = LoadGold(gold, workspace);
        var explore = _updates >= _epochSize;
        _updates++;
        return ParseDoc(_model, predicted, workspace, hasGold, explore, ref _random);
    }

    /// <summary>Ends training: averages the weights. The parser then parses with the averaged model.</summary>
    public void FinishTraining()
    {
        _model?.Average();
        _labelIds = null;
    }

    /// <summary>
    /// Trains from scratch: <see cref="Initialize"/>, then <paramref name="epochs"/> passes over the docs in an order
    /// shuffled per epoch from <paramref name="seed"/> (the same seed gives the same model, byte for byte), then
    /// <see cref="FinishTraining"/>. The parser reads its input features from <paramref name="inputs"/> when given
    /// (e.g. the gold words tagged by a trained tagger, one per gold doc), else from the gold docs' own tags.
    /// <paramref name="onEpoch"/> gets each epoch's number and share of right moves. Returns that share per epoch.
    /// </summary>
    public IReadOnlyList<double> Train(
        IReadOnlyList<Doc> golds, int epochs = 15, ulong seed = 0, Action<int, double>? onEpoch = null, IReadOnlyList<Doc>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(golds);
        ShuffledEpochs.Check(epochs);

        if (inputs is not null && inputs.Count != golds.Count)
        {
            throw Errors.InvalidArgument("inputs", $"has {inputs.Count} docs but there are {golds.Count} gold docs; pass one per gold doc");
        }

        Start(golds, seed ^ 0xB5AD4ECEDA1CE2A9UL);
        var predicted = new Doc[golds.Count];
        var sentenceStarts = new sbyte[]?[golds.Count];
        for (var i = 0; i < golds.Count; i++)
        {
            predicted[i] = inputs?[i] ?? CopyWordsAndTags(golds[i]);
            sentenceStarts[i] = (inputs is null ? golds[i] : predicted[i]).SentStartColumn?.Clone() as sbyte[];
        }

        static double Accuracy(TrainingLoss loss) => loss.Total == 0 ? 0 : 1 - ((double)loss.Errors / loss.Total);
        var losses = ShuffledEpochs.Run(golds.Count, epochs, seed, i =>
        {
            // The parser writes sentence starts into its input; restore the given ones for every pass.
            predicted[i].SentStartColumn = sentenceStarts[i]?.Clone() as sbyte[];
            return Update(predicted[i], golds[i]);
        }, (epoch, loss) => onEpoch?.Invoke(epoch, Accuracy(loss)));
        FinishTraining();
        return losses.ConvertAll(Accuracy);
    }

    private void Start(IEnumerable<Doc> golds, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(golds);
        var lifted = new Dictionary<string, int>(StringComparer.Ordinal);
        var arcs = new List<(string Plain, string? Lifted, bool Left)>();
        var trees = 0;
        var words = 0;
        var wordTags = new WordTags();
        var rootDeps = new Dictionary<string, int>(StringComparer.Ordinal);
        var tooLong = 0;
        var longest = 0;
        foreach (var doc in golds)
        {
            ArgumentNullException.ThrowIfNull(doc);
            if (doc.Length > MaxTrainingTokens)
            {
                tooLong++;
                longest = Math.Max(longest, doc.Length);
                continue;
            }

            wordTags.Count(doc);

            var heads = new int[doc.Length];
            var original = new int[doc.Length];
            if (doc.Length == 0 || !TryLift(doc, heads, original))
            {
                continue;
            }

            trees++;
            words += doc.Length;
            var strings = doc.Vocab.Strings;
            for (var d = 0; d < heads.Length; d++)
            {
                var dep = doc.DepColumn?[d] ?? 0;
                if (heads[d] == d && dep != 0)
                {
                    rootDeps[strings[dep]] = rootDeps.GetValueOrDefault(strings[dep]) + 1;
                }

                if (heads[d] == d || dep == 0)
                {
                    continue;
                }

                var encoded = EncodedLabel(doc, d, original[d]);
                if (encoded is not null)
                {
                    lifted[encoded] = lifted.GetValueOrDefault(encoded) + 1;
                }

                arcs.Add((strings[dep], encoded, d < heads[d]));
            }
        }

        if (tooLong > 0)
        {
            Warnings.LongSentencesSkipped(Name, tooLong, longest, MaxTrainingTokens);
        }

        if (trees == 0)
        {
            throw Errors.NoTrainingData(Name, "no doc has a well-formed dependency tree (Head on every token)");
        }

        var left = new HashSet<string>(StringComparer.Ordinal);
        var right = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (plain, encoded, isLeft) in arcs)
        {
            var label = encoded is not null && lifted[encoded] >= MinLiftedLabelCount ? encoded : plain;
            (isLeft ? left : right).Add(label);
        }

        var labels = left.Union(right).Order(StringComparer.Ordinal).ToArray();
        var moves = new List<Move> { Move.Shift, Move.Reduce, Move.Left };
        var actionLabels = new List<int> { ParseState.NoLabel, ParseState.NoLabel, ParseState.RootLabel };
        for (var i = 0; i < labels.Length; i++)
        {
            foreach (var (move, seen) in new[] { (Move.Left, left), (Move.Right, right) })
            {
                if (seen.Contains(labels[i]))
                {
                    moves.Add(move);
                    actionLabels.Add(i + 2);
                }
            }
        }

        var rootDep = rootDeps.Count == 0
            ? RootLabel
            : rootDeps.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        SetActions(labels, [.. moves], [.. actionLabels], rootDep);
        _lexicon = wordTags.Lexicon(MinWordCount);
        _morphology = wordTags.SawMorphology;
        _confusions = wordTags.Confusions(MinWordCount);
        _labelIds = [];
        for (var i = 0; i < labels.Length; i++)
        {
            _labelIds[StringStore.Hash(labels[i])] = i + 2;
        }

        _model = new AveragedPerceptron(moves.Count, expectedFeatures: Math.Max(1024, words * 4))
        {
            // Small treebanks keep every weight: their rare features carry much of what they know, and the model is small anyway.
            PruneBelow = words >= PruneMinWords ? PruneBelow : 0f,
        };
        _random = new SplitMix64(seed);
        _exploreThreshold = Threshold(ExplorationProbability);
        _noiseThreshold = Threshold(TagNoise);
        _epochSize = trees;
        _updates = 0;
    }

    /// <summary>
    /// Fills the workspace with the gold tree of <paramref name="gold"/>, lifted to a projective one, with label ids
    /// (0 where the label is unknown). False when the doc has no well-formed tree.
    /// </summary>
    private bool LoadGold(Doc gold, ParserWorkspace workspace)
    {
        var n = gold.Length;
        var heads = workspace.GoldHeads.AsSpan(0, n);
        var labels = workspace.GoldLabels.AsSpan(0, n);
        var original = workspace.Scratch.AsSpan(0, n);
        if (!TryLift(gold, heads, original))
        {
            return false;
        }

        var ids = _labelIds!;
        for (var d = 0; d < n; d++)
        {
            var dep = gold.DepColumn?[d] ?? 0;
            if (heads[d] == d)
            {
                labels[d] = ParseState.RootLabel;
            }
            else if (dep == 0)
            {
                labels[d] = ParseState.NoLabel;
            }
            else
            {
                var id = original[d] >= 0 && EncodedLabel(gold, d, original[d]) is { } encoded
                    ? ids.GetValueOrDefault(StringStore.Hash(encoded))
                    : 0;
                labels[d] = id != 0 ? id : ids.GetValueOrDefault(dep);
            }
        }

        return true;
    }

    /// <summary>Copies the gold heads into <paramref name="heads"/> and lifts them; false when they are no forest.</summary>
    private static bool TryLift(Doc gold, Span<int> heads, Span<int> original)
    {
        if (gold.HeadColumn is not { } column || column.Length != heads.Length)
        {
            return false;
        }

        column.CopyTo(heads);
        if (!PseudoProjective.IsForest(heads))
        {
            return false;
        }

        PseudoProjective.Lift(heads, original);
        return true;
    }

    /// <summary>The label of lifted word <paramref name="d"/> with its original head's label, or null when not lifted.</summary>
    private static string? EncodedLabel(Doc gold, int d, int originalHead)
    {
        var deps = gold.DepColumn;
        if (originalHead < 0 || deps is null || deps[d] == 0 || deps[originalHead] == 0)
        {
            return null;
        }

        var strings = gold.Vocab.Strings;
        return strings[deps[d]] + PseudoProjective.Separator + strings[deps[originalHead]];
    }

    /// <summary>The value below which a uniform 64-bit random number falls with probability <paramref name="p"/>.</summary>
    private static ulong Threshold(double p) =>
        p >= 1 ? ulong.MaxValue : p <= 0 ? 0 : (ulong)(p * 18446744073709551616.0);

    // The gold words and tags (and morphology, which the parser's features read) as the parser's input.
    private static Doc CopyWordsAndTags(Doc gold)
    {
        var doc = gold.WordsAndTags();
        doc.MorphColumn = gold.MorphColumn?.Clone() as ulong[];
        return doc;
    }
}
