using Pipeline.Components;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Trainer.Training;

/// <summary>
/// Chooses model-best's epochs (<see cref="ModelBestChoice"/>) from a run's epoch results. With
/// <see cref="ModelBestMode.Epoch"/> it is the first epoch with the highest weighted score. With
/// <see cref="ModelBestMode.PerComponent"/> each trainable component gets the first epoch with the highest score under
/// the run's weights kept on the scores of what it writes (<see cref="IDeclaresAttributes.Writes"/>, as
/// <see cref="ScoreWeights.For"/> maps them); a component without a positively weighted score of its own, or whose
/// scores no epoch has, follows the overall best epoch.
/// </summary>
internal sealed class ComponentBest
{
    private readonly ScoreWeights _weights;
    private readonly List<(string Name, ScoreWeights? Weights)> _components;

    /// <summary>A chooser for trainable components named with what they write (null: declares nothing, so no score of its own).</summary>
    public ComponentBest(ModelBestMode mode, ScoreWeights weights, IEnumerable<(string Name, IReadOnlyList<Attr>? Writes)> components)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(components);
        Mode = mode;
        _weights = weights;
        _components = components.Select(c => (c.Name, c.Writes is null ? null : weights.For(c.Writes.ToHashSet()))).ToList();
    }

    /// <summary>How model-best is made.</summary>
    public ModelBestMode Mode { get; }

    /// <summary>A chooser for the trainable components of <paramref name="nlp"/>'s pipeline.</summary>
    public static ComponentBest Of(ModelBestMode mode, ScoreWeights weights, Language nlp) =>
        new(mode, weights, nlp.Pipeline.Where(p => p.Pipe is ITrainable).Select(p => (p.Name, (p.Pipe as IDeclaresAttributes)?.Writes)));

    /// <summary>The first epoch with the highest weighted score, or null when there is none.</summary>
    public static int? BestEpoch(IReadOnlyList<EpochResult> epochs) => First(epochs, e => e.Score);

    /// <summary>Model-best's epochs over <paramref name="epochs"/>, or null when there is none.</summary>
    public ModelBestChoice? Choose(IReadOnlyList<EpochResult> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        if (BestEpoch(epochs) is not { } best)
        {
            return null;
        }

        var components = new Dictionary<string, int>(StringComparer.Ordinal);
        if (Mode == ModelBestMode.PerComponent)
        {
            foreach (var (name, weights) in _components)
            {
                var scored = weights is not null && epochs.Any(e => weights.Weights.Keys.Any(e.Accuracy.ContainsKey));
                components[name] = scored ? First(epochs, e => weights!.Score(e.Accuracy))!.Value : best;
            }
        }

        return new ModelBestChoice(best, components);
    }

    /// <summary>The weights as text for the run's settings line.</summary>
    public override string ToString() => Mode == ModelBestMode.Epoch
        ? $"model-best by {_weights}"
        : $"model-best per component ({string.Join("; ", _components.Select(c => $"{c.Name} by {c.Weights?.ToString() ?? "the overall score"}"))})";

    // The first index with the highest value: ties go to the earliest epoch.
    private static int? First(IReadOnlyList<EpochResult> epochs, Func<EpochResult, double> value)
    {
        int? best = null;
        var top = double.NegativeInfinity;
        for (var i = 0; i < epochs.Count; i++)
        {
            var v = value(epochs[i]);
            if (best is null || v > top)
            {
                (best, top) = (i, v);
            }
        }

        return best;
    }
}
