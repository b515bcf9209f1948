namespace Pipeline.Transformers.Neural;

/// <summary>A trainable array of weights with the gradient that backward passes accumulate into it.</summary>
public sealed class Parameter
{
    /// <summary>Creates a parameter of <paramref name="size"/> zeros.</summary>
    public Parameter(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Value = new float[size];
        Gradient = new float[size];
    }

    /// <summary>The weights.</summary>
    public float[] Value { get; }

    /// <summary>The loss's gradient with respect to <see cref="Value"/>, summed over backward passes since the last <see cref="ZeroGradient"/>.</summary>
    public float[] Gradient { get; }

    /// <summary>Clears <see cref="Gradient"/> (optimizers do it after each step).</summary>
    public void ZeroGradient() => Array.Clear(Gradient);
}
