using System.Numerics.Tensors;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// An exponential moving average of weights over optimizer steps (Polyak averaging, as thinc's averaged
/// parameters): the averaged weights are what a trained model predicts with and saves, steadier than the last
/// step's. Early steps weigh more (decay min(d, (1 + t) / (10 + t))) so the average does not keep the random start.
/// </summary>
public static class MovingAverage
{
    /// <summary>Copies <paramref name="source"/>'s values into <paramref name="average"/> (same shapes).</summary>
    public static void Reset(IReadOnlyList<Parameter> average, IReadOnlyList<Parameter> source)
    {
        ArgumentNullException.ThrowIfNull(average);
        ArgumentNullException.ThrowIfNull(source);
        for (var i = 0; i < source.Count; i++)
        {
            source[i].Value.CopyTo(average[i].Value, 0);
        }
    }

    /// <summary>Moves <paramref name="average"/> towards <paramref name="source"/> after step <paramref name="step"/> (1-based).</summary>
    public static void Update(IReadOnlyList<Parameter> average, IReadOnlyList<Parameter> source, float decay, int step)
    {
        ArgumentNullException.ThrowIfNull(average);
        ArgumentNullException.ThrowIfNull(source);
        var d = Math.Min(decay, (1f + step) / (10f + step));
        for (var i = 0; i < source.Count; i++)
        {
            TensorPrimitives.Lerp(average[i].Value, source[i].Value, 1 - d, average[i].Value);
        }
    }
}
