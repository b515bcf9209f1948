using System.Diagnostics;
using System.Text.Json;
using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Tests.Serialization;

/// <summary>One writer per folder: the lock file, its holder in the refusal, stale locks and foreign hosts.</summary>
public class FolderLockTests
{
    [Fact]
    public void ASecondLockOfTheFolderIsRefusedNamingTheHolderUntilTheFirstIsReleased()
    {
        using var dir = new TempDir();
        var folder = dir["out"];
        var first = FolderLock.Acquire(folder, "pipeline train");
        Assert.True(File.Exists(Path.Combine(folder, FolderLock.FileName)));

        var error = Assert.Throws<PipelineException>(() => FolderLock.Acquire(folder, "pipeline package"));
        Assert.Equal("E180", error.Code);
        Assert.Contains($"process {Environment.ProcessId} on host '{Environment.MachineName}' (pipeline train)", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder, FolderLock.FileName), error.Message, StringComparison.Ordinal);

        first.Dispose();
        Assert.False(File.Exists(Path.Combine(folder, FolderLock.FileName)));
        using var second = FolderLock.Acquire(folder, "pipeline package");
        Assert.True(File.Exists(second.Path));
    }

    [Fact]
    public void AFolderTheLockCreatedIsRemovedWhenNothingWasWrittenIntoIt()
    {
        using var dir = new TempDir();
        FolderLock.Acquire(dir["new"], "x").Dispose();
        Assert.False(Directory.Exists(dir["new"]));

        using (FolderLock.Acquire(dir["kept"], "x"))
        {
            File.WriteAllText(Path.Combine(dir["kept"], "a.txt"), "a");
        }

        Assert.Equal(["a.txt"], Directory.EnumerateFileSystemEntries(dir["kept"]).Select(p => Path.GetFileName(p)!).ToArray());
    }

    [Theory]
    [InlineData("dead process")]
    [InlineData("reused process id")]
    public void AStaleLockOfThisHostIsTakenOverWithW035(string kind)
    {
        using var dir = new TempDir();
        var folder = Directory.CreateDirectory(dir["out"]).FullName;
        var pid = kind == "dead process" ? DeadProcessId() : Environment.ProcessId;
        WriteLock(folder, pid, Environment.MachineName, started: new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var warnings = new WarningCollector();

        using (var taken = FolderLock.Acquire(folder, "pipeline train"))
        {
            Assert.Contains($"\"Pid\":{Environment.ProcessId}", File.ReadAllText(taken.Path).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var warning = Assert.Single(warnings.All, w => w.Code == "W035" && w.Message.Contains(folder, StringComparison.Ordinal));
        Assert.Contains($"process {pid}", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALockOfAnotherHostOrAnUnreadableLockIsNeverTakenOver()
    {
        using var dir = new TempDir();
        var folder = Directory.CreateDirectory(dir["out"]).FullName;
        WriteLock(folder, DeadProcessId(), "some-other-host", DateTime.UtcNow);
        var error = Assert.Throws<PipelineException>(() => FolderLock.Acquire(folder, "x"));
        Assert.Equal("E180", error.Code);
        Assert.Contains("host 'some-other-host'", error.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(folder, FolderLock.FileName), "not json");
        error = Assert.Throws<PipelineException>(() => FolderLock.Acquire(folder, "x"));
        Assert.Contains("unreadable lock file", error.Message, StringComparison.Ordinal);
        Assert.Equal("not json", File.ReadAllText(Path.Combine(folder, FolderLock.FileName)));
    }

    [Fact]
    public async Task ManyConcurrentAcquirersNeverHoldTheLockTogether()
    {
        using var dir = new TempDir();
        var folder = dir["out"];
        var holders = 0;
        var overlap = 0;
        var acquired = 0;
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++)
            {
                try
                {
                    using (FolderLock.Acquire(folder, "x"))
                    {
                        Interlocked.Increment(ref acquired);
                        if (Interlocked.Increment(ref holders) > 1)
                        {
                            Interlocked.Increment(ref overlap);
                        }

                        Thread.Yield();
                        Interlocked.Decrement(ref holders);
                    }
                }
                catch (PipelineException e) when (e.Code == "E180")
                {
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, overlap);
        Assert.True(acquired > 0);
    }

    private static void WriteLock(string folder, int pid, string host, DateTime started) =>
        File.WriteAllText(Path.Combine(folder, FolderLock.FileName), JsonSerializer.Serialize(new
        {
            Pid = pid,
            Host = host,
            Started = started,
            Command = "pipeline train",
            Acquired = started,
            Token = "feed",
        }));

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.Id;
    }
}
