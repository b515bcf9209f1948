using System.Collections.Concurrent;
using Pipeline.Components;
using Pipeline.Tokens;

namespace Pipeline.Training;

/// <summary>
/// Runs the training passes of a pipeline. Each epoch visits every group's docs in an order shuffled from the seed
/// and the epoch number alone, so any epoch can be replayed exactly: the same seed always gives the same model.
/// For each doc, components run in pipeline order on an unannotated copy; a learner updates from the gold doc and
/// writes its predictions into the copy, the others only predict. A component that does not learn from a group is
/// left out of that group's pass when no component that runs after it reads what it writes (see
/// <see cref="IDeclaresAttributes"/>): the parser's predictions are not needed while the recognizer learns from IOB2.
/// With <see cref="Pipelined"/>, the last component of a pass runs beside the others. Get one from
/// <see cref="Language.BeginTraining(IReadOnlyList{Doc}, ulong)"/>, which also initializes the components; every
/// learner implements <see cref="ITrainable"/>, the one training contract of a component.
/// </summary>
public sealed class PipelineTrainer
{
    private const int ProgressEvery = 64;
    private const int QueueLength = 256;
    private readonly IReadOnlyList<(string Name, IPipe Pipe)> _pipeline;
    private readonly IReadOnlyList<ExampleGroup> _groups;
    private readonly ulong _seed;
    private readonly int[][] _steps;

    /// <summary>
    /// A trainer over components already initialized (<see cref="ITrainable.Initialize"/>); each group's
    /// <see cref="ExampleGroup.Learns"/> has one entry per component, true only for <see cref="ITrainable"/> ones.
    /// </summary>
    public PipelineTrainer(IReadOnlyList<(string Name, IPipe Pipe)> pipeline, IReadOnlyList<ExampleGroup> groups, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(groups);
        foreach (var group in groups)
        {
            ArgumentNullException.ThrowIfNull(group);
            if (group.Learns.Length != pipeline.Count)
            {
                throw new ArgumentException(
                    $"Group '{group.Name}' says for {group.Learns.Length} component(s) whether they learn, but the pipeline has {pipeline.Count}.", nameof(groups));
            }

            var notTrainable = group.Learns.Index().FirstOrDefault(l => l.Item && pipeline[l.Index].Pipe is not ITrainable);
            if (notTrainable.Item)
            {
                throw new ArgumentException(
                    $"Group '{group.Name}' has '{pipeline[notTrainable.Index].Name}' learn, but it does not implement ITrainable.", nameof(groups));
            }
        }

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
    public bool Pipelined { get; set; }

    /// <summary>
    /// Trains <paramref name="epochs"/> epochs (0 to epochs - 1, see <see cref="TrainEpoch"/>), then ends training
    /// (<see cref="Finish"/>). <paramref name="onEpoch"/> gets each epoch's number and losses, before averaging; a
    /// component saved from it is a checkpoint. Returns every epoch's losses.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, TrainingLoss>> Train(
        int epochs, Action<int, IReadOnlyDictionary<string, TrainingLoss>>? onEpoch = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var all = new List<IReadOnlyDictionary<string, TrainingLoss>>(epochs);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var losses = TrainEpoch(epoch, null, cancellation);
            all.Add(losses);
            onEpoch?.Invoke(epoch, losses);
        }

        Finish();
        return all;
    }

    /// <summary>
    /// Learns from <paramref name="golds"/> in the order given, as one batch of spaCy's <c>nlp.update</c>: every
    /// <see cref="ITrainable"/> component of the pipeline updates from each gold doc, the others run when a learner
    /// reads their output. Adds each learner's loss to <paramref name="losses"/>. Use it to write one's own loop;
    /// <see cref="TrainEpoch"/> is the shuffled, replayable one.
    /// </summary>
    public void Update(IEnumerable<Doc> golds, IDictionary<string, TrainingLoss> losses, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(golds);
        ArgumentNullException.ThrowIfNull(losses);
        bool[] learns = [.. _pipeline.Select(p => p.Pipe is ITrainable)];
        IPipe[] pipes = [.. _pipeline.Select(p => p.Pipe)];
        int[] steps = [.. ComponentNeeds.ToRun(pipes, learns).Index().Where(r => r.Item).Select(r => r.Index)];
        foreach (var gold in golds)
        {
            ArgumentNullException.ThrowIfNull(gold);
            cancellation.ThrowIfCancellationRequested();
            Run(steps, learns, gold.Unannotated(), gold, losses);
        }
    }

    /// <summary>Ends training: every learner averages its weights (<see cref="ITrainable.FinishTraining"/>).</summary>
    public void Finish()
    {
        foreach (var (_, pipe) in _pipeline)
        {
            (pipe as ITrainable)?.FinishTraining();
        }
    }

    /// <summary>
    /// One pass over every group, in an order shuffled from the seed, the epoch and the group alone (so any epoch
    /// can be replayed); returns each learner's loss. <paramref name="progress"/> hears how many docs are done now
    /// and then. Cancellation is checked between docs.
    /// </summary>
    public Dictionary<string, TrainingLoss> TrainEpoch(int epoch, Action<int>? progress = null, CancellationToken cancellation = default)
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
                    Run(steps, group.Learns, gold.Unannotated(), gold, losses);
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
                    handoff.Add((Run(first, learns, gold.Unannotated(), gold, firstLosses), gold), stop.Token);
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
    private Doc Run(int[] steps, bool[] learns, Doc predicted, Doc gold, IDictionary<string, TrainingLoss> losses)
    {
        foreach (var k in steps)
        {
            var (name, pipe) = _pipeline[k];
            if (learns[k])
            {
                losses[name] = (losses.TryGetValue(name, out var sum) ? sum : default) + ((ITrainable)pipe).Update(predicted, gold);
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
