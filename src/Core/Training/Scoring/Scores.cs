namespace Pipeline.Training.Scoring;

/// <summary>
/// The result of an evaluation. A metric is null when the gold standard does not annotate it or the system does
/// not predict it (e.g. no UAS for a pipeline without a parser).
/// </summary>
public sealed class Scores
{
    /// <summary>Words (tokens) matched by character span; from raw text, the segmentation score.</summary>
    public ScoreCounts? Tokens { get; init; }

    /// <summary>Sentences matched by character span.</summary>
    public ScoreCounts? Sentences { get; init; }

    /// <summary>Aligned words with the right universal part-of-speech tag.</summary>
    public ScoreCounts? Upos { get; init; }

    /// <summary>Aligned words with the right language-specific tag.</summary>
    public ScoreCounts? Xpos { get; init; }

    /// <summary>Aligned words with the right set of universal features.</summary>
    public ScoreCounts? UFeats { get; init; }

    /// <summary>Aligned words with the right lemma (any lemma counts where the gold has none).</summary>
    public ScoreCounts? Lemma { get; init; }

    /// <summary>Aligned words whose head is the aligned gold head (or both are roots).</summary>
    public ScoreCounts? Uas { get; init; }

    /// <summary>As <see cref="Uas"/>, with the universal part of the relation right too.</summary>
    public ScoreCounts? Las { get; init; }

    /// <summary>Entity scores, overall and per label.</summary>
    public NerScore? Entities { get; init; }

    /// <summary>Words processed while the clock ran.</summary>
    public long Words { get; init; }

    /// <summary>Seconds spent processing those words.</summary>
    public double Seconds { get; init; }

    /// <summary>Processing speed, or null when nothing was timed.</summary>
    public double? WordsPerSecond => Seconds > 0 ? Words / Seconds : null;

    /// <summary>
    /// The scores as percentages keyed by <see cref="ScoreKeys"/> (F1 for every metric; entity P, R and F), the
    /// shape of meta.json's <c>accuracy</c>. Absent metrics are left out.
    /// </summary>
    public Dictionary<string, double> ToAccuracy()
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        Put(result, ScoreKeys.TokenF1, Tokens);
        Put(result, ScoreKeys.SentenceF1, Sentences);
        Put(result, ScoreKeys.Upos, Upos);
        Put(result, ScoreKeys.Xpos, Xpos);
        Put(result, ScoreKeys.UFeats, UFeats);
        Put(result, ScoreKeys.Lemma, Lemma);
        Put(result, ScoreKeys.Uas, Uas);
        Put(result, ScoreKeys.Las, Las);
        if (Entities is { } ents)
        {
            result[ScoreKeys.EntsP] = Percent(ents.Precision);
            result[ScoreKeys.EntsR] = Percent(ents.Recall);
            result[ScoreKeys.EntsF] = Percent(ents.F1);
        }

        return result;
    }

    /// <summary>A fraction as a percentage rounded to 3 decimals, the precision kept in meta.json.</summary>
    public static double Percent(double fraction) => Math.Round(fraction * 100, 3);

    private static void Put(Dictionary<string, double> result, string key, ScoreCounts? counts)
    {
        if (counts is { } c)
        {
            result[key] = Percent(c.F1);
        }
    }
}
