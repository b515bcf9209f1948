using Pipeline.Build.Tools;

namespace Pipeline.Build.Tests;

/// <summary>The real build's targets: their plan and the commands they run (through a fake runner).</summary>
public sealed class BuildTargetsTests : TempDirTest
{
    [Fact]
    public void The_default_plan_trains_evaluates_and_packages_without_compiling_the_solution()
    {
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["--plan"]);
        Assert.Equal(0, run.Exit);
        Assert.Matches(@"1\. Corpora\s+2\. Train\s+depends on Corpora\s+3\. Evaluate.*\s+4\. Package", run.Output);
        Assert.DoesNotContain("Compile", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_plan_skipping_training_keeps_packaging()
    {
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["Publish", "--skip", "Corpora", "Train", "Evaluate", "--plan"]);
        Assert.Equal(0, run.Exit);
        Assert.Matches(@"Corpora\s+SKIPPED.*\s+.*Train\s+depends on Corpora; SKIPPED.*\s+.*Evaluate\s+depends on Train; SKIPPED.*\s+.*Package\s+depends on Evaluate\s+.*Publish", run.Output);
    }

    [Fact]
    public void Compile_and_test_run_dotnet_with_the_configuration()
    {
        var runner = new FakeProcessRunner();
        var run = ToyRun.Run(new Build(runner), Dir.Path, x => x.Package, args: ["Test", "--configuration", "Debug"]);
        Assert.True(run.Exit == 0, run.Output + run.Error);
        Assert.Equal(
            ["restore Pipeline.sln --nologo", "build Pipeline.sln -c Debug --no-restore --nologo", "test Pipeline.sln -c Debug --no-build --nologo"],
            runner.Calls.Select(c => string.Join(' ', c.Arguments)));
    }

    [Fact]
    public void Package_builds_only_the_projects_it_packs()
    {
        var runner = new FakeProcessRunner();
        var run = ToyRun.Run(new Build(runner), Dir.Path, x => x.Package, args: ["Package", "--skip"]);
        Assert.Equal(1, run.Exit); // the fake runner packs nothing
        var packages = Path.Combine(Dir.Path, "artifacts", "packages");
        Assert.Equal(
            [
                $"pack src/Core/Pipeline.Core.csproj -c Release --nologo -o {packages}",
                $"pack src/Transformers/Pipeline.Transformers.csproj -c Release --nologo -o {packages}",
                $"pack src/Trainer/Pipeline.Trainer.csproj -c Release --nologo -o {packages}",
            ],
            runner.Calls.Select(c => string.Join(' ', c.Arguments)));
    }

    [Fact]
    public void A_failing_dotnet_command_fails_its_target()
    {
        var runner = new FakeProcessRunner(new ProcessResult(0, "restored"), new ProcessResult(1, "error CS0001"));
        var run = ToyRun.Run(new Build(runner), Dir.Path, x => x.Package, args: ["Test"]);
        Assert.Equal(1, run.Exit);
        Assert.Matches(@"Compile\s+Failed\s+.*dotnet build failed with exit code 1", run.Output);
        Assert.Matches(@"Test\s+NotRun", run.Output);
    }
}
