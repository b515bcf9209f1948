using System.Diagnostics;

namespace Pipeline.Trainer.Tests.EndToEnd;

/// <summary>Runs the dotnet CLI (or a built app) in a child process, with no build servers left behind.</summary>
internal static class DotnetProcess
{
    public static (int Code, string Output) Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish within {timeout}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Runs and asserts success, showing the output on failure.</summary>
    public static string Ok(string workingDirectory, params string[] args)
    {
        var (code, output) = Run(workingDirectory, TimeSpan.FromMinutes(8), args);
        Assert.True(code == 0, $"dotnet {string.Join(' ', args)} exited with {code}:\n{output}");
        return output;
    }
}
