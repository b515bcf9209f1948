namespace Pipeline.Tokens;

public sealed partial class Doc
{
    private float[]? _tensor;

    /// <summary>
    /// One vector per token set by an encoder component (spaCy's <c>doc.tensor</c>), row-major: token i's vector is
    /// <c>Tensor[(i * TensorWidth)..((i + 1) * TensorWidth)]</c>. Null until a component sets it; not saved in DocBins.
    /// </summary>
    public float[]? Tensor => _tensor;

    /// <summary>The length of each token's vector in <see cref="Tensor"/> (0 when none is set).</summary>
    public int TensorWidth { get; private set; }

    /// <summary>Sets <see cref="Tensor"/>: <paramref name="values"/> holds <see cref="Length"/> rows of <paramref name="width"/> floats (adopted, not copied).</summary>
    public void SetTensor(float[] values, int width)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (width < 1 || values.Length != (long)width * Length)
        {
            throw Errors.ArrayShape($"a tensor of {values.Length} floats with width {width} does not give one row per token ({Length} tokens)");
        }

        _tensor = values;
        TensorWidth = width;
    }

    /// <summary>Token <paramref name="i"/>'s row of <see cref="Tensor"/> (empty when no tensor is set).</summary>
    public ReadOnlySpan<float> TokenVector(int i)
    {
        if ((uint)i >= (uint)Length)
        {
            throw Errors.SpanOutOfRange(i, i + 1, Length);
        }

        return _tensor is null ? [] : _tensor.AsSpan(i * TensorWidth, TensorWidth);
    }
}
