using System.Diagnostics;
using Pipeline.Corpora;
using Pipeline.Tokens;
using Pipeline.Trainer.Training;
using Pipeline.Training;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Evaluation;

/// <summary>
/// Scores a pipeline on gold corpora. CoNLL-U sentences are scored twice: on their gold words (UPOS, XPOS,
/// UFeats, lemma, UAS, LAS and entities in MISC; the components run without the tokenizer, and that time gives
/// words/s) and from their raw text (token and sentence F1, the tokenizer and every component running). IOB2
/// sentences score the entities on their gold words (with CoNLL-U data, running only what the entities depend on).
/// </summary>
public static class ModelEvaluator
{
    private const int WarmUpDocs = 1000;

    // The component types whose code a warm-up has compiled in this process.
    private static readonly HashSet<Type> Warm = [];

    /// <summary>
    /// Evaluates <paramref name="nlp"/>; give CoNLL-U <paramref name="sentences"/>, IOB2
    /// <paramref name="entities"/>, or both (entity scores then come from the IOB2 data).
    /// </summary>
    public static Scores Evaluate(
        Language nlp, IReadOnlyList<ConlluSentence>? sentences, IReadOnlyList<NerSentence>? entities = null, bool rawText = true)
    {
        ArgumentNullException.ThrowIfNull(nlp);
        if (sentences is null && entities is null)
        {
            throw new ArgumentException("Evaluation data is missing: pass CoNLL-U sentences, IOB2 sentences or both.", nameof(sentences));
        }

        Scores? gold = null, raw = null, ner = null;
        if (sentences is not null)
        {
            gold = ScoreGoldTokens(nlp, sentences.Select(s => WithEntities(s, nlp.Vocab)));
            if (rawText)
            {
                raw = ScoreRawText(nlp, sentences);
            }
        }

        if (entities is not null)
        {
            // With CoNLL-U data the IOB2 docs give only the entity scores: the components the entities do not
            // depend on (the parser, say) are left out. Alone, they are scored by the whole pipeline, for words/s.
            var runs = gold is null ? null : ComponentNeeds.ForEntities([.. nlp.Pipeline.Select(p => p.Pipe)]);
            ner = ScoreGoldTokens(nlp, entities.Select(s => s.ToDoc(nlp.Vocab)), runs);
        }

        var timed = gold ?? ner!;
        return new Scores
        {
            Tokens = raw?.Tokens,
            Sentences = raw?.Sentences,
            Upos = gold?.Upos,
            Xpos = gold?.Xpos,
            UFeats = gold?.UFeats,
            Lemma = gold?.Lemma,
            Uas = gold?.Uas,
            Las = gold?.Las,
            Entities = ner?.Entities ?? gold?.Entities,
            Words = timed.Words,
            Seconds = timed.Seconds,
        };
    }

    /// <summary>A copy of <paramref name="gold"/>'s words (text, spacing, multiword tokens) without any annotation.</summary>
    public static Doc Unannotated(Doc gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        return gold.Unannotated();
    }

    /// <summary>The gold doc of a CoNLL-U sentence, with entities from its MISC column when it has them.</summary>
    public static Doc WithEntities(ConlluSentence sentence, Vocab vocab)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var doc = sentence.ToDoc(vocab);
        if (ConlluNer.Tags(sentence) is { } tags)
        {
            ConlluNer.Apply(doc, tags);
        }

        return doc;
    }

    private static Scores ScoreGoldTokens(Language nlp, IEnumerable<Doc> golds, bool[]? runs = null)
    {
        var scorer = new Scorer();
        var clock = new Stopwatch();
        long words = 0;
        var all = golds as IReadOnlyList<Doc> ?? golds.ToList();
        WarmUp(nlp, all, runs);
        foreach (var gold in all)
        {
            var doc = Unannotated(gold);
            clock.Start();
            doc = Annotate(nlp, doc, runs);
            clock.Stop();
            words += doc.Length;
            scorer.Score(doc, gold);
        }

        scorer.AddSpeed(words, clock.Elapsed);
        return scorer.GetScores();
    }

    // Runs the components over the first docs untimed, so that words/s measures compiled code, not the JIT. Compiled
    // code belongs to the component types, not to one model: a process that has warmed them up (a training run
    // scoring its checkpoint after each epoch) does not do it again.
    private static void WarmUp(Language nlp, IReadOnlyList<Doc> golds, bool[]? runs)
    {
        var types = nlp.Pipeline.Where((p, k) => runs?[k] != false).Select(p => p.Pipe.GetType()).ToList();
        lock (Warm)
        {
            if (types.TrueForAll(Warm.Contains))
            {
                return;
            }
        }

        for (var i = 0; i < Math.Min(WarmUpDocs, golds.Count); i++)
        {
            Annotate(nlp, Unannotated(golds[i]), runs);
        }

        lock (Warm)
        {
            Warm.UnionWith(types);
        }
    }

    // Runs the components in order, only those marked in runs when it is given.
    private static Doc Annotate(Language nlp, Doc doc, bool[]? runs)
    {
        for (var k = 0; k < nlp.Pipeline.Count; k++)
        {
            if (runs?[k] != false)
            {
                doc = nlp.Pipeline[k].Pipe.Process(doc);
            }
        }

        return doc;
    }

    private static Scores ScoreRawText(Language nlp, IReadOnlyList<ConlluSentence> sentences)
    {
        var scorer = new Scorer();
        foreach (var (text, gold) in RawTextDocuments.Group(sentences))
        {
            scorer.Score(nlp.Process(text), gold);
        }

        return scorer.GetScores();
    }
}
