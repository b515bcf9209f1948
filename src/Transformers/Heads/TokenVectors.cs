using Pipeline.Tokens;

namespace Pipeline.Transformers.Heads;

/// <summary>The encoder's vectors a neural head reads from a doc, checked against the width it was trained on.</summary>
internal static class TokenVectors
{
    /// <summary>
    /// Returns <paramref name="doc"/>'s vectors; E269 naming <paramref name="component"/> when the doc has none or
    /// they are not <paramref name="width"/> wide.
    /// </summary>
    public static ReadOnlySpan<float> Of(string component, Doc doc, int width)
    {
        if (doc.Tensor is null)
        {
            throw TransformerErrors.NoVectors(component, "got a doc without token vectors (doc.Tensor is not set)");
        }

        return doc.TensorWidth == width ? doc.Tensor
            : throw TransformerErrors.NoVectors(component, $"was trained on vectors of width {width}, but the doc's are {doc.TensorWidth} wide");
    }

    /// <summary>The width of the vectors of a doc to train on (E269 when it has none), before the network exists.</summary>
    public static int WidthToTrain(string component, Doc doc) =>
        doc.Tensor is null ? throw TransformerErrors.NoVectors(component, "got a doc without token vectors to train on") : doc.TensorWidth;
}
