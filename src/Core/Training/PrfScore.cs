namespace Pipeline.Training;

/// <summary>
/// Counts of exact matches between predicted and gold items (entities) and the precision, recall and F-score they
/// give, each a fraction between 0 and 1 (0 when its denominator is 0).
/// </summary>
/// <param name="TruePositives">Predicted items that are in the gold annotation.</param>
/// <param name="FalsePositives">Predicted items that are not.</param>
/// <param name="FalseNegatives">Gold items that were not predicted.</param>
public readonly record struct PrfScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>The share of predicted items that are right.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>The share of gold items that were found.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The number of gold items.</summary>
    public int Gold => TruePositives + FalseNegatives;

    /// <summary>The number of predicted items.</summary>
    public int Predicted => TruePositives + FalsePositives;

    /// <summary>Adds the counts of two scores.</summary>
    public static PrfScore operator +(PrfScore a, PrfScore b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    /// <inheritdoc />
    public override string ToString() => $"P {Precision * 100:F2} R {Recall * 100:F2} F {F * 100:F2}";
}
