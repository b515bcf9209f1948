namespace Pipeline.Build.Tools;

/// <summary>Runs an external program (dotnet); replaced by a fake in tests.</summary>
internal interface IProcessRunner
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="directory"/>; <paramref name="display"/> is what the log shows (secrets masked).</summary>
    Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, string directory, string display, CancellationToken cancellation);
}
