using System.Globalization;
using Pipeline.Build.Engine;
using Pipeline.Build.Publishing;

namespace Pipeline.Build;

/// <content>The regression gate of Publish: a model is not published when a main score dropped against the feed.</content>
internal sealed partial class Build
{
    /// <summary>The largest drop of a main score that Publish accepts.</summary>
    [Parameter("Publish refuses a model whose main score (tagger UPOS, parser LAS, ner F1, ...) is more than this many points below the version already on the feed.", Minimum = 0)]
    public double MaxDrop { get; set; } = 0.5;

    /// <summary>Whether to publish despite a regression.</summary>
    [Parameter("Publish models even when a main score dropped by more than --max-drop (each such drop is printed as warning W045).")]
    public bool AllowRegression { get; set; }

    /// <summary>
    /// Compares each model package with the version already on the feed and returns the summary notes (one per
    /// model); throws E220 naming every regression unless <see cref="AllowRegression"/>.
    /// </summary>
    private async Task<IReadOnlyList<string>> CheckRegressionsAsync(TargetContext context, IEnumerable<PackageFile> packages)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        var feed = new FeedVersions(FeedLocation, ApiKey, Path.Combine(ArtifactsDirectory, "tmp", "feed-versions"), http);
        var notes = new List<string>();
        var regressions = new List<ScoreDelta>();
        foreach (var package in packages)
        {
            if (RegressionGate.ReadMeta(package.Path) is not { } fresh)
            {
                continue;
            }

            (string Version, string Path)? previous;
            try
            {
                previous = await feed.PreviousAsync(package.Id, package.Version, context.Cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException or UriFormatException && !context.Cancellation.IsCancellationRequested)
            {
                if (!AllowRegression)
                {
                    throw BuildErrors.PreviousVersionUnreadable(package.Id, "(earlier versions)", FeedLocation, e.Message);
                }

                context.Log.WriteLine($"warning W045: {package.Id}: earlier versions on {FeedLocation} not compared (--allow-regression): {e.Message}");
                continue;
            }

            if (previous is not { } earlier)
            {
                notes.Add($"{package.Id} {package.Version}: first on the feed");
                continue;
            }

            if (earlier.Version == package.Version)
            {
                continue;
            }

            ModelMeta old;
            try
            {
                old = RegressionGate.ReadMeta(earlier.Path) ?? throw new InvalidDataException("it carries no meta.json");
            }
            catch (Exception e) when (e is BuildException or InvalidDataException)
            {
                throw BuildErrors.PreviousVersionUnreadable(package.Id, earlier.Version, FeedLocation, e.Message);
            }

            var deltas = RegressionGate.Compare(old, fresh);
            foreach (var delta in deltas)
            {
                context.Log.WriteLine($"[{package.Id}] {delta.Describe()}");
            }

            notes.Add($"{package.Id} vs {earlier.Version}: " + (deltas.Count == 0
                ? "no common score"
                : string.Join(", ", deltas.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Score} {d.Delta:+0.00;-0.00;±0.00}")))));
            regressions.AddRange(RegressionGate.Regressions(deltas, MaxDrop));
        }

        if (regressions.Count > 0 && !AllowRegression)
        {
            throw BuildErrors.ScoreRegression(regressions, MaxDrop, FeedLocation);
        }

        foreach (var regression in regressions)
        {
            context.Log.WriteLine(BuildErrors.RegressionAllowed(regression));
        }

        return notes;
    }
}
