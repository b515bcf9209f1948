namespace Pipeline.Training;

/// <summary>Named-entity scores: over all entities and per label (exact span and label match).</summary>
/// <param name="Overall">The counts and scores over all entities.</param>
/// <param name="PerLabel">The counts and scores of each label seen in the gold or predicted docs, by label.</param>
public sealed record EntityScores(PrfScore Overall, IReadOnlyDictionary<string, PrfScore> PerLabel)
{
    /// <summary>Overall precision (0 to 1).</summary>
    public double Precision => Overall.Precision;

    /// <summary>Overall recall (0 to 1).</summary>
    public double Recall => Overall.Recall;

    /// <summary>Overall F-score (0 to 1).</summary>
    public double F => Overall.F;
}
