using Pipeline.Tokens;

namespace Pipeline.Training;

/// <summary>The checks every <see cref="ITrainable.Update"/> makes on its example before it learns from it.</summary>
internal static class TrainingExample
{
    /// <summary>
    /// Both docs are given (else <see cref="ArgumentNullException"/>), training of <paramref name="component"/> has
    /// started (<paramref name="started"/>; E063 otherwise) and the docs have the same tokens (E020 otherwise).
    /// Returns their token count.
    /// </summary>
    public static int Check(Doc predicted, Doc gold, bool started, string component)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        if (!started)
        {
            throw Errors.NotTrained(component);
        }

        if (predicted.Length != gold.Length)
        {
            throw Errors.ArrayShape($"the predicted doc has {predicted.Length} tokens but the gold doc {gold.Length}");
        }

        return predicted.Length;
    }
}
