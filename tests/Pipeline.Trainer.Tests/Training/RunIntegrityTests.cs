using System.Diagnostics;
using System.Text.Json;
using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Trainer.Tests.Training;

/// <summary>
/// One writer per run folder (E180), and a clean folder after kills and interrupts: a half-put checkpoint is
/// recognised, temporary leftovers are removed, an earlier run's models survive a fresh run stopped before its first
/// checkpoint, and Ctrl-C ends a real <c>pipeline train</c> with the "--resume" note and exit code 130.
/// </summary>
public sealed class RunIntegrityTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    [Fact]
    public void ASecondRunIntoALockedFolderStopsNamingTheHolder()
    {
        var options = fixture.Options("locked") with { Epochs = 1 };
        using (FolderLock.Acquire(options.Output, "Pipeline.Trainer train"))
        {
            var progress = new RecordingProgress();
            var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options, progress).Run());
            Assert.Equal("E180", error.Code);
            Assert.Contains($"process {Environment.ProcessId} on host '{Environment.MachineName}' (Pipeline.Trainer train)", error.Message, StringComparison.Ordinal);
            Assert.Contains(FolderLock.FileName, error.Message, StringComparison.Ordinal);
            Assert.Empty(progress.Completed);
            Assert.False(Directory.Exists(Path.Combine(options.Output, "model0")));
        }

        // Released: the next run trains, and leaves no lock behind.
        new TrainingRunner(options).Run();
        Assert.False(File.Exists(Path.Combine(options.Output, FolderLock.FileName)));
    }

    [Fact]
    public void TheLockOfAKilledRunIsTakenOver()
    {
        var options = fixture.Options("stale-lock") with { Epochs = 1 };
        Directory.CreateDirectory(options.Output);
        var lockFile = Path.Combine(options.Output, FolderLock.FileName);
        File.WriteAllText(lockFile, JsonSerializer.Serialize(new
        {
            Pid = DeadProcessId(),
            Host = Environment.MachineName,
            Started = DateTime.UtcNow.AddHours(-1),
            Command = "Pipeline.Trainer train",
            Acquired = DateTime.UtcNow.AddHours(-1),
            Token = "0123",
        }));

        var result = new TrainingRunner(options).Run();

        Assert.Single(result.Epochs);
        Assert.False(File.Exists(lockFile));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ACheckpointPutInPlaceButNotYetRecordedIsTheRunsOwn(bool resume)
    {
        var options = fixture.Options($"half-written-{resume}") with { Epochs = 2 };
        Assert.Throws<SimulatedKillException>(() => new TrainingRunner(options, new RecordingProgress(killAfterEpoch: 0)).Run());
        KillAfterFolderAppeared(options.Output, "model1");

        var result = new TrainingRunner(options with { Resume = resume }).Run();

        Assert.Equal(2, result.Epochs.Count);
        Assert.Equal(resume ? 1 : 0, result.ResumedAfter);
        var state = TrainingState.Read(Path.Combine(options.Output, TrainingState.FileName));
        Assert.Null(state.Pending);
        Assert.Equal(state.Epochs[1].ModelHash, ModelHash.OfDirectory(Path.Combine(options.Output, "model1")));
    }

    [Fact]
    public void AFolderThatDiffersFromThePendingCheckpointIsStillRefused()
    {
        var options = fixture.Options("half-written-changed") with { Epochs = 2 };
        Assert.Throws<SimulatedKillException>(() => new TrainingRunner(options, new RecordingProgress(killAfterEpoch: 0)).Run());
        KillAfterFolderAppeared(options.Output, "model1");
        File.WriteAllText(Path.Combine(options.Output, "model1", "extra.txt"), "someone else's");

        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { Resume = true }).Run());
        Assert.Equal("E116", error.Code);
        Assert.True(File.Exists(Path.Combine(options.Output, "model1", "extra.txt")));
    }

    [Fact]
    public void ACorpusReachedThroughALinkIntoACheckpointIsSeenInsideIt()
    {
        var options = fixture.Options("input-link") with { Epochs = 1 };
        new TrainingRunner(options).Run();
        File.Copy(fixture.Dev, Path.Combine(options.Output, "model0", "dev.conllu"));
        var link = fixture.Out("input-link-alias");
        Directory.CreateSymbolicLink(link, Path.Combine(options.Output, "model0"));

        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { DevPath = Path.Combine(link, "dev.conllu") }).Run());

        Assert.Equal("E116", error.Code);
        Assert.Contains("'model0' there holds the dev corpus", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TemporaryEntriesOfAKilledRunAreRemovedAndACutShortReplacementIsPutBack()
    {
        var options = fixture.Options("leftovers") with { Epochs = 1 };
        new TrainingRunner(options).Run();
        var output = options.Output;
        var hex = new string('a', 32);
        Directory.CreateDirectory(Path.Combine(output, $"model0.tmp-999999-{hex}", "tagger"));
        Directory.CreateDirectory(Path.Combine(output, $"model3.tmp-1-{hex}"));
        File.WriteAllText(Path.Combine(output, $"training-state.json.tmp-2-{hex}"), "{");
        var bestHash = ModelHash.OfDirectory(Path.Combine(output, "model-best"));
        Directory.Move(Path.Combine(output, "model-best"), Path.Combine(output, $"model-best.tmp-3-{hex}.old"));
        var unrelated = Path.Combine(output, $"notes.tmp-4-{hex}");
        File.WriteAllText(unrelated, "mine");

        var progress = new RecordingProgress();
        new TrainingRunner(options with { Resume = true }, progress).Run();

        Assert.Equal(
            ["model-best", "model-final", "model0", $"notes.tmp-4-{hex}", "report.html", "training-log.jsonl", "training-state.json"],
            Directory.EnumerateFileSystemEntries(output).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(bestHash, ModelHash.OfDirectory(Path.Combine(output, "model-best")));
        Assert.Contains(progress.Messages, m => m.StartsWith("Removed 3 unfinished temporary entries", StringComparison.Ordinal));
        Assert.Contains(progress.Messages, m => m.StartsWith("Put back model-best", StringComparison.Ordinal));
    }

    [Fact]
    public void AFreshRunStoppedBeforeItsFirstCheckpointKeepsTheEarlierModels()
    {
        var options = fixture.Options("set-aside") with { Epochs = 1 };
        new TrainingRunner(options).Run();
        var best = Path.Combine(options.Output, "model-best");
        var bestHash = ModelHash.OfDirectory(best);

        // Interrupted at once: the earlier run is set aside, not deleted.
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => new TrainingRunner(options with { Seed = 7 }).Run(cancelled.Token));
        Assert.True(Directory.Exists(Path.Combine(options.Output, RunRecovery.AsideFolder, "model-best")));

        // The next run puts it back: resuming finds the earlier run complete and leaves its models as they were.
        var progress = new RecordingProgress();
        var resumed = new TrainingRunner(options with { Resume = true }, progress).Run();

        Assert.Equal(1, resumed.ResumedAfter);
        Assert.Equal(bestHash, ModelHash.OfDirectory(best));
        Assert.False(Directory.Exists(Path.Combine(options.Output, RunRecovery.AsideFolder)));
        Assert.Contains(progress.Messages, m => m.StartsWith("Put back the earlier run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CtrlCInARealTrainProcessSaysInterruptedAndExits130()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var output = fixture.Out("sigint");
        var trainer = Path.Combine(AppContext.BaseDirectory, "Pipeline.Trainer.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { trainer, "train", "en", output, fixture.Train, fixture.Dev, "-p", "tagger", "-n", "100000" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errorRead = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            // Once training has started (its settings line), Ctrl-C.
            while (await process.StandardOutput.ReadLineAsync(bound.Token) is { } line && !line.Contains("Training tagger", StringComparison.Ordinal))
            {
            }

            Assert.False(process.HasExited, "train ended before it was interrupted");
            using (var kill = Process.Start("kill", [InterruptSignal(process.Id), process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(bound.Token);
            }

            _ = process.StandardOutput.ReadToEndAsync(bound.Token);
            await process.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var error = await errorRead;
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {error}");
        Assert.Contains("Interrupted", error, StringComparison.Ordinal);
        Assert.Contains("--resume", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, FolderLock.FileName)));
    }

    // As if the run was killed right after model<N> appeared: the checkpoint is there (a copy of the last one) and
    // the state records it as pending, not as an epoch.
    private static void KillAfterFolderAppeared(string output, string folder)
    {
        var target = Path.Combine(output, folder);
        var source = Path.Combine(output, "model0");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var statePath = Path.Combine(output, TrainingState.FileName);
        var state = TrainingState.Read(statePath);
        state.Pending = new PendingCheckpoint(folder, ModelHash.OfDirectory(target));
        state.Write(statePath);
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.Id;
    }

    // Ctrl-C is SIGINT, unless the tests run as a background job of a non-interactive shell: such a job starts with
    // SIGINT ignored, the train process inherits that and never sees it. SIGTERM takes the same path in the CLI.
    private static string InterruptSignal(int pid)
    {
        var status = $"/proc/{pid}/status";
        var ignored = File.Exists(status)
            ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))
            : null;
        var mask = ignored is null ? 0UL : Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16);
        return (mask & (1UL << (2 - 1))) != 0 ? "-TERM" : "-INT";
    }
}
