using Pipeline.Build.Engine;
using Pipeline.Build.Models;
using Pipeline.Build.Packaging;
using Pipeline.Build.Tests.Support;

namespace Pipeline.Build.Tests;

public sealed class PackageTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly StringWriter _log = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Each_model_is_packaged_through_pipeline_package_checked_and_copied()
    {
        var template = Trained("a");
        var calls = new List<string[]>();
        var packager = Packager(args =>
        {
            calls.Add(args);
            FakePackage.Write(Path.Combine(args[2], "en_a-2.0.0", "bin", "en_a.2.0.0.nupkg"), "en_a", "2.0.0");
            return 0;
        });
        var report = packager.PackAll([template], CancellationToken.None);
        Assert.Equal(["en_a"], report.Done);
        var call = Assert.Single(calls);
        Assert.Equal("package", call[0]);
        Assert.EndsWith("model-best", call[1], StringComparison.Ordinal);
        Assert.Equal(["--build", "--force", "--source", Path.Combine(_dir.Path, "packages")], call[3..]);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "packages", "en_a.2.0.0.nupkg")));

        // Unchanged: not packaged again.
        Assert.Equal(["en_a"], packager.PackAll([template], CancellationToken.None).UpToDate);
        Assert.Single(calls);
    }

    [Fact]
    public void A_failing_model_is_named_and_the_others_are_packaged()
    {
        var good = Trained("good");
        var bad = Trained("bad");
        var packager = Packager(args =>
        {
            if (args[1].Contains("en_bad", StringComparison.Ordinal))
            {
                return 1;
            }

            FakePackage.Write(Path.Combine(args[2], "x.nupkg"), "en_good", "2.0.0");
            return 0;
        });
        var report = packager.PackAll([bad, good], CancellationToken.None);
        Assert.Equal(["en_good"], report.Done);
        Assert.Equal("en_bad", Assert.Single(report.Failed).Model);
        Assert.Contains("'pipeline package' exited with 1", report.Failed[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_with_the_wrong_id_or_no_model_data_fails_the_check()
    {
        var wrong = FakePackage.Write(Path.Combine(_dir.Path, "w.nupkg"), "en_b", "2.0.0");
        Assert.Contains("expected en_a 2.0.0", Assert.Throws<BuildException>(() => ModelPackageStep.Check(wrong, "en_a", "2.0.0")).Message, StringComparison.Ordinal);
        var empty = FakePackage.Write(Path.Combine(_dir.Path, "e.nupkg"), "en_a", "2.0.0", withModel: false);
        Assert.Contains("no model data", Assert.Throws<BuildException>(() => ModelPackageStep.Check(empty, "en_a", "2.0.0")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untrained_model_says_to_train_it()
    {
        var template = ModelTemplate.Load(_dir.File("t/en_z.json", TinyCorpus.Template("z", "tagger")));
        var report = Packager(_ => 0).PackAll([template], CancellationToken.None);
        Assert.Contains("run Train first", Assert.Single(report.Failed).Reason, StringComparison.Ordinal);
    }

    private ModelPackageStep Packager(Func<string[], int> cli) =>
        new(Path.Combine(_dir.Path, "models"), Path.Combine(_dir.Path, "packages"), Path.Combine(_dir.Path, "tmp"), force: false, _log, (args, _) => cli(args));

    private ModelTemplate Trained(string name)
    {
        var template = ModelTemplate.Load(_dir.File($"t/en_{name}.json", TinyCorpus.Template(name, "tagger")));
        _dir.File($"models/en_{name}/model-best/meta.json", $$"""{ "lang": "en", "name": "{{name}}", "version": "2.0.0" }""");
        return template;
    }
}
