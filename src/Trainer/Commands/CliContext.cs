using Spectre.Console;

namespace Pipeline.Trainer.Commands;

/// <summary>Where the commands write: a Spectre console for tables and progress, plain writers for data and errors.</summary>
/// <param name="Console">Rich output (tables, progress bars, notes).</param>
/// <param name="Output">Plain output (JSON).</param>
/// <param name="Error">Error messages.</param>
public sealed record CliContext(IAnsiConsole Console, TextWriter Output, TextWriter Error)
{
    /// <summary>
    /// Runs a command body, turning a <see cref="PipelineException"/> into its message and exit code 1. As a last
    /// resort, a file-system failure no command anticipated (<see cref="IOException"/>,
    /// <see cref="UnauthorizedAccessException"/>) becomes error E026 with exit code 1 instead of a stack trace;
    /// other exceptions are programming errors and pass through.
    /// </summary>
    public int Guard(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (PipelineException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine($"error: {TrainerErrors.FileSystemFailure(e).Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Error.WriteLine("Interrupted. Completed epochs are saved; continue with the same command and --resume.");
            return 130;
        }
    }
}
