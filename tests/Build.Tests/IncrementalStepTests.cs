namespace Pipeline.Build.Tests;

/// <summary>The engine's one up-to-date mechanism: declared inputs and outputs, a stamp written after success (issue 16, point 5).</summary>
public sealed class IncrementalStepTests : TempDirTest
{
    [Fact]
    public void An_unchanged_step_is_up_to_date_and_each_changed_input_is_named()
    {
        Dir.File("in/data.txt", "one");
        Dir.File("in/folder/a.txt", "a");
        Assert.Equal("never ran", Step().Reason(force: false));
        Assert.Equal(1, Run(Step()));
        Assert.Null(Step().Reason(force: false));

        Dir.File("in/data.txt", "two");
        Assert.Equal("changed: data", Step().Reason(force: false));
        Run(Step());
        Assert.Null(Step().Reason(force: false));

        Dir.File("in/folder/sub/b.txt", "b");
        Assert.Equal("changed: folder", Step().Reason(force: false));
        Run(Step());

        Assert.Equal("changed: parameter:epochs", Step(epochs: "3").Reason(force: false));
        Assert.Null(Step().Reason(force: false));
        Assert.Equal("--force", Step().Reason(force: true));
    }

    [Fact]
    public void A_missing_output_makes_the_step_run_again()
    {
        Dir.File("in/data.txt", "one");
        Run(Step());
        File.Delete(Path.Combine(Dir.Path, "out", "result.txt"));
        Assert.Equal("no result.txt", Step().Reason(force: false));
        Run(Step());
        Assert.Null(Step().Reason(force: false));
    }

    [Fact]
    public void An_interrupted_or_failed_run_leaves_no_stamp()
    {
        Dir.File("in/data.txt", "one");
        Run(Step());
        var stamp = Path.Combine(Dir.Path, "out", "stamp.json");
        Assert.True(File.Exists(stamp));

        // Cancelled half-way: the outputs of the earlier run may be partly overwritten, so its stamp must go.
        Assert.Throws<OperationCanceledException>(() => Step().Run<int>(() => throw new OperationCanceledException()));
        Assert.False(File.Exists(stamp));
        Assert.Equal("never ran", Step().Reason(force: false));

        // Finished without its declared output: an error naming it, and still no stamp.
        File.Delete(Path.Combine(Dir.Path, "out", "result.txt"));
        var error = Assert.Throws<BuildException>(() => Step().Run(() => 0));
        Assert.Contains("result.txt", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(stamp));
    }

    [Fact]
    public void The_stamp_records_the_inputs_hashed_before_the_run_and_is_written_atomically()
    {
        var data = Dir.File("in/data.txt", "one");
        var step = Step();
        step.Run(() =>
        {
            // An input changed while the step runs: the outputs may not reflect it, so the next build runs again.
            File.WriteAllText(data, "changed during the run");
            return WriteOutput();
        });
        Assert.Equal("changed: data", Step().Reason(force: false));
        Assert.Equal(["result.txt", "stamp.json"], Directory.EnumerateFileSystemEntries(Path.Combine(Dir.Path, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var stamp = StepStamp.Read(step.StampPath)!;
        Assert.Equal(step.Inputs.Hash, stamp.Hash);
        Assert.Equal("2", stamp.Inputs["parameter:epochs"]);
        Assert.Contains("\"step\": \"toy\"", File.ReadAllText(step.StampPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stamp_without_the_step_field_as_earlier_builds_wrote_it_is_read_and_a_broken_one_means_run_again()
    {
        Dir.File("in/data.txt", "one");
        Dir.File("out/result.txt", "x");
        var inputs = Step().Inputs.Values;
        var json = "{ \"hash\": \"ignored\", \"inputs\": { " + string.Join(", ", inputs.Select(i => $"\"{i.Key}\": \"{i.Value}\"")) + " } }";
        Dir.File("out/stamp.json", json);
        Assert.Null(Step().Reason(force: false));

        Dir.File("out/stamp.json", "{ not json");
        Assert.Equal("never ran", Step().Reason(force: false));
    }

    [Fact]
    public void An_input_declared_twice_is_refused()
    {
        var inputs = new StepInputs().Value("x", "1");
        Assert.Throws<ArgumentException>(() => inputs.Value("x", "2"));
    }

    private IncrementalStep Step(string epochs = "2") =>
        new IncrementalStep("toy", Path.Combine(Dir.Path, "out", "stamp.json"), new StepInputs()
                .File("data", Path.Combine(Dir.Path, "in", "data.txt"))
                .Folder("folder", Path.Combine(Dir.Path, "in", "folder"))
                .Value("parameter:epochs", epochs), "never ran")
            .Output("result.txt", Path.Combine(Dir.Path, "out", "result.txt"));

    private int Run(IncrementalStep step) => step.Run(WriteOutput);

    private int WriteOutput()
    {
        Dir.File("out/result.txt", "result");
        return 1;
    }
}
