using System.Numerics.Tensors;

namespace Pipeline.Transformers.Neural;

/// <summary>
/// The Adam optimizer (Kingma and Ba): per weight, running means of the gradient and of its square, with bias
/// correction, scale each step. <see cref="Step"/> applies the accumulated gradients and clears them.
/// </summary>
public sealed class Adam
{
    private readonly Parameter[] _parameters;
    private readonly float[][] _m;
    private readonly float[][] _v;
    private readonly float[] _scratch;
    private int _t;

    /// <summary>Creates an optimizer over <paramref name="parameters"/>.</summary>
    public Adam(IEnumerable<Parameter> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        _m = Array.ConvertAll(_parameters, p => new float[p.Value.Length]);
        _v = Array.ConvertAll(_parameters, p => new float[p.Value.Length]);
        _scratch = new float[_parameters.Length == 0 ? 0 : _parameters.Max(p => p.Value.Length)];
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>The step size; may be changed between steps (e.g. for a schedule).</summary>
    public float LearningRate { get; set; }

    /// <summary>The decay of the gradient's running mean.</summary>
    public float Beta1 { get; }

    /// <summary>The decay of the squared gradient's running mean.</summary>
    public float Beta2 { get; }

    /// <summary>Added to the denominator so that weights with tiny gradients do not take huge steps.</summary>
    public float Epsilon { get; }

    /// <summary>The number of steps taken.</summary>
    public int Steps => _t;

    /// <summary>Updates every parameter from its gradient, then zeroes the gradients.</summary>
    public void Step()
    {
        _t++;
        var correction1 = 1 - MathF.Pow(Beta1, _t);
        var correction2 = 1 - MathF.Pow(Beta2, _t);
        var stepSize = LearningRate * MathF.Sqrt(correction2) / correction1;
        var epsilon = Epsilon * MathF.Sqrt(correction2);
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            var m = _m[i];
            var v = _v[i];
            var g = p.Gradient;
            TensorPrimitives.Multiply(m, Beta1, m);
            TensorPrimitives.MultiplyAdd(g, 1 - Beta1, m, m);
            var squared = _scratch.AsSpan(0, g.Length);
            TensorPrimitives.Multiply(g, g, squared);
            TensorPrimitives.Multiply(v, Beta2, v);
            TensorPrimitives.MultiplyAdd(squared, 1 - Beta2, v, v);

            // w -= stepSize * m / (sqrt(v) + epsilon), with squared reused as the update.
            TensorPrimitives.Sqrt(v, squared);
            TensorPrimitives.Add(squared, epsilon, squared);
            TensorPrimitives.Divide(m, squared, squared);
            TensorPrimitives.MultiplyAdd(squared, -stepSize, p.Value, p.Value);
            p.ZeroGradient();
        }
    }
}
