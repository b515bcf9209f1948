using Pipeline.Build.Tests.Support;
using Pipeline.Build.Tools;

namespace Pipeline.Build.Tests;

/// <summary>The real build's targets: their plan and the commands they run (through a fake runner).</summary>
public sealed class BuildTargetsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_default_plan_compiles_trains_evaluates_and_packages()
    {
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), _dir.Path, x => x.Package, args: ["--plan"]);
        Assert.Equal(0, run.Exit);
        Assert.Matches(@"1\. Restore\s+2\. Compile.*\s+3\. Corpora\s+4\. Train\s+depends on Corpora\s+5\. Evaluate.*\s+6\. Package", run.Output);
    }

    [Fact]
    public void Publish_plan_skipping_training_keeps_packaging()
    {
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), _dir.Path, x => x.Package, args: ["Publish", "--skip", "Corpora", "Train", "Evaluate", "--plan"]);
        Assert.Equal(0, run.Exit);
        Assert.Matches(@"Corpora\s+SKIPPED.*\s+.*Train\s+depends on Corpora; SKIPPED.*\s+.*Evaluate\s+depends on Train; SKIPPED.*\s+.*Package\s+depends on Compile, Evaluate\s+.*Publish", run.Output);
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
    public void A_failing_dotnet_command_fails_its_target()
    {
        var runner = new FakeProcessRunner(new ProcessResult(0, "restored"), new ProcessResult(1, "error CS0001"));
        var run = ToyRun.Run(new Build(runner), _dir.Path, x => x.Package, args: ["Test"]);
        Assert.Equal(1, run.Exit);
        Assert.Matches(@"Compile\s+Failed\s+.*dotnet build failed with exit code 1", run.Output);
        Assert.Matches(@"Test\s+NotRun", run.Output);
    }
}
