using System.Runtime.ExceptionServices;

namespace Pipeline;

/// <summary>
/// Runs batches of an input sequence through a function on several worker threads and yields the results in input
/// order (what <see cref="Language.Pipe"/> does with threads). Each worker takes the next batch as soon as it is
/// free, so a slow batch never leaves the other cores idle behind a pre-assigned share; the only lock is taken once
/// per batch (to read the input, which needs not be thread-safe, and to hand a result over), never per item. Workers
/// stay at most a few batches ahead of the reader, so memory stays bounded for any input length. A failure (or
/// cancellation) surfaces after every result before it, as a sequential run would raise it; stopping early stops the
/// workers.
/// </summary>
internal sealed class ParallelBatches<TIn, TOut> : IDisposable
{
    private readonly object _gate = new();
    private readonly IEnumerator<TIn> _source;
    private readonly int _batchSize;
    private readonly int _window;
    private readonly Action<TIn[], List<TOut>> _process;
    private readonly CancellationToken _cancellation;
    private readonly Dictionary<long, Outcome> _done = [];
    private readonly Thread[] _workers;
    private CancellationTokenRegistration _wakeOnCancel;
    private long _handedOut;
    private long _consumed;
    private bool _noMoreInput;
    private bool _stopping;

    private ParallelBatches(IEnumerable<TIn> source, int batchSize, int threads, Action<TIn[], List<TOut>> process, CancellationToken cancellation)
    {
        _source = source.GetEnumerator();
        _batchSize = batchSize;
        _window = 2 * threads;
        _process = process;
        _cancellation = cancellation;
        _workers = new Thread[threads];
    }

    /// <summary>
    /// Yields the results that <paramref name="process"/> adds to its list for consecutive batches of up to
    /// <paramref name="batchSize"/> items of <paramref name="source"/>, in order, computed by
    /// <paramref name="threads"/> worker threads. When it throws, the results it added before are yielded first.
    /// </summary>
    public static IEnumerable<TOut> Run(IEnumerable<TIn> source, int batchSize, int threads, Action<TIn[], List<TOut>> process, CancellationToken cancellation)
    {
        using var run = new ParallelBatches<TIn, TOut>(source, batchSize, threads, process, cancellation);
        run.Start();
        for (long next = 0; ; next++)
        {
            if (run.Take(next) is not { } outcome)
            {
                yield break;
            }

            foreach (var result in outcome.Results)
            {
                yield return result;
            }

            outcome.Failure?.Throw();
        }
    }

    /// <summary>Stops the workers (they finish the batch in hand), waits for them and releases the input.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        foreach (var worker in _workers)
        {
            worker?.Join();
        }

        _wakeOnCancel.Dispose();
        _source.Dispose();
    }

    private void Start()
    {
        _wakeOnCancel = _cancellation.Register(() =>
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        });
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"Pipeline.Pipe worker {i + 1}" };
            _workers[i].Start();
        }
    }

    // The outcome of batch `index`, once done; null after the last batch.
    private Outcome? Take(long index)
    {
        lock (_gate)
        {
            while (true)
            {
                _cancellation.ThrowIfCancellationRequested();
                if (_done.Remove(index, out var outcome))
                {
                    _consumed = index + 1;
                    Monitor.PulseAll(_gate);
                    return outcome;
                }

                if (_noMoreInput && index >= _handedOut)
                {
                    return null;
                }

                Monitor.Wait(_gate);
            }
        }
    }

    private void Work()
    {
        while (NextBatch() is var (index, batch) && batch is not null)
        {
            var results = new List<TOut>(batch.Length);
            ExceptionDispatchInfo? failure = null;
            try
            {
                _cancellation.ThrowIfCancellationRequested();
                _process(batch, results);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }

            lock (_gate)
            {
                _done[index] = new Outcome(results, failure);

                // No batch after a failed one is started: the reader stops at the failure anyway.
                _noMoreInput |= failure is not null;

                Monitor.PulseAll(_gate);
            }
        }
    }

    // Reads the next batch under the lock, waiting while the workers are a window ahead of the reader.
    private (long Index, TIn[]? Batch) NextBatch()
    {
        lock (_gate)
        {
            while (!_stopping && !_noMoreInput && _handedOut - _consumed >= _window && !_cancellation.IsCancellationRequested)
            {
                Monitor.Wait(_gate);
            }

            if (_stopping || _noMoreInput)
            {
                return (-1, null);
            }

            var batch = new List<TIn>(Math.Min(_batchSize, 1024));
            ExceptionDispatchInfo? inputFailure = null;
            try
            {
                while (batch.Count < _batchSize && _source.MoveNext())
                {
                    batch.Add(_source.Current);
                }
            }
            catch (Exception e)
            {
                inputFailure = ExceptionDispatchInfo.Capture(e);
            }

            _noMoreInput = inputFailure is not null || batch.Count < _batchSize;
            var index = batch.Count == 0 ? -1 : _handedOut++;
            if (inputFailure is not null)
            {
                // The input's own failure comes after the items it gave before it.
                _done[_handedOut++] = new Outcome([], inputFailure);
            }

            Monitor.PulseAll(_gate);
            if (index < 0)
            {
                return (-1, null);
            }

            return (index, [.. batch]);
        }
    }

    // What a batch gave: its results, then its failure if it failed.
    private sealed record Outcome(List<TOut> Results, ExceptionDispatchInfo? Failure);
}
