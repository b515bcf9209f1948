namespace Pipeline.Build.Tools;

/// <summary>How a program ended.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Its standard output and error, interleaved.</param>
internal sealed record ProcessResult(int ExitCode, string Output);
