namespace Pipeline.Build.Tests;

public sealed class EngineTests : TempDirTest
{
    [Fact]
    public void Plan_puts_dependencies_first_and_honours_before_and_after()
    {
        var graph = TargetGraph.Of(new ToyBuild());
        var plan = graph.Plan(["Pack", "Lint"]).Select(t => t.Name).ToList();
        Assert.Equal(["Restore", "Compile", "Lint", "Pack"], plan);

        // Pack runs after Test when both are planned; Lint runs before Test.
        plan = graph.Plan(["Pack", "Test", "Lint"]).Select(t => t.Name).ToList();
        Assert.Equal(["Restore", "Compile", "Lint", "Test", "Pack"], plan);
    }

    [Fact]
    public void Target_names_are_case_insensitive_and_unknown_ones_are_listed()
    {
        var graph = TargetGraph.Of(new ToyBuild());
        Assert.Equal("Compile", graph.Plan(["compile"]).Last().Name);
        var error = Assert.Throws<BuildException>(() => graph.Plan(["Deplyo"]));
        Assert.Contains("no target 'Deplyo'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Deploy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_is_an_error_that_names_it()
    {
        var graph = TargetGraph.Of(new CycleBuild());
        var error = Assert.Throws<BuildException>(() => graph.Plan(["B"]));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        foreach (var name in new[] { "A", "B", "C" })
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(["Free"], graph.Plan(["Free"]).Select(t => t.Name));
        var run = ToyRun.Run(new CycleBuild(), Dir.Path, x => x.A);
        Assert.Equal(2, run.Exit);
        Assert.Contains("cycle", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_target_runs_with_its_dependencies_and_the_summary_lists_them()
    {
        var build = new ToyBuild();
        var run = ToyRun.Run(build, Dir.Path, x => x.Pack);
        Assert.Equal(0, run.Exit);
        Assert.Equal(["Restore", "Compile", "Pack"], build.Ran);
        Assert.Contains("Target", run.Output, StringComparison.Ordinal);
        Assert.Contains("Duration", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Pack\s+Succeeded\s+\S.*ran Pack", run.Output);
        Assert.Contains("Build succeeded.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Positional_and_target_option_targets_both_work()
    {
        var build = new ToyBuild();
        Assert.Equal(0, ToyRun.Run(build, Dir.Path, x => x.Pack, args: ["Docs", "--target", "Restore"]).Exit);
        Assert.Equal(["Docs", "Restore"], build.Ran.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Skip_with_names_skips_those_but_runs_their_dependencies()
    {
        var build = new ToyBuild();
        var run = ToyRun.Run(build, Dir.Path, x => x.Pack, args: ["Test", "--skip", "Compile"]);
        Assert.Equal(0, run.Exit);
        Assert.Equal(["Restore", "Test"], build.Ran);
        Assert.Matches(@"Compile\s+Skipped\s+< 1s\s+--skip", run.Output);
    }

    [Fact]
    public void Skip_without_names_runs_only_the_invoked_targets()
    {
        var build = new ToyBuild();
        Assert.Equal(0, ToyRun.Run(build, Dir.Path, x => x.Pack, args: ["Pack", "--skip"]).Exit);
        Assert.Equal(["Pack"], build.Ran);
    }

    [Fact]
    public void A_failure_stops_the_build_marks_the_rest_not_run_and_exits_non_zero()
    {
        var build = new ToyBuild { FailIn = "Compile" };
        var run = ToyRun.Run(build, Dir.Path, x => x.Pack, args: ["Pack", "Docs"]);
        Assert.Equal(1, run.Exit);
        Assert.Equal(["Restore"], build.Ran);
        Assert.Matches(@"Compile\s+Failed\s+.*Compile broke", run.Output);
        Assert.Matches(@"Pack\s+NotRun\s+.*Compile did not succeed", run.Output);
        Assert.Matches(@"Docs\s+NotRun\s+.*an earlier target failed", run.Output);
        Assert.Contains("Build failed: Compile.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Compile broke", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Continue_runs_the_targets_that_do_not_depend_on_the_failure()
    {
        var build = new ToyBuild { FailIn = "Compile" };
        var run = ToyRun.Run(build, Dir.Path, x => x.Pack, args: ["Pack", "Docs", "--continue"]);
        Assert.Equal(1, run.Exit);
        Assert.Equal(["Restore", "Docs"], build.Ran);
        Assert.Equal(TargetStatus.NotRun, run.Executor.Results.Single(r => r.Name == "Pack").Status);
    }

    [Fact]
    public void OnlyWhen_false_skips_with_the_reason()
    {
        var build = new ToyBuild { SkipDeploy = true, Token = "t" };
        var run = ToyRun.Run(build, Dir.Path, x => x.Deploy);
        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain("Deploy", build.Ran);
        Assert.Matches(@"Deploy\s+Skipped\s+.*deploys are off", run.Output);
    }

    [Fact]
    public void A_missing_required_parameter_fails_before_anything_runs()
    {
        var build = new ToyBuild();
        var run = ToyRun.Run(build, Dir.Path, x => x.Deploy);
        Assert.Equal(2, run.Exit);
        Assert.Empty(build.Ran);
        Assert.Contains("Deploy needs --token (or the TOKEN environment variable)", run.Error, StringComparison.Ordinal);

        // Skipping the target that needs it lifts the requirement.
        Assert.Equal(0, ToyRun.Run(new ToyBuild(), Dir.Path, x => x.Deploy, args: ["Deploy", "--skip", "Deploy"]).Exit);
    }

    [Fact]
    public void Cancellation_stops_the_running_target_and_exits_130()
    {
        using var cancellation = new CancellationTokenSource();
        var build = new ToyBuild
        {
            TestWork = async context =>
            {
                await cancellation.CancelAsync();
                context.Cancellation.ThrowIfCancellationRequested();
            },
        };
        var run = ToyRun.Run(build, Dir.Path, x => x.Pack, cancellation: cancellation.Token, args: ["Pack", "Test"]);
        Assert.Equal(Executor.CancelledExitCode, run.Exit);
        Assert.Equal(["Restore", "Compile"], build.Ran);
        Assert.Equal(TargetStatus.Cancelled, run.Executor.Results.Single(r => r.Name == "Test").Status);
        Assert.Equal(TargetStatus.NotRun, run.Executor.Results.Single(r => r.Name == "Pack").Status);
        Assert.Contains("Build cancelled.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_prints_the_order_and_runs_nothing()
    {
        var build = new ToyBuild();
        var run = ToyRun.Run(build, Dir.Path, x => x.Pack, args: ["--plan", "--skip", "Compile"]);
        Assert.Equal(0, run.Exit);
        Assert.Empty(build.Ran);
        Assert.Matches(@"1\. Restore\s+2\. Compile\s+depends on Restore; SKIPPED \(--skip\)\s+3\. Pack", run.Output);
    }

    [Fact]
    public void Help_lists_targets_with_dependencies_and_parameters_with_descriptions()
    {
        var build = new ToyBuild();
        var run = ToyRun.Run(build, Dir.Path, x => x.Pack, args: ["--help"]);
        Assert.Equal(0, run.Exit);
        Assert.Empty(build.Ran);
        Assert.Matches(@"-> Pack", run.Output);
        Assert.Contains("(depends on Compile; after Test)", run.Output, StringComparison.Ordinal);
        Assert.Contains("(depends on Pack; requires Token)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"--count <int>\s+A count\. \(default: 3; env COUNT\)", run.Output);
        Assert.Matches(@"--token <string>\s+A token\. \(secret; env TOKEN\)", run.Output);
        Assert.Matches(@"--mode <Fast\|Thorough>", run.Output);
    }

    [Fact]
    public void Produces_fails_a_target_that_wrote_nothing()
    {
        var build = new ProducingBuild();
        var run = ToyRun.Run(build, Dir.Path, x => x.Write);
        Assert.Equal(1, run.Exit);
        Assert.Contains("wrote nothing matching out/*.txt", run.Output, StringComparison.Ordinal);

        build.Writes = true;
        Assert.Equal(0, ToyRun.Run(build, Dir.Path, x => x.Write).Exit);
    }

    private sealed class ProducingBuild : BuildBase
    {
        public bool Writes { get; set; }

        public Target Write => _ => _.Produces("out/*.txt").Executes(() =>
        {
            if (Writes)
            {
                Directory.CreateDirectory(Path.Combine(RootDirectory, "out"));
                File.WriteAllText(Path.Combine(RootDirectory, "out", "a.txt"), "a");
            }
        });
    }
}
