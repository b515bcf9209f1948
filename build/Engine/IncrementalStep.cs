namespace Pipeline.Build.Engine;

/// <summary>
/// A piece of work (a target's, or one model's within a target) that declares its inputs and outputs so the engine
/// decides whether it must run: it is up to date when its stamp holds the hash of the same inputs and every output
/// exists. <see cref="Run{T}"/> removes the stamp first and writes it only after the work succeeded and left its
/// outputs, so an interrupted or failed run is never taken for a finished one.
/// </summary>
internal sealed class IncrementalStep
{
    private readonly List<(string Name, string Path)> _outputs = [];

    /// <summary>Declares a step named <paramref name="name"/> whose stamp is kept at <paramref name="stampPath"/>.</summary>
    /// <param name="name">What the step does, for the stamp and messages ("train", "evaluate", "package").</param>
    /// <param name="stampPath">The stamp file, next to the outputs.</param>
    /// <param name="inputs">What the outputs depend on.</param>
    /// <param name="neverRun">The reason given when there is no stamp yet ("never trained").</param>
    public IncrementalStep(string name, string stampPath, StepInputs inputs, string? neverRun = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(stampPath);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        StampPath = stampPath;
        Inputs = inputs;
        NeverRun = neverRun ?? $"never run ({name})";
    }

    /// <summary>What the step does.</summary>
    public string Name { get; }

    /// <summary>Where the stamp of the last successful run is kept.</summary>
    public string StampPath { get; }

    /// <summary>The declared inputs.</summary>
    public StepInputs Inputs { get; }

    /// <summary>The reason given when there is no stamp yet.</summary>
    public string NeverRun { get; }

    /// <summary>The declared outputs: a name for messages ("no model-best") and a file or folder path.</summary>
    public IReadOnlyList<(string Name, string Path)> Outputs => _outputs;

    /// <summary>Declares an output file or folder that a successful run leaves; a missing one makes the step run again.</summary>
    public IncrementalStep Output(string name, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(path);
        _outputs.Add((name, path));
        return this;
    }

    /// <summary>The stamp of the declared inputs.</summary>
    public StepStamp Stamp() => new(Inputs.Values);

    /// <summary>
    /// Why the step must run, or null when it is up to date: "--force", <see cref="NeverRun"/>, "changed: a, b"
    /// (the inputs whose hash or value differs from the stamp), or "no &lt;output&gt;" (a declared output is missing).
    /// </summary>
    public string? Reason(bool force)
    {
        if (force)
        {
            return "--force";
        }

        var earlier = StepStamp.Read(StampPath);
        if (earlier is null)
        {
            return NeverRun;
        }

        var changed = Stamp().ChangedSince(earlier);
        if (changed.Count > 0)
        {
            return "changed: " + string.Join(", ", changed);
        }

        var missing = _outputs.Where(o => !Path.Exists(o.Path)).Select(o => o.Name).ToList();
        return missing.Count > 0 ? "no " + string.Join(", no ", missing) : null;
    }

    /// <summary>
    /// Runs <paramref name="work"/>: removes the stamp, runs it, checks that every declared output exists, then writes
    /// the stamp of the inputs as declared (hashed before the run, so an input changed meanwhile runs again next time).
    /// When the work throws, or is cancelled, no stamp is left.
    /// </summary>
    public T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var stamp = Stamp();
        if (File.Exists(StampPath))
        {
            File.Delete(StampPath);
        }

        var result = work();
        var missing = _outputs.Where(o => !Path.Exists(o.Path)).Select(o => $"{o.Name} ({o.Path})").ToList();
        if (missing.Count > 0)
        {
            throw new BuildException($"The {Name} step finished without its output: {string.Join(", ", missing)}.");
        }

        stamp.Write(StampPath, Name);
        return result;
    }
}
