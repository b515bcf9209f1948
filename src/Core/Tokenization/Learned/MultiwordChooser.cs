using Pipeline.Training;

namespace Pipeline.Tokenization.Learned;

/// <summary>
/// Decides in context whether an ambiguous surface form is a multiword token (fr "des" after "la plupart" is
/// "de les", before a noun it is a determiner): a two-class averaged perceptron over the form and its neighbouring
/// tokens, lower-cased and hashed.
/// </summary>
internal sealed class MultiwordChooser
{
    public const int Classes = 2;
    public const int MaxFeatures = 8;

    public MultiwordChooser(AveragedPerceptron perceptron)
    {
        Perceptron = perceptron;
    }

    public AveragedPerceptron Perceptron { get; }

    /// <summary>Whether <paramref name="form"/> between <paramref name="previous"/> and <paramref name="next"/> is expanded.</summary>
    public bool Expands(ReadOnlySpan<char> form, ReadOnlySpan<char> previous, ReadOnlySpan<char> next)
    {
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[Classes];
        var count = Features(form, previous, next, features);
        Perceptron.Score(features[..count], scores);
        return scores[1] > scores[0];
    }

    /// <summary>The features of a form in context (empty spans at the edges of the text).</summary>
    public static int Features(ReadOnlySpan<char> form, ReadOnlySpan<char> previous, ReadOnlySpan<char> next, Span<ulong> output)
    {
        var f = CharFeatures.HashLower(form);
        var p = CharFeatures.HashLower(previous);
        var n = CharFeatures.HashLower(next);
        var nextTail = CharFeatures.HashLower(next[Math.Max(0, next.Length - 3)..]);
        var previousTail = CharFeatures.HashLower(previous[Math.Max(0, previous.Length - 3)..]);
        var nextUpper = next.Length > 0 && char.IsUpper(next[0]) ? 1UL : 0UL;
        output[0] = FeatureHash.Of(100, f);
        output[1] = FeatureHash.Of(101, f, p);
        output[2] = FeatureHash.Of(102, f, n);
        output[3] = FeatureHash.Of(103, FeatureHash.Of(0, f, p), n);
        output[4] = FeatureHash.Of(104, f, nextTail);
        output[5] = FeatureHash.Of(105, f, previousTail);
        output[6] = FeatureHash.Of(106, f, nextUpper);
        return 7;
    }
}
