using Pipeline.Build.Tools;
using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Build.Tests;

/// <summary>
/// The orchestrator's share of issue 20: one build per artifacts folder (E180), parameters checked before anything
/// reaches dotnet (SemVer version, configuration, model ids, artifacts path), its parameters withheld from child
/// processes, and template corpora confined to --corpora (E181).
/// </summary>
public sealed class IntegrityTests : TempDirTest
{
    [Theory]
    [InlineData("VERSION", "../../x", "--version is '../../x'")]
    [InlineData("VERSION", "1.0", "SemVer")]
    [InlineData("CONFIGURATION", "Release;CustomBeforeMicrosoftCommonTargets=/tmp/evil.targets", "--configuration is")]
    [InlineData("CONFIGURATION", "Debug\u0001", "\\u0001")]
    [InlineData("MODELS", "../en_x", "--models names '../en_x'")]
    [InlineData("ARTIFACTS", "art;Evil=1", "--artifacts 'art;Evil=1' (the folder ")]
    [InlineData("ARTIFACTS", "art,x%41", "holds ',' '%'")]
    [InlineData("CORPORA", "corpora\nx", "control character")]
    public void HostileParametersAreRefusedBeforeAnythingRuns(string variable, string value, string message)
    {
        var runner = new FakeProcessRunner();
        var run = ToyRun.Run(new Build(runner), Dir.Path, x => x.Package, new Dictionary<string, string> { [variable] = value }, default, "Test");

        Assert.Equal(2, run.Exit);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(runner.Calls);
    }

    [Fact]
    public void AValidVersionStillBinds()
    {
        var runner = new FakeProcessRunner();
        var run = ToyRun.Run(new Build(runner), Dir.Path, x => x.Package, new Dictionary<string, string> { ["VERSION"] = "1.2.3-beta.1" }, default, "Compile");
        Assert.True(run.Exit == 0, run.Error);
    }

    [Fact]
    public void ASecondBuildWritingTheSameArtifactsStopsNamingTheHolder()
    {
        var artifacts = Path.Combine(Dir.Path, "artifacts");
        var runner = new FakeProcessRunner();
        using (FolderLock.Acquire(artifacts, "_build Train"))
        {
            var run = ToyRun.Run(new Build(runner), Dir.Path, x => x.Package, args: ["Clean"]);
            Assert.Equal(1, run.Exit);
            Assert.Contains("[E180]", run.Error, StringComparison.Ordinal);
            Assert.Contains($"process {Environment.ProcessId}", run.Error, StringComparison.Ordinal);
            Assert.Contains("(_build Train)", run.Error, StringComparison.Ordinal);

            // Targets that do not write artifacts/ still run beside it.
            Assert.Equal(0, ToyRun.Run(new Build(runner), Dir.Path, x => x.Package, args: ["Compile"]).Exit);
        }

        Assert.Equal(0, ToyRun.Run(new Build(runner), Dir.Path, x => x.Package, args: ["Clean"]).Exit);
        Assert.False(File.Exists(Path.Combine(artifacts, FolderLock.FileName)));
    }

    [Theory]
    [InlineData("../outside/train.conllu")]
    [InlineData("ud/tiny/../../../outside/train.conllu")]
    [InlineData("link/train.conllu")]
    [InlineData("ABSOLUTE")]
    public void ATemplateCorpusOutsideTheCorpusRootIsRefused(string train)
    {
        var root = Path.Combine(Dir.Path, "corpora");
        TinyCorpus.Write(root);
        var outside = Directory.CreateDirectory(Path.Combine(Dir.Path, "outside")).FullName;
        File.Copy(Path.Combine(root, "ud", "tiny", "train.conllu"), Path.Combine(outside, "train.conllu"));
        Directory.CreateSymbolicLink(Path.Combine(root, "link"), outside);
        var path = train == "ABSOLUTE" ? Path.Combine(outside, "train.conllu") : train;
        var json = $$"""{ "lang": "en", "name": "x", "pipeline": ["tagger"], "training": { "corpora": { "tagger": { "train": "{{path}}", "dev": "ud/tiny/dev.conllu" } } } }""";
        var template = ModelTemplate.Load(Dir.File("t/en_x.json", json));

        var error = Assert.Throws<PipelineException>(() => template.Inputs(root));

        Assert.Equal("E181", error.Code);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("en_x.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBuildsParametersAreNotPassedToTheProgramsItRuns()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Environment.SetEnvironmentVariable("PIPELINE_H2_WITHHELD", "secret");
        Environment.SetEnvironmentVariable("PIPELINE_H2_KEPT", "kept");
        try
        {
            var log = new StringWriter();
            var runner = new ProcessRunner(log, ["PipelineH2Withheld"]);
            using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var result = await runner.RunAsync("env", [], Dir.Path, "env", bound.Token);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("PIPELINE_H2_KEPT=kept", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("PIPELINE_H2_WITHHELD", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PIPELINE_H2_WITHHELD", null);
            Environment.SetEnvironmentVariable("PIPELINE_H2_KEPT", null);
        }
    }
}
