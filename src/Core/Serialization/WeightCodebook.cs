namespace Pipeline.Serialization;

/// <summary>
/// The 12-bit storage of a perceptron's weights: per model, 2,048 magnitudes spaced evenly on a log scale from a
/// millionth of the largest magnitude to the largest (each 0.68% above the one before), and a sign bit. A weight
/// takes the nearest magnitude (at most 0.34% off; a smaller one takes the smallest), so a file keeps only the
/// largest magnitude and one 12-bit code per weight. Scores sum dozens of weights, and the ties between classes
/// that coarser steps create (8 bits cost an entity recognizer 0.65 F1) stay as rare as with 32-bit floats; the
/// codes take under half the compressed bytes of the floats. The magnitudes are computed from the largest one by
/// repeated division by a fixed ratio, which gives the same floats on every platform, and each decoded weight
/// encodes to its own code again, so a loaded model saves to the same bytes.
/// </summary>
internal sealed class WeightCodebook
{
    /// <summary>The bits of a code: the sign (the top bit) and the magnitude's index.</summary>
    public const int CodeBits = 12;

    /// <summary>The number of codes.</summary>
    public const int Size = 1 << CodeBits;

    private const int Magnitudes = Size / 2;

    // The ratio of consecutive magnitudes: 1e6^(1/2047), so that the smallest is a millionth of the largest.
    private const double Step = 1.006771977087714;

    private readonly double[] _bounds;

    private WeightCodebook(float largest)
    {
        Largest = largest;
        Values = new float[Size];
        var magnitude = (double)largest;
        for (var k = Magnitudes - 1; k >= 0; k--)
        {
            Values[k] = (float)magnitude;
            Values[Magnitudes + k] = -(float)magnitude;
            magnitude /= Step;
        }

        _bounds = new double[Magnitudes - 1];
        for (var k = 0; k < _bounds.Length; k++)
        {
            _bounds[k] = Math.Sqrt((double)Values[k] * Values[k + 1]);
        }
    }

    /// <summary>The largest magnitude, the one number a file keeps besides the codes.</summary>
    public float Largest { get; }

    /// <summary>The weight of each code.</summary>
    public float[] Values { get; }

    /// <summary>
    /// The codebook for weights whose largest magnitude is <paramref name="largest"/>: a finite number, at least 0
    /// (0 when there are no weights); anything else is <see cref="InvalidDataException"/>.
    /// </summary>
    public static WeightCodebook For(float largest) =>
        float.IsFinite(largest) && largest >= 0
            ? new WeightCodebook(largest)
            : throw new InvalidDataException($"the largest weight {largest} is not a finite number of at least 0");

    /// <summary>The code of the value nearest <paramref name="weight"/> (on the log scale), or -1 for a zero weight, which is not stored.</summary>
    public int Encode(float weight)
    {
        if (weight == 0 || Largest == 0)
        {
            return -1;
        }

        // The number of bounds below the magnitude is the index of its nearest magnitude.
        var magnitude = Math.Abs((double)weight);
        int lo = 0, hi = _bounds.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_bounds[mid] < magnitude)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return weight < 0 ? Magnitudes + lo : lo;
    }
}
