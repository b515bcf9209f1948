namespace Pipeline.Training;

/// <summary>
/// Feature noise for training: each decision leaves out a random share of its features (never the first, the bias),
/// so a model cannot lean on a few memorized ones and learns the others too.
/// </summary>
internal static class FeatureDropout
{
    /// <summary>Whether <paramref name="rate"/> is a usable share: from 0 up to (not including) 1.</summary>
    public static bool IsRate(double rate) => rate is >= 0 and < 1;

    /// <summary><paramref name="rate"/>, or an ArgumentException naming <paramref name="setting"/> when it is not a usable share.</summary>
    public static double Checked(double rate, string setting) =>
        IsRate(rate) ? rate : throw Errors.InvalidArgument(setting, $"is {rate}; it must be at least 0 and below 1");

    /// <summary>
    /// Keeps the first feature and each other with probability 1 - <paramref name="rate"/>, drawn from
    /// <paramref name="noise"/>, moving the kept ones to the front; returns how many were kept.
    /// </summary>
    public static int Apply(Span<ulong> features, double rate, ref SplitMix64 noise)
    {
        var kept = 1;
        var threshold = (ulong)(rate * ulong.MaxValue);
        for (var k = 1; k < features.Length; k++)
        {
            if (noise.Next() >= threshold)
            {
                features[kept++] = features[k];
            }
        }

        return kept;
    }
}
