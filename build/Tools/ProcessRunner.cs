using System.Diagnostics;
using System.Text;

namespace Pipeline.Build.Tools;

/// <summary>Runs programs, echoing their output to the log; Ctrl-C kills the process tree.</summary>
internal sealed class ProcessRunner : IProcessRunner
{
    private readonly TextWriter _log;
    private readonly HashSet<string> _withheld;

    /// <summary>
    /// Creates a runner logging to <paramref name="log"/>. Environment variables whose names, normalized as the
    /// build's parameters are (<see cref="Engine.CommandLine.Normalize"/>), are in <paramref name="withheld"/> are not
    /// passed on: the build's own parameters (e.g. <c>VERSION</c>, meant for the models) would otherwise become
    /// MSBuild properties of the solution.
    /// </summary>
    public ProcessRunner(TextWriter log, IEnumerable<string>? withheld = null)
    {
        _log = log;
        _withheld = (withheld ?? []).Select(Engine.CommandLine.Normalize).ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public async Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, string directory, string display, CancellationToken cancellation)
    {
        _log.WriteLine($"> {display}");
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => _withheld.Contains(Engine.CommandLine.Normalize(k))).ToList())
        {
            start.Environment.Remove(name);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
                _log.WriteLine("  " + e.Data);
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        if (!process.Start())
        {
            throw new Engine.BuildException($"Could not start {program}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString());
        }
    }
}
