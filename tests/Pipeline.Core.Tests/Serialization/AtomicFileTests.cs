using System.Text;
using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Tests.Serialization;

public class AtomicFileTests
{
    [Fact]
    public void WritingThroughASymbolicLinkReplacesItsTargetAndKeepsTheLink()
    {
        using var dir = new TempDir();
        var real = dir["real.txt"];
        File.WriteAllText(real, "old");
        File.CreateSymbolicLink(dir["link.txt"], "real.txt");
        File.CreateSymbolicLink(dir["chain.txt"], dir["link.txt"]);

        AtomicFile.WriteAllText(dir["chain.txt"], "new");

        Assert.Equal("link.txt", Path.GetFileName(new FileInfo(dir["chain.txt"]).LinkTarget));
        Assert.Equal("real.txt", new FileInfo(dir["link.txt"]).LinkTarget);
        Assert.Equal("new", File.ReadAllText(real));
        Assert.Equal(["chain.txt", "link.txt", "real.txt"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void WritingThroughADanglingLinkCreatesItsTarget()
    {
        using var dir = new TempDir();
        File.CreateSymbolicLink(dir["link.txt"], "made.txt");

        AtomicFile.Write(dir["link.txt"], s => s.Write("streamed"u8));

        Assert.Equal("made.txt", new FileInfo(dir["link.txt"]).LinkTarget);
        Assert.Equal("streamed", File.ReadAllText(dir["made.txt"]));
    }

    [Fact]
    public void AFileInALinkedFolderIsWrittenAtomicallyInTheRealFolder()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["real"]);
        Directory.CreateSymbolicLink(dir["linked"], dir["real"]);

        Assert.False(FileTarget.InPlace(Path.Combine(dir["linked"], "out.txt")));
        AtomicFile.WriteAllText(Path.Combine(dir["linked"], "out.txt"), "x");

        Assert.Equal("x", File.ReadAllText(Path.Combine(dir["real"], "out.txt")));
        Assert.Equal(["out.txt"], Directory.GetFileSystemEntries(dir["real"]).Select(Path.GetFileName));
    }

    [Fact]
    public void StreamingWriteKeepsThePreviousFileWhenTheWriterFails()
    {
        using var dir = new TempDir();
        var path = dir["data.bin"];
        AtomicFile.Write(path, s =>
        {
            using var writer = new StreamWriter(s, Encoding.UTF8, leaveOpen: false);
            writer.Write("first");
        });
        Assert.Equal("first", File.ReadAllText(path));

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("partial"u8);
            throw new InvalidOperationException("writer failed");
        }));

        Assert.Equal("first", File.ReadAllText(path));
        Assert.Equal(["data.bin"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void WritingUnderAFileIsE025NamingThePath()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["file"], "x");
        var path = Path.Combine(dir["file"], "out.txt");

        var write = Assert.Throws<PipelineException>(() => AtomicFile.WriteAllText(path, "y"));
        Assert.Equal("E025", write.Code);
        Assert.Contains(path, write.Message, StringComparison.Ordinal);

        var folder = Assert.Throws<PipelineException>(() => AtomicFile.ReplaceDirectory(Path.Combine(dir["file"], "model"), _ => { }));
        Assert.Equal("E025", folder.Code);
        Assert.Equal("x", File.ReadAllText(dir["file"]));
    }

    [Fact]
    public void TargetChecksRefuseFoldersFilesAndPathsUnderFiles()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["file"], "x");
        Directory.CreateDirectory(dir["folder"]);

        Assert.Equal("E025", Assert.Throws<PipelineException>(() => AtomicFile.CheckFileTarget(dir["folder"])).Code);
        Assert.Equal("E025", Assert.Throws<PipelineException>(() => AtomicFile.CheckDirectoryTarget(dir["file"])).Code);
        var under = Assert.Throws<PipelineException>(() => AtomicFile.CheckFileTarget(Path.Combine(dir["file"], "a", "b.txt")));
        Assert.Contains($"'{dir["file"]}' is a file", under.Message, StringComparison.Ordinal);

        AtomicFile.CheckFileTarget(dir["file"]);
        AtomicFile.CheckFileTarget(Path.Combine(dir["new"], "deeper", "out.txt"));
        AtomicFile.CheckDirectoryTarget(dir["folder"]);
        Assert.False(Directory.Exists(dir["new"]));
    }

    [Fact]
    public void SystemPathsAndLinksIntoThemAreWrittenInPlace()
    {
        // Only classifies; nothing here opens a system path.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDir();
        File.CreateSymbolicLink(dir["null-link"], "/dev/null");
        File.CreateSymbolicLink(dir["pipe-link"], "/proc/self/fd/pipe:[4242]");

        Assert.True(FileTarget.InPlace("/dev/null"));
        Assert.True(FileTarget.InPlace("/dev/stdout"));
        Assert.True(FileTarget.InPlace("/proc/self/fd/1"));
        Assert.True(FileTarget.InPlace(dir["null-link"]));
        Assert.True(FileTarget.InPlace(dir["pipe-link"]));
        Assert.False(FileTarget.InPlace(dir["plain.txt"]));
        Assert.False(FileTarget.InPlace("/devices/x"));
        Assert.False(FilePaths.IsSystemPath("/device"));
    }

    [Fact]
    public void SameFollowsLinks()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["a.txt"], "x");
        File.CreateSymbolicLink(dir["b.txt"], "a.txt");

        Assert.True(FilePaths.Same(dir["a.txt"], dir["b.txt"]));
        Assert.True(FilePaths.Same(dir["a.txt"], Path.Combine(dir.Path, ".", "a.txt")));
        Assert.False(FilePaths.Same(dir["a.txt"], dir["c.txt"]));
    }
}
