using System.Diagnostics;
using System.Text;

namespace Pipeline.Build.Tools;

/// <summary>Runs programs, echoing their output to the log; Ctrl-C kills the process tree.</summary>
internal sealed class ProcessRunner : IProcessRunner
{
    private readonly TextWriter _log;

    /// <summary>Creates a runner logging to <paramref name="log"/>.</summary>
    public ProcessRunner(TextWriter log) => _log = log;

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
