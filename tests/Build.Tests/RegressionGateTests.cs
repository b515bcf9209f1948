using System.Globalization;
using System.IO.Compression;
using Pipeline.Build.Publishing;

namespace Pipeline.Build.Tests;

/// <summary>Publish refuses a model whose main score dropped against the version on the feed (issue 18, point 8).</summary>
public sealed class RegressionGateTests : TempDirTest
{
    private string Feed => Path.Combine(Dir.Path, "feed");

    [Fact]
    public void A_drop_beyond_max_drop_is_refused_naming_model_score_and_both_values_and_nothing_is_pushed()
    {
        OnFeed("1.0.0", las: 80.0, ents: 70.0);
        Packed("1.1.0", las: 79.2, ents: 70.3);
        var runner = new FakeProcessRunner();
        var run = Publish(runner);
        Assert.Equal(1, run.Exit);
        Assert.Contains("[E220]", run.Error, StringComparison.Ordinal);
        Assert.Contains("en_x las 80.00 (1.0.0) → 79.20 (1.1.0), -0.80", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ents_f", run.Error, StringComparison.Ordinal);
        Assert.Empty(runner.Calls);
    }

    [Fact]
    public void Allow_regression_publishes_with_a_warning_and_the_summary_shows_the_deltas()
    {
        OnFeed("1.0.0", las: 80.0, ents: 70.0);
        Packed("1.1.0", las: 79.2, ents: 70.3);
        var runner = new FakeProcessRunner();
        var run = Publish(runner, "--allow-regression");
        Assert.True(run.Exit == 0, run.Output + run.Error);
        Assert.Contains("W045", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Publish\s+Succeeded.*en_x vs 1\.0\.0: las -0\.80, ents_f \+0\.30", run.Output);
        Assert.Single(runner.Calls);
    }

    [Fact]
    public void A_drop_within_max_drop_passes_and_a_larger_max_drop_lets_a_larger_one_pass()
    {
        OnFeed("1.0.0", las: 80.0, ents: 70.0);
        Packed("1.1.0", las: 79.6, ents: 70.0);
        Assert.Equal(0, Publish(new FakeProcessRunner()).Exit);

        Packed("1.1.0", las: 78.5, ents: 70.0);
        Assert.Equal(1, Publish(new FakeProcessRunner()).Exit);
        Assert.Equal(0, Publish(new FakeProcessRunner(), "--max-drop", "2").Exit);
    }

    [Fact]
    public void The_highest_earlier_version_is_compared_and_a_first_release_passes()
    {
        OnFeed("0.9.0", las: 95.0, ents: 95.0);
        OnFeed("1.0.0", las: 80.0, ents: 70.0);
        OnFeed("2.0.0", las: 99.0, ents: 99.0);
        Packed("1.1.0", las: 80.1, ents: 70.0);
        var run = Publish(new FakeProcessRunner());
        Assert.True(run.Exit == 0, run.Output + run.Error);
        Assert.Contains("en_x vs 1.0.0: las +0.10", run.Output, StringComparison.Ordinal);

        Directory.Delete(Feed, recursive: true);
        run = Publish(new FakeProcessRunner());
        Assert.True(run.Exit == 0, run.Output + run.Error);
        Assert.Contains("en_x 1.1.0: first on the feed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_main_scores_of_the_pipeline_are_compared()
    {
        var old = new ModelMeta { Lang = "en", Name = "x", Version = "1", Pipeline = ["parser"], Accuracy = new() { ["las"] = 80, ["uas"] = 90 } };
        var fresh = new ModelMeta { Lang = "en", Name = "x", Version = "2", Pipeline = ["parser", "ner"], Accuracy = new() { ["las"] = 81, ["uas"] = 50, ["ents_f"] = 10 } };
        var delta = Assert.Single(RegressionGate.Compare(old, fresh));
        Assert.Equal(("las", 80.0, 81.0), (delta.Score, delta.Old, delta.New));
    }

    private (int Exit, string Output, string Error) Publish(FakeProcessRunner runner, params string[] extra)
    {
        var run = ToyRun.Run(new Build(runner), Dir.Path, x => x.Package, args: ["Publish", "--skip", "--feed", Feed, .. extra]);
        return (run.Exit, run.Output, run.Error);
    }

    private void OnFeed(string version, double las, double ents) =>
        Model(Path.Combine(Feed, "en_x", version, $"en_x.{version}.nupkg"), version, las, ents);

    private void Packed(string version, double las, double ents) =>
        Model(Path.Combine(Dir.Path, "artifacts", "packages", $"en_x.{version}.nupkg"), version, las, ents);

    private static void Model(string path, string version, double las, double ents)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        FakePackage.Write(path, "en_x", version, withModel: false);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        using var writer = new StreamWriter(zip.CreateEntry("meta.json").Open());
        writer.Write(string.Create(CultureInfo.InvariantCulture, $$"""
            { "lang": "en", "name": "x", "version": "{{version}}", "pipeline": ["tagger", "parser", "ner"],
              "accuracy": { "las": {{las}}, "ents_f": {{ents}}, "uas": 1.0 } }
            """));
    }
}
