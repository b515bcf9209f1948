using Pipeline.Build.Publishing;
using Pipeline.Build.Tools;

namespace Pipeline.Build.Tests;

public sealed class PublishTests : TempDirTest
{
    [Fact]
    public async Task A_folder_feed_skips_versions_it_already_has()
    {
        var feed = Path.Combine(Dir.Path, "feed");
        FakePackage.Write(Path.Combine(feed, "en_x", "1.0.0", "en_x.1.0.0.nupkg"), "en_x", "1.0.0");
        var runner = new FakeProcessRunner();
        var publisher = new NuGetPublisher(runner, feed, null, NoDelay);
        var old = PackageFile.Read(FakePackage.Write(Path.Combine(Dir.Path, "p", "en_x.1.0.0.nupkg"), "en_x", "1.0.0"));
        var fresh = PackageFile.Read(FakePackage.Write(Path.Combine(Dir.Path, "p", "en_x.1.1.0.nupkg"), "en_x", "1.1.0"));
        Assert.Equal(PushOutcome.AlreadyThere, await publisher.PushAsync(old, Dir.Path, CancellationToken.None));
        Assert.Empty(runner.Calls);
        Assert.Equal(PushOutcome.Pushed, await publisher.PushAsync(fresh, Dir.Path, CancellationToken.None));
        Assert.Equal(["nuget", "push", fresh.Path, "--source", feed, "--skip-duplicate"], runner.Calls.Single().Arguments);
    }

    [Fact]
    public async Task An_http_feed_reports_duplicates_and_masks_the_key()
    {
        var runner = new FakeProcessRunner(new ProcessResult(0, "Pushing en_x.1.0.0.nupkg...\nConflict (409): package already exists. Skipping."));
        var publisher = new NuGetPublisher(runner, "https://feed.example/v3/index.json", "s3cret", NoDelay);
        var package = PackageFile.Read(FakePackage.Write(Path.Combine(Dir.Path, "en_x.1.0.0.nupkg"), "en_x", "1.0.0"));
        Assert.Equal(PushOutcome.AlreadyThere, await publisher.PushAsync(package, Dir.Path, CancellationToken.None));
        var call = runner.Calls.Single();
        Assert.Contains("s3cret", call.Arguments);
        Assert.DoesNotContain("s3cret", call.Display, StringComparison.Ordinal);
        Assert.Contains("--api-key ***", call.Display, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_failures_are_retried()
    {
        var runner = new FakeProcessRunner(
            new ProcessResult(1, "error: Response status code does not indicate success: 503 (Service Unavailable)."),
            new ProcessResult(1, "error: The operation has timed out."),
            new ProcessResult(0, "Your package was pushed."));
        var waits = new List<TimeSpan>();
        var publisher = new NuGetPublisher(runner, "https://feed.example/v3/index.json", "k", (t, _) =>
        {
            waits.Add(t);
            return Task.CompletedTask;
        });
        var package = PackageFile.Read(FakePackage.Write(Path.Combine(Dir.Path, "a.nupkg"), "a", "1.0.0"));
        Assert.Equal(PushOutcome.Pushed, await publisher.PushAsync(package, Dir.Path, CancellationToken.None));
        Assert.Equal(3, runner.Calls.Count);
        Assert.Equal(2, waits.Count);
    }

    [Fact]
    public async Task Persistent_transient_failures_give_up_after_the_attempts()
    {
        var runner = new FakeProcessRunner(Enumerable.Repeat(new ProcessResult(1, "error: 502 (Bad Gateway)"), 5).ToArray());
        var publisher = new NuGetPublisher(runner, "https://feed.example/v3/index.json", "k", NoDelay);
        var package = PackageFile.Read(FakePackage.Write(Path.Combine(Dir.Path, "a.nupkg"), "a", "1.0.0"));
        var error = await Assert.ThrowsAsync<BuildException>(() => publisher.PushAsync(package, Dir.Path, CancellationToken.None));
        Assert.Equal(NuGetPublisher.Attempts, runner.Calls.Count);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_failures_are_explained_and_not_retried()
    {
        var runner = new FakeProcessRunner(new ProcessResult(1, "error: Response status code does not indicate success: 403 (Forbidden - The specified API key is invalid k3y)."));
        var publisher = new NuGetPublisher(runner, "https://feed.example/v3/index.json", "k3y", NoDelay);
        var package = PackageFile.Read(FakePackage.Write(Path.Combine(Dir.Path, "a.nupkg"), "a", "1.0.0"));
        var error = await Assert.ThrowsAsync<BuildException>(() => publisher.PushAsync(package, Dir.Path, CancellationToken.None));
        Assert.Single(runner.Calls);
        Assert.Contains("The API key was sent but not accepted", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("k3y", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_failures_show_the_tool_output()
    {
        var runner = new FakeProcessRunner(new ProcessResult(1, "error: File does not exist (x.nupkg)."));
        var publisher = new NuGetPublisher(runner, Path.Combine(Dir.Path, "feed"), null, NoDelay);
        var package = PackageFile.Read(FakePackage.Write(Path.Combine(Dir.Path, "a.nupkg"), "a", "1.0.0"));
        var error = await Assert.ThrowsAsync<BuildException>(() => publisher.PushAsync(package, Dir.Path, CancellationToken.None));
        Assert.Single(runner.Calls);
        Assert.Contains("File does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_package_is_an_error_naming_it()
    {
        var path = Dir.File("broken.nupkg", "not a zip");
        var error = Assert.Throws<BuildException>(() => PackageFile.Read(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_target_requires_a_key_for_an_http_feed()
    {
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["Publish", "--skip", "--feed", "https://feed.example/v3/index.json"]);
        Assert.Equal(2, run.Exit);
        Assert.Contains("an HTTP feed needs --api-key", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_target_pushes_every_package_and_reports_the_ones_already_there()
    {
        var packages = Path.Combine(Dir.Path, "artifacts", "packages");
        FakePackage.Write(Path.Combine(packages, "a.1.0.0.nupkg"), "a", "1.0.0");
        FakePackage.Write(Path.Combine(packages, "b.1.0.0.nupkg"), "b", "1.0.0");
        FakePackage.Write(Path.Combine(Dir.Path, "artifacts", "feed", "b", "1.0.0", "b.1.0.0.nupkg"), "b", "1.0.0");
        var runner = new FakeProcessRunner();
        var run = ToyRun.Run(new Build(runner), Dir.Path, x => x.Package, args: ["Publish", "--skip"]);
        Assert.True(run.Exit == 0, run.Output + run.Error);
        Assert.Single(runner.Calls);
        Assert.Matches(@"Publish\s+Succeeded\s+.*1 pushed to .*; 1 already there: b 1\.0\.0", run.Output);
    }

    private static Task NoDelay(TimeSpan wait, CancellationToken cancellation) => Task.CompletedTask;
}
