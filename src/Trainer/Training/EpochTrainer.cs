using Pipeline.Components;
using Pipeline.Trainer.Evaluation;
using Pipeline.Training;

namespace Pipeline.Trainer.Training;

/// <summary>
/// Runs the training passes of a pipeline. Each epoch visits every group's docs in an order shuffled from the seed
/// and the epoch number alone, so any epoch can be replayed exactly: the same seed always gives the same model.
/// For each doc, components run in pipeline order on an unannotated copy; a learner updates from the gold doc and
/// writes its predictions into the copy, the others only predict. A component that does not learn from a group is
/// left out of that group's pass when no component that runs after it reads what it writes (see
/// <see cref="IDeclaresAttributes"/>): the parser's predictions are not needed while the recognizer learns from IOB2.
/// </summary>
internal sealed class EpochTrainer
{
    private const int ProgressEvery = 64;
    private readonly IReadOnlyList<(string Name, IPipe Pipe)> _pipeline;
    private readonly IReadOnlyList<ExampleGroup> _groups;
    private readonly ulong _seed;
    private readonly bool[][] _runs;

    public EpochTrainer(IReadOnlyList<(string Name, IPipe Pipe)> pipeline, IReadOnlyList<ExampleGroup> groups, ulong seed)
    {
        _pipeline = pipeline;
        _groups = groups;
        _seed = seed;
        _runs = [.. groups.Select(g => ComponentNeeds.ToRun([.. pipeline.Select(p => p.Pipe)], g.Learns))];
    }

    /// <summary>For each group, the components before its last learner that its training pass leaves out.</summary>
    public IEnumerable<(string Group, IReadOnlyList<string> Skipped)> Skipped =>
        _groups.Select((g, i) => (g.Name, (IReadOnlyList<string>)[.. Enumerable.Range(0, g.LastLearner + 1).Where(k => !_runs[i][k]).Select(k => _pipeline[k].Name)]));

    /// <summary>Training examples per epoch, over all groups.</summary>
    public int ExampleCount => _groups.Sum(g => g.Golds.Count);

    /// <summary>One pass over every group; returns each learner's loss. Cancellation is checked between docs.</summary>
    public Dictionary<string, TrainingLoss> Train(int epoch, Action<int>? progress, CancellationToken cancellation)
    {
        var losses = new Dictionary<string, TrainingLoss>(StringComparer.Ordinal);
        var done = 0;
        for (var g = 0; g < _groups.Count; g++)
        {
            var group = _groups[g];
            var order = Enumerable.Range(0, group.Golds.Count).ToArray();
            var random = new SplitMix64(Mix(_seed, epoch, g));
            random.Shuffle(order.AsSpan());
            var last = group.LastLearner;
            var runs = _runs[g];
            for (var k = 0; k <= last; k++)
            {
                if (group.Learns[k])
                {
                    losses.TryAdd(_pipeline[k].Name, default);
                }
            }

            foreach (var index in order)
            {
                cancellation.ThrowIfCancellationRequested();
                var gold = group.Golds[index];
                var predicted = ModelEvaluator.Unannotated(gold);
                for (var k = 0; k <= last; k++)
                {
                    var (name, pipe) = _pipeline[k];
                    if (!runs[k])
                    {
                        continue;
                    }

                    if (group.Learns[k])
                    {
                        var loss = ((ITrainable)pipe).Update(predicted, gold);
                        losses[name] = losses.GetValueOrDefault(name) + loss;
                    }
                    else
                    {
                        predicted = pipe.Process(predicted);
                    }
                }

                if (++done % ProgressEvery == 0)
                {
                    progress?.Invoke(done);
                }
            }
        }

        progress?.Invoke(done);
        return losses;
    }

    private static ulong Mix(ulong seed, int epoch, int group)
    {
        var mixer = new SplitMix64(seed ^ ((ulong)(uint)epoch << 32) ^ (uint)group);
        return mixer.Next();
    }
}
