using Pipeline.Build.Tests.Support;
using Pipeline.Build.Tools;

namespace Pipeline.Build.Tests;

/// <summary>The real build's targets: their plan and the commands they run (through a fake runner).</summary>
public sealed class BuildTargetsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_default_plan_trains_evaluates_and_packages_without_compiling_the_solution()
    {
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), _dir.Path, x => x.Package, args: ["--plan"]);
        Assert.Equal(0, run.Exit);
        Assert.Matches(@"1\. Train\s+2\. Evaluate.*\s+3\. Package", run.Output);
        Assert.DoesNotContain("Compile", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_plan_skipping_training_keeps_packaging()
    {
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), _dir.Path, x => x.Package, args: ["Publish", "--skip", "Train", "Evaluate", "--plan"]);
        Assert.Equal(0, run.Exit);
        Assert.Matches(@"Train\s+SKIPPED.*\s+.*Evaluate\s+depends on Train; SKIPPED.*\s+.*Package\s+depends on Evaluate\s+.*Publish", run.Output);
    }

    [Fact]
    public void Compile_and_test_run_dotnet_with_the_configuration()
    {
        var runner = new FakeProcessRunner();
        var run = ToyRun.Run(new Build(runner), _dir.Path, x => x.Package, args: ["Test", "--configuration", "Debug"]);
        Assert.True(run.Exit == 0, run.Output + run.Error);
        Assert.Equal(
            ["restore Pipeline.sln --nologo", "build Pipeline.sln -c Debug --no-restore --nologo", "test Pipeline.sln -c Debug --no-build --nologo"],
            runner.Calls.Select(c => string.Join(' ', c.Arguments)));
    }

    [Fact]
    public void Package_builds_only_the_projects_it_packs()
    {
        var runner = new FakeProcessRunner();
        var run = ToyRun.Run(new Build(runner), _dir.Path, x => x.Package, args: ["Package", "--skip"]);
        Assert.Equal(1, run.Exit); // the fake runner packs nothing
        var packages = Path.Combine(_dir.Path, "artifacts", "packages");
        Assert.Equal(
            [$"pack src/Core/Pipeline.Core.csproj -c Release --nologo -o {packages}", $"pack src/Trainer/Pipeline.Trainer.csproj -c Release --nologo -o {packages}"],
            runner.Calls.Select(c => string.Join(' ', c.Arguments)));
    }

    [Fact]
    public void A_failing_dotnet_command_fails_its_target()
    {
        var runner = new FakeProcessRunner(new ProcessResult(0, "restored"), new ProcessResult(1, "error CS0001"));
        var run = ToyRun.Run(new Build(runner), _dir.Path, x => x.Package, args: ["Test"]);
        Assert.Equal(1, run.Exit);
        Assert.Matches(@"Compile\s+Failed\s+.*dotnet build failed with exit code 1", run.Output);
        Assert.Matches(@"Test\s+NotRun", run.Output);
    }

    [Fact]
    public void Train_with_a_missing_corpus_root_fails_before_running()
    {
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), _dir.Path, x => x.Package, args: ["Train", "--corpora", "no/such/folder"]);
        Assert.Equal(2, run.Exit);
        Assert.Contains($"the corpus root {Path.Combine(_dir.Path, "no", "such", "folder")} (--corpora no/such/folder) does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_writes_a_matrix_job_per_template()
    {
        _dir.File("meta-templates/en_a.json", TinyCorpus.Template("a", "tagger"));
        _dir.File("meta-templates/en_b.json", TinyCorpus.Template("b", "ner"));
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), _dir.Path, x => x.Package, args: ["Workflow"]);
        Assert.True(run.Exit == 0, run.Output + run.Error);
        var yaml = File.ReadAllText(Path.Combine(_dir.Path, ".github", "workflows", "models.yml"));
        Assert.Contains("          - en_a\n          - en_b\n", yaml, StringComparison.Ordinal);
        Assert.Contains("./build.sh Train Evaluate --models ${{ matrix.model }}", yaml, StringComparison.Ordinal);
        Assert.Contains("needs: train", yaml, StringComparison.Ordinal);
        Assert.Contains("./build.sh Publish --skip Train Evaluate", yaml, StringComparison.Ordinal);
    }
}
