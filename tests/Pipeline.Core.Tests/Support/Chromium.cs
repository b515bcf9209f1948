using System.Diagnostics;

namespace Pipeline.Tests.Support;

/// <summary>Finds a headless-capable Chromium (PIPELINE_CHROMIUM, else chromium / chromium-browser / google-chrome on PATH) and runs it.</summary>
public static class Chromium
{
    public static string? Path { get; } = Find();

    /// <summary>Whether this is a CI run (CI=true), where a missing browser is a failure, not a skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads the page headless and returns the DOM after its scripts ran.</summary>
    public static string DumpDom(string htmlFile)
    {
        var browser = Path ?? throw new InvalidOperationException(MissingMessage);
        var profile = Directory.CreateTempSubdirectory("pipeline-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--dump-dom", new Uri(htmlFile).AbsoluteUri })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{browser} did not finish within 2 minutes");
            }

            return process.ExitCode == 0
                ? stdout.Result
                : throw new InvalidOperationException($"{browser} exited with {process.ExitCode}: {stderr.Result}");
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    public const string MissingMessage =
        "Chromium is not installed: the headless browser check of displaCy pages cannot run. .ci/run installs " +
        "Debian's 'chromium' (apt-get install -y chromium); install it, or point PIPELINE_CHROMIUM at a Chromium binary.";

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("PIPELINE_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
        {
            foreach (var dir in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>
/// A fact that needs Chromium: skipped (saying why) on a developer machine without it, but run, and so failing
/// with <see cref="Chromium.MissingMessage"/>, in CI (CI=true), where .ci/run must have installed it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.InCi)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}
