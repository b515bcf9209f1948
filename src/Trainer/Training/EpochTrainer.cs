using System.Collections.Concurrent;
using Pipeline.Components;
using Pipeline.Tokens;
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
/// With <see cref="Pipelined"/>, the last component of a pass runs beside the others.
/// </summary>
internal sealed class EpochTrainer
{
    private const int ProgressEvery = 64;
    private const int QueueLength = 256;
    private readonly IReadOnlyList<(string Name, IPipe Pipe)> _pipeline;
    private readonly IReadOnlyList<ExampleGroup> _groups;
    private readonly ulong _seed;
    private readonly int[][] _steps;

    public EpochTrainer(IReadOnlyList<(string Name, IPipe Pipe)> pipeline, IReadOnlyList<ExampleGroup> groups, ulong seed)
    {
        _pipeline = pipeline;
        _groups = groups;
        _seed = seed;
        IPipe[] pipes = [.. pipeline.Select(p => p.Pipe)];
        _steps = [.. groups.Select(g => ComponentNeeds.ToRun(pipes, g.Learns).Index().Where(r => r.Item).Select(r => r.Index).ToArray())];
    }

    /// <summary>For each group, the components before its last learner that its training pass leaves out.</summary>
    public IEnumerable<(string Group, IReadOnlyList<string> Skipped)> Skipped =>
        _groups.Select((g, i) => (g.Name, (IReadOnlyList<string>)[.. Enumerable.Range(0, g.LastLearner + 1).Except(_steps[i]).Select(k => _pipeline[k].Name)]));

    /// <summary>Training examples per epoch, over all groups.</summary>
    public int ExampleCount => _groups.Sum(g => g.Golds.Count);

    /// <summary>
    /// Whether a pass runs its last component on the calling thread while the components before it work ahead on
    /// a thread of their own. Each component still sees every doc in the same order with the same input, so the
    /// models are the same bytes either way.
    /// </summary>
    public bool Pipelined { get; init; }

    /// <summary>One pass over every group; returns each learner's loss. Cancellation is checked between docs.</summary>
    public Dictionary<string, TrainingLoss> Train(int epoch, Action<int>? progress, CancellationToken cancellation)
    {
        var losses = new Dictionary<string, TrainingLoss>(StringComparer.Ordinal);
        var done = 0;
        for (var g = 0; g < _groups.Count; g++)
        {
            var group = _groups[g];
            var order = group.Golds.ToArray();
            var random = new SplitMix64(Mix(_seed, epoch, g));
            random.Shuffle(order.AsSpan());
            var steps = _steps[g];
            foreach (var k in steps.Where(k => group.Learns[k]))
            {
                losses.TryAdd(_pipeline[k].Name, default);
            }

            void Trained()
            {
                if (++done % ProgressEvery == 0)
                {
                    progress?.Invoke(done);
                }
            }

            if (Pipelined && steps.Length > 1)
            {
                TrainPipelined(group.Learns, order, steps[..^1], steps[^1..], losses, Trained, cancellation);
            }
            else
            {
                foreach (var gold in order)
                {
                    cancellation.ThrowIfCancellationRequested();
                    Run(steps, group.Learns, ModelEvaluator.Unannotated(gold), gold, losses);
                    Trained();
                }
            }
        }

        progress?.Invoke(done);
        return losses;
    }

    // The first stage runs on a thread of its own (not the pool's, which the build's parallel trainings fill), a
    // bounded number of docs ahead; the calling thread runs the second stage and reports progress. The error raised
    // is the one a sequential pass meets first: a failure in the second stage comes from an earlier doc than any
    // failure of the first stage after it, and a failure of the first stage surfaces once the docs before it are done.
    private void TrainPipelined(
        bool[] learns, Doc[] order, int[] first, int[] second, Dictionary<string, TrainingLoss> losses, Action trained, CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var handoff = new BlockingCollection<(Doc Predicted, Doc Gold)>(QueueLength);
        var firstLosses = new Dictionary<string, TrainingLoss>(StringComparer.Ordinal);
        var worker = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var gold in order)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    handoff.Add((Run(first, learns, ModelEvaluator.Unannotated(gold), gold, firstLosses), gold), stop.Token);
                }
            }
            finally
            {
                handoff.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            foreach (var (predicted, gold) in handoff.GetConsumingEnumerable(cancellation))
            {
                Run(second, learns, predicted, gold, losses);
                trained();
            }
        }
        catch
        {
            stop.Cancel();
            try
            {
                worker.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // A later doc's failure, or the cancellation just asked for: the earlier error wins.
            }

            throw;
        }

        worker.GetAwaiter().GetResult();
        foreach (var (name, loss) in firstLosses)
        {
            losses[name] += loss;
        }
    }

    // Runs the given components over one doc: learners update from the gold doc, the others predict.
    private Doc Run(int[] steps, bool[] learns, Doc predicted, Doc gold, Dictionary<string, TrainingLoss> losses)
    {
        foreach (var k in steps)
        {
            var (name, pipe) = _pipeline[k];
            if (learns[k])
            {
                losses[name] = losses.GetValueOrDefault(name) + ((ITrainable)pipe).Update(predicted, gold);
            }
            else
            {
                predicted = pipe.Process(predicted);
            }
        }

        return predicted;
    }

    private static ulong Mix(ulong seed, int epoch, int group)
    {
        var mixer = new SplitMix64(seed ^ ((ulong)(uint)epoch << 32) ^ (uint)group);
        return mixer.Next();
    }
}
