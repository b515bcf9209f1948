using System.Numerics.Tensors;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// Softmax over each row of scores followed by the negative log-likelihood of the gold class, averaged over rows:
/// the loss of a classifier head (tags, labels, entity actions).
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>
    /// Returns the mean loss of <paramref name="logits"/> ([rows, classes]) against <paramref name="gold"/> (one class
    /// per row) and writes its gradient with respect to the logits, (softmax - onehot) / rows, into <paramref name="dLogits"/>.
    /// </summary>
    public static float Loss(ReadOnlySpan<float> logits, int classes, ReadOnlySpan<int> gold, Span<float> dLogits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var rows = gold.Length;
        if (logits.Length != rows * classes || dLogits.Length != logits.Length)
        {
            throw TransformerErrors.ShapeMismatch("The logits", $"have {logits.Length} values and their gradient {dLogits.Length}; both must be {rows} rows of {classes}");
        }

        var loss = 0.0;
        for (var r = 0; r < rows; r++)
        {
            if ((uint)gold[r] >= (uint)classes)
            {
                throw TransformerErrors.ShapeMismatch($"Gold class {gold[r]} of row {r}", $"is outside 0..{classes - 1}");
            }

            // Shifted by the row's maximum first: TensorPrimitives.SoftMax exponentiates as given, which overflows
            // (inf / inf = NaN) once a score passes about 88.
            var probabilities = dLogits.Slice(r * classes, classes);
            var row = logits.Slice(r * classes, classes);
            TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), probabilities);
            TensorPrimitives.SoftMax(probabilities, probabilities);
            loss -= Math.Log(Math.Max(probabilities[gold[r]], 1e-30f));
            probabilities[gold[r]] -= 1;
        }

        if (rows > 0)
        {
            TensorPrimitives.Multiply(dLogits, 1f / rows, dLogits);
        }

        return rows == 0 ? 0 : (float)(loss / rows);
    }
}
