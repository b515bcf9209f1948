namespace Pipeline.Training.Scoring;

/// <summary>
/// Named-entity scores: an entity is correct when the system found the same character span with the same label.
/// </summary>
public sealed class NerScore
{
    /// <summary>Creates entity scores from overall and per-label counts.</summary>
    public NerScore(ScoreCounts overall, IReadOnlyDictionary<string, ScoreCounts> perLabel)
    {
        ArgumentNullException.ThrowIfNull(perLabel);
        Overall = overall;
        PerLabel = perLabel;
    }

    /// <summary>Counts over all labels.</summary>
    public ScoreCounts Overall { get; }

    /// <summary>Counts per entity label, sorted by label.</summary>
    public IReadOnlyDictionary<string, ScoreCounts> PerLabel { get; }

    /// <summary>Overall precision.</summary>
    public double Precision => Overall.Precision;

    /// <summary>Overall recall.</summary>
    public double Recall => Overall.Recall;

    /// <summary>Overall F1.</summary>
    public double F1 => Overall.F1;
}
