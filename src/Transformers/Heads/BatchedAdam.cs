using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// How the neural heads step their optimizer: gradients add up over <c>batch</c> docs, then one <see cref="Adam"/>
/// step (then <paramref name="stepped"/> with the step count, e.g. to average the weights); <see cref="Finish"/>
/// applies what is left at the end of training.
/// </summary>
internal sealed class BatchedAdam(IEnumerable<Parameter> parameters, float learningRate, int batch, Action<int>? stepped = null)
{
    private readonly Adam _adam = new(parameters, learningRate);
    private int _pending;

    /// <summary>The step size of the next steps (a schedule may change it between steps).</summary>
    public float LearningRate
    {
        get => _adam.LearningRate;
        set => _adam.LearningRate = value;
    }

    /// <summary>Counts a doc whose gradients were added; steps when <c>batch</c> have been.</summary>
    public void Added()
    {
        if (++_pending >= batch)
        {
            Step();
        }
    }

    /// <summary>Steps with the gradients of the docs added since the last step, if any.</summary>
    public void Finish()
    {
        if (_pending > 0)
        {
            Step();
        }
    }

    private void Step()
    {
        _adam.Step();
        _pending = 0;
        stepped?.Invoke(_adam.Steps);
    }
}
