using System.Text.RegularExpressions;
using Pipeline.Build.Tools;

namespace Pipeline.Build.Publishing;

/// <summary>
/// Pushes packages with <c>dotnet nuget push</c> to a folder feed or an HTTP feed (with an API key). A version
/// already on the feed is skipped and reported; transient failures (timeouts, 5xx, 429, dropped connections) are
/// retried with a growing delay; an authentication failure stops with an explanation of how to fix the key.
/// </summary>
internal sealed partial class NuGetPublisher
{
    /// <summary>Attempts per package for transient failures.</summary>
    public const int Attempts = 3;

    private readonly IProcessRunner _runner;
    private readonly string _feed;
    private readonly string? _apiKey;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <summary>Creates a publisher to <paramref name="feed"/>; <paramref name="delay"/> waits between retries (tests pass a no-op).</summary>
    public NuGetPublisher(IProcessRunner runner, string feed, string? apiKey, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _runner = runner;
        _feed = feed;
        _apiKey = apiKey;
        _delay = delay ?? Task.Delay;
    }

    /// <summary>Whether a feed is an HTTP(S) URL rather than a folder.</summary>
    public static bool IsHttp(string feed) =>
        feed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || feed.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Pushes one package and says what happened: "pushed", or "already on the feed".</summary>
    public async Task<PushOutcome> PushAsync(PackageFile package, string workingDirectory, CancellationToken cancellation)
    {
        if (!IsHttp(_feed) && OnFolderFeed(package))
        {
            return PushOutcome.AlreadyThere;
        }

        if (!IsHttp(_feed))
        {
            Directory.CreateDirectory(_feed);
        }

        var arguments = new List<string> { "nuget", "push", package.Path, "--source", _feed, "--skip-duplicate" };
        var display = $"dotnet nuget push {Path.GetFileName(package.Path)} --source {_feed} --skip-duplicate";
        if (_apiKey is { Length: > 0 })
        {
            arguments.AddRange(["--api-key", _apiKey]);
            display += " --api-key ***";
        }

        for (var attempt = 1; ; attempt++)
        {
            var result = await _runner.RunAsync("dotnet", arguments, workingDirectory, display, cancellation).ConfigureAwait(false);
            var output = _apiKey is { Length: > 0 } ? result.Output.Replace(_apiKey, "***", StringComparison.Ordinal) : result.Output;
            if (Duplicate().IsMatch(output))
            {
                return PushOutcome.AlreadyThere;
            }

            if (result.ExitCode == 0)
            {
                return PushOutcome.Pushed;
            }

            if (Unauthorized().IsMatch(output))
            {
                throw new Engine.BuildException(
                    $"The feed {_feed} refused {package.Id} {package.Version} (unauthorized/forbidden). " +
                    (_apiKey is { Length: > 0 }
                        ? "The API key was sent but not accepted: check that it is current, has push rights for this feed and, on nuget.org-style feeds, is scoped to this package id (glob pattern)."
                        : "No API key was sent: pass --api-key or set the API_KEY environment variable."));
            }

            if (attempt >= Attempts || !Transient().IsMatch(output))
            {
                throw new Engine.BuildException($"dotnet nuget push of {package.Id} {package.Version} to {_feed} failed (exit {result.ExitCode}){(attempt > 1 ? $" after {attempt} attempts" : string.Empty)}: {LastLines(output)}");
            }

            var wait = TimeSpan.FromSeconds(5 * attempt);
            await _delay(wait, cancellation).ConfigureAwait(false);
        }
    }

    private bool OnFolderFeed(PackageFile package)
    {
        var id = package.Id.ToLowerInvariant();
        var version = package.Version.ToLowerInvariant();
        return File.Exists(Path.Combine(_feed, id, version, $"{id}.{version}.nupkg"))
            || File.Exists(Path.Combine(_feed, $"{package.Id}.{package.Version}.nupkg"))
            || File.Exists(Path.Combine(_feed, $"{id}.{version}.nupkg"));
    }

    private static string LastLines(string output) =>
        string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));

    [GeneratedRegex(@"already exists|409 \(?Conflict|Conflict \(409\)", RegexOptions.IgnoreCase)]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"\b401\b|\b403\b|Unauthorized|Forbidden|API key is invalid|api key.*(expired|does not have permission)", RegexOptions.IgnoreCase)]
    private static partial Regex Unauthorized();

    [GeneratedRegex(@"timed? ?out|\b50[0234]\b|\b429\b|Too Many Requests|Service Unavailable|Bad Gateway|connection (was )?(reset|refused|closed)|temporar|An error occurred while sending the request", RegexOptions.IgnoreCase)]
    private static partial Regex Transient();
}
