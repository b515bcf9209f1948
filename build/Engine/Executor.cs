using System.Diagnostics;

namespace Pipeline.Build.Engine;

/// <summary>
/// Runs a build: parses the command line, answers <c>--help</c> and <c>--plan</c>, binds parameters, checks
/// requirements, runs the planned targets in order (honouring <c>--skip</c> and <c>OnlyWhen</c>), stops after a
/// failure (or, with <c>--continue</c>, runs what does not depend on it), prints the summary and returns the exit
/// code: 0 success, 1 failure, 2 a bad command line or parameter, 130 cancelled.
/// </summary>
public sealed class Executor
{
    /// <summary>The exit code of a build stopped by Ctrl-C.</summary>
    public const int CancelledExitCode = 130;

    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly IReadOnlyDictionary<string, string> _environment;

    /// <summary>Creates an executor writing to <paramref name="output"/> and <paramref name="error"/>, reading <paramref name="environment"/>.</summary>
    public Executor(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string> environment)
    {
        _out = output;
        _error = error;
        _environment = environment;
    }

    /// <summary>The results of the last run, one per planned target.</summary>
    public IReadOnlyList<TargetResult> Results { get; private set; } = [];

    /// <summary>Runs <paramref name="build"/> with <paramref name="args"/>; <paramref name="defaultTarget"/> runs when none is named.</summary>
    public async Task<int> RunAsync(BuildBase build, IReadOnlyList<string> args, Func<BuildBase, Target> defaultTarget, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(defaultTarget);
        build.Log = _out;
        TargetGraph graph;
        CommandLine commandLine;
        IReadOnlyList<TargetDefinition> plan;
        HashSet<string> skipped;
        string defaultName;
        try
        {
            commandLine = CommandLine.Parse(args);

            // Parameters are bound before the targets are declared, so that declarations may use them (Produces paths).
            if (!commandLine.Help)
            {
                ParameterBinder.Bind(build, commandLine, _environment, Path.Combine(build.RootDirectory, ".nuke", "parameters.json"), _error);
                build.CheckParameters();
            }

            graph = TargetGraph.Of(build);
            defaultName = graph.NameOf(defaultTarget(build));
            SchemaGenerator.Update(build.GetType(), graph, Path.Combine(build.RootDirectory, ".nuke", SchemaGenerator.FileName));
            if (commandLine.Help)
            {
                HelpWriter.Write(_out, build, graph, defaultName);
                return 0;
            }

            var invoked = commandLine.Targets.Count > 0 ? commandLine.Targets : [defaultName];
            plan = graph.Plan(invoked);
            skipped = Skipped(graph, commandLine, invoked, plan);
            if (commandLine.Plan)
            {
                HelpWriter.WritePlan(_out, plan, skipped);
                build.DescribePlan(_out, plan.Select(t => t.Name).Where(n => !skipped.Contains(n)).ToHashSet(StringComparer.Ordinal));
                return 0;
            }

            CheckRequirements(build, plan.Where(t => !skipped.Contains(t.Name)));
        }
        catch (BuildException e)
        {
            _error.WriteLine($"error: {e.Message}");
            return 2;
        }

        // One build per output folder: a second build stops here, naming the one that holds the lock (E180).
        IDisposable? locks;
        try
        {
            locks = build.LockOutputs(plan.Where(t => !skipped.Contains(t.Name)).Select(t => t.Name).ToList());
        }
        catch (PipelineException e)
        {
            _error.WriteLine($"error: {e.Message}");
            return 1;
        }

        using (locks)
        {
            Results = await ExecuteAsync(plan, skipped, commandLine.Continue, build, cancellation).ConfigureAwait(false);
        }

        SummaryTable.Write(_out, Results);
        if (Results.Any(r => r.Status == TargetStatus.Cancelled) || cancellation.IsCancellationRequested)
        {
            _out.WriteLine("Build cancelled.");
            return CancelledExitCode;
        }

        var failed = Results.Where(r => r.Status == TargetStatus.Failed).Select(r => r.Name).ToList();
        _out.WriteLine(failed.Count == 0 ? "Build succeeded." : $"Build failed: {string.Join(", ", failed)}.");
        return failed.Count == 0 ? 0 : 1;
    }

    private static HashSet<string> Skipped(TargetGraph graph, CommandLine commandLine, IReadOnlyList<string> invoked, IReadOnlyList<TargetDefinition> plan)
    {
        if (commandLine.Skip is null)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        if (commandLine.Skip.Count == 0)
        {
            var named = invoked.Select(n => graph.Find(n).Name).ToHashSet(StringComparer.Ordinal);
            return plan.Select(t => t.Name).Where(n => !named.Contains(n)).ToHashSet(StringComparer.Ordinal);
        }

        return commandLine.Skip.Select(n => graph.Find(n).Name).ToHashSet(StringComparer.Ordinal);
    }

    private static void CheckRequirements(BuildBase build, IEnumerable<TargetDefinition> targets)
    {
        var parameters = ParameterBinder.Describe(build.GetType()).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var target in targets)
        {
            foreach (var name in target.RequiredParameters)
            {
                if (!parameters.TryGetValue(name, out var parameter))
                {
                    throw new BuildException($"Target {target.Name} requires parameter '{name}', which the build does not declare.");
                }

                if (!parameter.HasValue(build))
                {
                    problems.Add($"{target.Name} needs {parameter.Option} (or the {parameter.EnvironmentVariable} environment variable{(parameter.Attribute.Secret ? string.Empty : ", or .nuke/parameters.json")}).");
                }
            }

            problems.AddRange(target.Requirements.Where(r => !r.Condition()).Select(r => $"{target.Name}: {r.Message}"));
        }

        if (problems.Count > 0)
        {
            throw new BuildException("Requirements not met, nothing was run:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        }
    }

    private async Task<List<TargetResult>> ExecuteAsync(
        IReadOnlyList<TargetDefinition> plan, HashSet<string> skipped, bool proceed, BuildBase build, CancellationToken cancellation)
    {
        var results = new List<TargetResult>();
        var status = new Dictionary<string, TargetStatus>(StringComparer.Ordinal);
        var failed = false;
        foreach (var target in plan)
        {
            TargetResult result;
            var blocked = target.Dependencies.FirstOrDefault(d => status.TryGetValue(d, out var s) && s is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Cancelled);
            if (cancellation.IsCancellationRequested)
            {
                result = new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, ["build cancelled"]);
            }
            else if (blocked is not null)
            {
                result = new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, [$"{blocked} did not succeed"]);
            }
            else if (failed && !proceed)
            {
                result = new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, ["an earlier target failed"]);
            }
            else if (skipped.Contains(target.Name))
            {
                result = new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, ["--skip"]);
            }
            else if (target.Conditions.FirstOrDefault(c => !c.Condition()) is { Reason: { } reason })
            {
                result = new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, [reason]);
            }
            else
            {
                result = await RunOneAsync(target, build, cancellation).ConfigureAwait(false);
            }

            failed |= result.Status == TargetStatus.Failed;
            status[target.Name] = result.Status;
            results.Add(result);
        }

        return results;
    }

    private async Task<TargetResult> RunOneAsync(TargetDefinition target, BuildBase build, CancellationToken cancellation)
    {
        _out.WriteLine();
        _out.WriteLine($"==> {target.Name}");
        var context = new TargetContext(target.Name, _out, cancellation);
        var clock = Stopwatch.StartNew();
        try
        {
            await target.RunAsync(context).ConfigureAwait(false);
            var missing = target.Products.Where(p => !Produced(build.RootDirectory, p)).ToList();
            if (missing.Count > 0)
            {
                throw new BuildException($"{target.Name} finished but wrote nothing matching {string.Join(", ", missing)}.");
            }

            return new TargetResult(target.Name, TargetStatus.Succeeded, clock.Elapsed, context.Notes.ToList());
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return new TargetResult(target.Name, TargetStatus.Cancelled, clock.Elapsed, [.. context.Notes, "cancelled by Ctrl-C"]);
        }
        catch (Exception e)
        {
            var message = e is BuildException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            _error.WriteLine($"error: {target.Name} failed: {message}");
            if (e is not BuildException)
            {
                _error.WriteLine(e.StackTrace);
            }

            return new TargetResult(target.Name, TargetStatus.Failed, clock.Elapsed, [.. context.Notes, message]);
        }
    }

    private static bool Produced(string root, string pattern)
    {
        var full = Path.GetFullPath(Path.Combine(root, pattern));
        var directory = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        if (!name.Contains('*', StringComparison.Ordinal) && !name.Contains('?', StringComparison.Ordinal))
        {
            return File.Exists(full) || Directory.Exists(full);
        }

        return Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory, name).Any();
    }
}
