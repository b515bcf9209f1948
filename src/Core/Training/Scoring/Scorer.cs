using Pipeline.Corpora;
using Pipeline.Tokens;

namespace Pipeline.Training.Scoring;

/// <summary>
/// Scores system output against a gold standard with the CoNLL 2018 shared-task definitions: words are aligned
/// by character offsets (so raw-text output with its own tokenization can be scored), punctuation counts, UFeats
/// compares universal features as a set, LAS compares the universal part of the relation (before ':'), and each
/// metric is an F1 of correct aligned words over gold and system words (the accuracy when tokens are gold).
/// Entities are matched by character span and label. Feed it pairs with <see cref="Score(Doc, Doc)"/> or
/// <see cref="Score(Doc, IReadOnlyList{ConlluSentence})"/>, then read <see cref="GetScores"/>. Not thread-safe.
/// </summary>
public sealed class Scorer
{
    private readonly Dictionary<string, ScoreCounts> _entityLabels = new(StringComparer.Ordinal);
    private ScoreCounts _tokens, _sentences, _upos, _xpos, _feats, _lemma, _uas, _las, _entities;
    private bool _hasUpos, _hasXpos, _hasFeats, _hasLemma, _hasUas, _hasLas, _hasEntities, _any;
    private long _words;
    private double _seconds;

    /// <summary>Scores a system doc against a gold doc (usually of the same tokens, with the gold annotation).</summary>
    public void Score(Doc predicted, Doc gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var goldWords = ScoredWords.FromGold(gold);
        Accumulate(goldWords, ScoredWords.FromSystem(predicted, goldWords));
    }

    /// <summary>
    /// Scores a doc made from raw text against the gold CoNLL-U sentences of that text (in order): words and
    /// sentences are aligned through the characters of the text, whitespace ignored.
    /// </summary>
    public void Score(Doc predicted, IReadOnlyList<ConlluSentence> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var goldWords = ScoredWords.FromSentences(gold);
        Accumulate(goldWords, ScoredWords.FromSystem(predicted, goldWords));
    }

    /// <summary>Records that <paramref name="words"/> words took <paramref name="elapsed"/> to process.</summary>
    public void AddSpeed(long words, TimeSpan elapsed)
    {
        _words += words;
        _seconds += elapsed.TotalSeconds;
    }

    /// <summary>The scores of everything fed so far.</summary>
    public Scores GetScores() => new()
    {
        Tokens = _any ? _tokens : null,
        Sentences = _any ? _sentences : null,
        Upos = _hasUpos ? _upos : null,
        Xpos = _hasXpos ? _xpos : null,
        UFeats = _hasFeats ? _feats : null,
        Lemma = _hasLemma ? _lemma : null,
        Uas = _hasUas ? _uas : null,
        Las = _hasLas ? _las : null,
        Entities = _hasEntities
            ? new NerScore(_entities, _entityLabels.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value))
            : null,
        Words = _words,
        Seconds = _seconds,
    };

    private void Accumulate(ScoredWords gold, ScoredWords system)
    {
        _any = true;
        var goldOf = WordAligner.Align(gold, system);
        long g = gold.Count, s = system.Count;
        long aligned = 0, upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0;
        for (var w = 0; w < system.Count; w++)
        {
            var x = goldOf[w];
            if (x < 0)
            {
                continue;
            }

            aligned++;
            upos += system.Upos[w] == gold.Upos[x] ? 1 : 0;
            xpos += system.Xpos[w] == gold.Xpos[x] ? 1 : 0;
            feats += system.Feats[w] == gold.Feats[x] ? 1 : 0;
            lemma += gold.Lemma[x] == 0 || system.Lemma[w] == gold.Lemma[x] ? 1 : 0;
            var head = system.Head[w];
            var attached = (head == -1 && gold.Head[x] == -1) || (head >= 0 && gold.Head[x] >= 0 && goldOf[head] == gold.Head[x]);
            if (attached)
            {
                uas++;
                las += system.Deprel[w] == gold.Deprel[x] ? 1 : 0;
            }
        }

        _tokens += new ScoreCounts(g, s, aligned);
        _sentences += Match(gold.Sentences, system.Sentences);
        Add(ref _upos, ref _hasUpos, gold.HasUpos, system.HasUpos, g, s, upos);
        Add(ref _xpos, ref _hasXpos, gold.HasXpos, system.HasXpos, g, s, xpos);
        Add(ref _feats, ref _hasFeats, gold.HasFeats, system.HasFeats, g, s, feats);
        Add(ref _lemma, ref _hasLemma, gold.HasLemma, system.HasLemma, g, s, lemma);
        Add(ref _uas, ref _hasUas, gold.HasHeads, system.HasHeads, g, s, uas);
        Add(ref _las, ref _hasLas, gold.HasHeads && gold.HasDeprel, system.HasHeads && system.HasDeprel, g, s, las);
        if (gold.HasEntities)
        {
            _hasEntities |= system.HasEntities;
            AddEntities(gold.Entities, system.Entities);
        }
    }

    private static void Add(ref ScoreCounts counts, ref bool present, bool gold, bool system, long g, long s, long correct)
    {
        if (!gold)
        {
            return;
        }

        present |= system;
        counts += new ScoreCounts(g, s, correct);
    }

    private static ScoreCounts Match(List<(int Start, int End)> gold, List<(int Start, int End)> system)
    {
        var set = new HashSet<(int, int)>(gold);
        var correct = system.Count(set.Contains);
        return new ScoreCounts(gold.Count, system.Count, correct);
    }

    private void AddEntities(List<(int Start, int End, string Label)> gold, List<(int Start, int End, string Label)> system)
    {
        var set = new HashSet<(int, int, string)>(gold);
        foreach (var entity in gold)
        {
            Bump(entity.Label, new ScoreCounts(1, 0, 0));
        }

        foreach (var entity in system)
        {
            var correct = set.Contains(entity) ? 1 : 0;
            Bump(entity.Label, new ScoreCounts(0, 1, correct));
        }
    }

    private void Bump(string label, ScoreCounts counts)
    {
        _entities += counts;
        _entityLabels[label] = _entityLabels.GetValueOrDefault(label) + counts;
    }
}
