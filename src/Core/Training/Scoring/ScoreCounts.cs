namespace Pipeline.Training.Scoring;

/// <summary>
/// The counts behind one metric: how many units the gold standard has, how many the system produced and how many
/// of those are correct. Precision, recall and F1 follow; with gold tokens all three equal the accuracy.
/// </summary>
/// <param name="Gold">Units in the gold standard (e.g. gold words).</param>
/// <param name="System">Units the system produced (e.g. system words).</param>
/// <param name="Correct">System units that match a gold unit.</param>
public readonly record struct ScoreCounts(long Gold, long System, long Correct)
{
    /// <summary>Correct / System, 0 when the system produced nothing.</summary>
    public double Precision => System == 0 ? 0 : (double)Correct / System;

    /// <summary>Correct / Gold, 0 when the gold standard is empty.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>The harmonic mean of precision and recall, 2 Correct / (Gold + System).</summary>
    public double F1 => Gold + System == 0 ? 0 : 2.0 * Correct / (Gold + System);

    /// <summary>Adds the counts of two evaluations.</summary>
    public static ScoreCounts operator +(ScoreCounts a, ScoreCounts b) =>
        new(a.Gold + b.Gold, a.System + b.System, a.Correct + b.Correct);
}
