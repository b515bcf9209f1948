namespace Pipeline.Build.Models;

/// <summary>What a per-model step (training, packaging) did to each model.</summary>
internal sealed class ModelReport
{
    private readonly string _verb;

    /// <summary>Creates a report whose summary says "<paramref name="verb"/>" for the models worked on ("trained").</summary>
    public ModelReport(string verb) => _verb = verb;

    /// <summary>Models worked on in this run.</summary>
    public List<string> Done { get; } = [];

    /// <summary>Models whose stamp matched, left as they were.</summary>
    public List<string> UpToDate { get; } = [];

    /// <summary>Models that failed, with the reason.</summary>
    public List<(string Model, string Reason)> Failed { get; } = [];

    /// <summary>A one-line summary for the summary table.</summary>
    public string Summary =>
        $"{Done.Count} {_verb}, {UpToDate.Count} up to date" + (Failed.Count > 0 ? $", {Failed.Count} failed ({string.Join(", ", Failed.Select(f => f.Model))})" : string.Empty);

    /// <summary>Each failure as "model: reason", for the error that fails the target.</summary>
    public string Failures => string.Join("; ", Failed.Select(f =>
        f.Reason.StartsWith(f.Model + ":", StringComparison.Ordinal) ? f.Reason : $"{f.Model}: {f.Reason}"));
}
