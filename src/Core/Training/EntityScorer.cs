using Pipeline.Tokens;

namespace Pipeline.Training;

/// <summary>
/// Scores predicted named entities against gold ones: an entity counts as right only when its start, end and label
/// all match a gold entity (the CoNLL convention). Feed it pairs of docs with the same tokens through
/// <see cref="Add"/> (or use <see cref="Score"/>) and read <see cref="Result"/>. Not safe for concurrent use.
/// </summary>
public sealed class EntityScorer
{
    private readonly Dictionary<string, PrfScore> _perLabel = new(StringComparer.Ordinal);
    private readonly HashSet<(int Start, int End, ulong Label)> _gold = [];
    private PrfScore _overall;
    private int _docs;

    /// <summary>How many doc pairs were added.</summary>
    public int Docs => _docs;

    /// <summary>The scores of the docs added so far.</summary>
    public EntityScores Result => new(_overall, new SortedDictionary<string, PrfScore>(_perLabel, StringComparer.Ordinal));

    /// <summary>Scores the predicted docs against the gold docs at the same positions (E090 when they differ).</summary>
    public static EntityScores Score(IReadOnlyList<Doc> golds, IReadOnlyList<Doc> predicted)
    {
        ArgumentNullException.ThrowIfNull(golds);
        ArgumentNullException.ThrowIfNull(predicted);
        if (golds.Count != predicted.Count)
        {
            throw Errors.ScoredDocsDiffer(Math.Min(golds.Count, predicted.Count), $"there are {golds.Count} gold docs but {predicted.Count} predicted ones");
        }

        var scorer = new EntityScorer();
        for (var i = 0; i < golds.Count; i++)
        {
            scorer.Add(golds[i], predicted[i]);
        }

        return scorer.Result;
    }

    /// <summary>
    /// Adds one pair: the entities of <paramref name="predicted"/> against those of <paramref name="gold"/>, which
    /// must have the same tokens (E090 otherwise).
    /// </summary>
    public void Add(Doc gold, Doc predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var index = _docs;
        if (gold.Length != predicted.Length)
        {
            throw Errors.ScoredDocsDiffer(index, $"the gold doc has {gold.Length} tokens, the predicted one {predicted.Length}");
        }

        if (!gold.OrthColumn.AsSpan().SequenceEqual(predicted.OrthColumn))
        {
            throw Errors.ScoredDocsDiffer(index, "their tokens have different texts");
        }

        _docs++;
        _gold.Clear();
        foreach (var ent in gold.Ents)
        {
            _gold.Add((ent.Start, ent.End, ent.LabelId));
        }

        foreach (var ent in predicted.Ents)
        {
            var hit = _gold.Remove((ent.Start, ent.End, ent.LabelId));
            Count(ent.Label, hit ? new PrfScore(1, 0, 0) : new PrfScore(0, 1, 0));
        }

        foreach (var ent in gold.Ents)
        {
            if (_gold.Contains((ent.Start, ent.End, ent.LabelId)))
            {
                Count(ent.Label, new PrfScore(0, 0, 1));
            }
        }
    }

    private void Count(string label, PrfScore score)
    {
        _overall += score;
        _perLabel[label] = _perLabel.GetValueOrDefault(label) + score;
    }
}
