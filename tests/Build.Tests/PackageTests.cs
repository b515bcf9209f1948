using Pipeline.Build.Packaging;
using Pipeline.Trainer.Packaging;

namespace Pipeline.Build.Tests;

public sealed class PackageTests : TempDirTest
{
    private readonly StringWriter _log = new();


    [Fact]
    public void Each_model_is_packaged_through_the_library_packager_checked_and_copied()
    {
        var template = Trained("a");
        var calls = new List<PackageOptions>();
        var packager = Packager(options =>
        {
            calls.Add(options);
            return Built(options, FakePackage.Write(Path.Combine(options.Output, "en_a-2.0.0", "dist", "en_a.2.0.0.nupkg"), "en_a", "2.0.0"));
        });
        var report = packager.PackAll([template], CancellationToken.None);
        Assert.Equal(["en_a"], report.Done);
        var call = Assert.Single(calls);
        Assert.EndsWith("model-best", call.Input, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(Dir.Path, "tmp", "en_a"), call.Output);
        Assert.True(call.Build);
        Assert.True(call.Force);
        Assert.Equal([Path.Combine(Dir.Path, "packages")], call.Sources);
        Assert.False(call.CreateMeta);
        Assert.Null(call.MetaPath);
        Assert.Empty(call.MetaValues);
        Assert.True(File.Exists(Path.Combine(Dir.Path, "packages", "en_a.2.0.0.nupkg")));

        // Unchanged: not packaged again.
        Assert.Equal(["en_a"], packager.PackAll([template], CancellationToken.None).UpToDate);
        Assert.Single(calls);
        Assert.Contains("[en_a] package en_a.2.0.0.nupkg up to date.", _log.ToString(), StringComparison.Ordinal);

        // A changed model, a missing package, or --force packages it again, saying why.
        Dir.File("models/en_a/model-best/tagger/model.bin", "retrained");
        Assert.Equal(["en_a"], packager.PackAll([template], CancellationToken.None).Done);
        Assert.Contains("[en_a] packaging: changed: model-best.", _log.ToString(), StringComparison.Ordinal);
        File.Delete(Path.Combine(Dir.Path, "packages", "en_a.2.0.0.nupkg"));
        Assert.Equal(["en_a"], packager.PackAll([template], CancellationToken.None).Done);
        Assert.Contains("[en_a] packaging: no en_a.2.0.0.nupkg.", _log.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, calls.Count);
        Assert.Equal(["en_a"], packager.PackAll([template], CancellationToken.None).UpToDate);
    }

    [Fact]
    public void A_failing_model_is_named_and_the_others_are_packaged()
    {
        var good = Trained("good");
        var bad = Trained("bad");
        var packager = Packager(options => options.Input.Contains("en_bad", StringComparison.Ordinal)
            ? throw new PipelineException("E026", "the model does not load.")
            : Built(options, FakePackage.Write(Path.Combine(options.Output, "x.nupkg"), "en_good", "2.0.0")));
        var report = packager.PackAll([bad, good], CancellationToken.None);
        Assert.Equal(["en_good"], report.Done);
        Assert.Equal("en_bad", Assert.Single(report.Failed).Model);
        Assert.Contains("failed: [E026] the model does not load.", report.Failed[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_with_the_wrong_id_or_no_model_data_fails_the_check()
    {
        var wrong = FakePackage.Write(Path.Combine(Dir.Path, "w.nupkg"), "en_b", "2.0.0");
        Assert.Contains("expected en_a 2.0.0", Assert.Throws<BuildException>(() => ModelPackageStep.Check(wrong, "en_a", "2.0.0")).Message, StringComparison.Ordinal);
        var empty = FakePackage.Write(Path.Combine(Dir.Path, "e.nupkg"), "en_a", "2.0.0", withModel: false);
        Assert.Contains("no model data", Assert.Throws<BuildException>(() => ModelPackageStep.Check(empty, "en_a", "2.0.0")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untrained_model_says_to_train_it()
    {
        var template = ModelTemplate.Load(Dir.File("t/en_z.json", TinyCorpus.Template("z", "tagger")));
        var report = Packager(_ => throw new InvalidOperationException("not reached")).PackAll([template], CancellationToken.None);
        Assert.Contains("run Train first", Assert.Single(report.Failed).Reason, StringComparison.Ordinal);
    }

    private static PackageResult Built(PackageOptions options, string nupkg) =>
        new(new ModelMeta(), options.Output, Path.Combine(options.Output, "p.csproj"), "Pipeline.Models.X", nupkg);

    private ModelPackageStep Packager(Func<PackageOptions, PackageResult> package) =>
        new(Path.Combine(Dir.Path, "models"), Path.Combine(Dir.Path, "packages"), Path.Combine(Dir.Path, "tmp"), force: false, _log, package);

    private ModelTemplate Trained(string name)
    {
        var template = ModelTemplate.Load(Dir.File($"t/en_{name}.json", TinyCorpus.Template(name, "tagger")));
        Dir.File($"models/en_{name}/model-best/meta.json", $$"""{ "lang": "en", "name": "{{name}}", "version": "2.0.0" }""");
        return template;
    }
}
