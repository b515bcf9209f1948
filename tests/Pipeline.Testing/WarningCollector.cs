namespace Pipeline.Testing;

/// <summary>Collects the warnings raised while it is alive (from any thread), so a test can assert on them.</summary>
public sealed class WarningCollector : IDisposable
{
    private readonly List<PipelineWarning> _warnings = [];

    /// <summary>Starts listening to <see cref="Warnings.Raised"/>.</summary>
    public WarningCollector() => Warnings.Raised += Collect;

    /// <summary>A copy of the warnings raised so far.</summary>
    public IReadOnlyList<PipelineWarning> All
    {
        get
        {
            lock (_warnings)
            {
                return [.. _warnings];
            }
        }
    }

    /// <summary>Forgets the warnings raised so far.</summary>
    public void Clear()
    {
        lock (_warnings)
        {
            _warnings.Clear();
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => Warnings.Raised -= Collect;

    private void Collect(PipelineWarning warning)
    {
        lock (_warnings)
        {
            _warnings.Add(warning);
        }
    }
}
