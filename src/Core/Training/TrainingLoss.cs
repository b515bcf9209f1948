namespace Pipeline.Training;

/// <summary>How many decisions of one update were wrong, of how many; the trainer sums them into the epoch's loss.</summary>
/// <param name="Errors">Wrong decisions (the perceptron's loss).</param>
/// <param name="Total">All decisions.</param>
public readonly record struct TrainingLoss(int Errors, int Total)
{
    /// <summary>Adds two losses.</summary>
    public static TrainingLoss operator +(TrainingLoss a, TrainingLoss b) => new(a.Errors + b.Errors, a.Total + b.Total);
}
