using System.Numerics.Tensors;
using Pipeline.Tokens;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// What every neural head does around its network: joins the token vectors (<see cref="TokenVectors"/>) with the
/// lexical embeddings into one row per token, applies input dropout, splits the embeddings' gradient back out and
/// turns the gold labels of some rows into the logits' gradient.
/// </summary>
internal static class HeadInputs
{
    /// <summary>Each label's class index (its position in <paramref name="labels"/>).</summary>
    public static Dictionary<string, int> LabelIndex(IEnumerable<string> labels) =>
        labels.Index().ToDictionary(l => l.Item, l => l.Index, StringComparer.Ordinal);

    /// <summary>Row i: token i's vector ([tokens, width]) then its embeddings ([tokens, lexical]).</summary>
    public static float[] Join(ReadOnlySpan<float> vectors, int width, float[] embedded, int lexical, int tokens)
    {
        if (vectors.Length != tokens * width)
        {
            throw TransformerErrors.ShapeMismatch("The token vectors", $"are {vectors.Length} floats; {tokens} tokens of width {width} need {tokens * width}");
        }

        var x = new float[tokens * (width + lexical)];
        for (var i = 0; i < tokens; i++)
        {
            vectors.Slice(i * width, width).CopyTo(x.AsSpan(i * (width + lexical)));
            embedded.AsSpan(i * lexical, lexical).CopyTo(x.AsSpan((i * (width + lexical)) + width));
        }

        return x;
    }

    /// <summary>
    /// With <paramref name="random"/> and a positive <paramref name="rate"/>, zeroes each value of <paramref name="x"/>
    /// with that probability and scales the rest up; returns the mask (null when nothing was dropped).
    /// </summary>
    public static float[]? Dropout(float[] x, Random? random, float rate)
    {
        if (random is null || rate <= 0)
        {
            return null;
        }

        var mask = new float[x.Length];
        var keep = 1 / (1 - rate);
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextSingle() < rate ? 0 : keep;
        }

        TensorPrimitives.Multiply(x, mask, x);
        return mask;
    }

    /// <summary>The embeddings' part ([tokens, lexical]) of the joined rows' gradient <paramref name="dx"/>.</summary>
    public static float[] EmbeddingGradient(float[] dx, int width, int lexical, int tokens)
    {
        var dEmbedded = new float[tokens * lexical];
        for (var i = 0; i < tokens; i++)
        {
            dx.AsSpan((i * (width + lexical)) + width, lexical).CopyTo(dEmbedded.AsSpan(i * lexical));
        }

        return dEmbedded;
    }

    /// <summary>
    /// The gradient of the mean softmax cross-entropy of rows <paramref name="rows"/> of <paramref name="logits"/>
    /// ([tokens, classes]) against their <paramref name="golds"/>; the other rows get none.
    /// </summary>
    public static float[] RowsGradient(float[] logits, int classes, IReadOnlyList<int> rows, IReadOnlyList<int> golds)
    {
        var picked = new float[rows.Count * classes];
        for (var j = 0; j < rows.Count; j++)
        {
            logits.AsSpan(rows[j] * classes, classes).CopyTo(picked.AsSpan(j * classes));
        }

        var dPicked = new float[picked.Length];
        SoftmaxCrossEntropy.Loss(picked, classes, [.. golds], dPicked);
        var dLogits = new float[logits.Length];
        for (var j = 0; j < rows.Count; j++)
        {
            dPicked.AsSpan(j * classes, classes).CopyTo(dLogits.AsSpan(rows[j] * classes));
        }

        return dLogits;
    }
}
