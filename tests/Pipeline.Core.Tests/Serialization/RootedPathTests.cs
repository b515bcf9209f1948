using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Tests.Serialization;

/// <summary>Paths confined to a root: '..', absolute paths and symbolic links into and out of the root.</summary>
public class RootedPathTests
{
    [Fact]
    public void PathFormsThatLeaveTheRootAreRefusedAndThoseThatStayAreKept()
    {
        using var dir = new TempDir();
        var root = Directory.CreateDirectory(dir["root"]).FullName;
        Directory.CreateDirectory(Path.Combine(root, "ud", "en"));
        File.WriteAllText(Path.Combine(root, "ud", "en", "train.conllu"), "x");
        Directory.CreateDirectory(dir["outside"]);
        File.WriteAllText(dir["outside/secret.conllu"], "s");
        Directory.CreateSymbolicLink(Path.Combine(root, "out-link"), dir["outside"]);
        Directory.CreateSymbolicLink(Path.Combine(root, "in-link"), Path.Combine(root, "ud"));
        File.CreateSymbolicLink(Path.Combine(root, "file-out.conllu"), dir["outside/secret.conllu"]);
        Directory.CreateSymbolicLink(Path.Combine(root, "ud", "up"), "../..");

        string[] inside = ["ud/en/train.conllu", "./ud/en/../en/train.conllu", "in-link/en/train.conllu", "ud/en/missing.conllu", "ud/up/root/ud/en/train.conllu"];
        string[] outside =
        [
            "../outside/secret.conllu", "ud/../../outside/secret.conllu", dir["outside/secret.conllu"], "out-link/secret.conllu",
            "file-out.conllu", "ud/up/outside/secret.conllu", "in-link/../../outside/secret.conllu", "..", "ud/en/../../..",
        ];
        foreach (var path in inside)
        {
            var full = RootedPath.Inside(root, path, "corpus");
            Assert.Equal(Path.GetFullPath(Path.Combine(root, path)), full);
        }

        foreach (var path in outside)
        {
            var error = Assert.Throws<PipelineException>(() => RootedPath.Inside(root, path, "corpus of template t.json"));
            Assert.Equal("E181", error.Code);
            Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
            Assert.Contains("corpus of template t.json", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RandomPathsAreRefusedExactlyWhenTheirRealPathLeavesTheRoot()
    {
        using var dir = new TempDir();
        var root = Directory.CreateDirectory(dir["r"]).FullName;
        Directory.CreateDirectory(Path.Combine(root, "a", "b"));
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "b", "top"), "../../..");
        string[] parts = ["a", "b", "..", ".", "up", "top", "x"];
        var random = new Random(20);
        for (var i = 0; i < 500; i++)
        {
            var path = string.Join('/', Enumerable.Range(0, random.Next(1, 7)).Select(_ => parts[random.Next(parts.Length)]));
            var real = RootedPath.Real(Path.Combine(root, path));
            var expectedInside = real == root || real.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (expectedInside)
            {
                RootedPath.Inside(root, path, "path");
            }
            else
            {
                Assert.Equal("E181", Assert.Throws<PipelineException>(() => RootedPath.Inside(root, path, "path")).Code);
            }
        }
    }

    [Fact]
    public void RealPathsFollowChainsAndStopAtLoops()
    {
        using var dir = new TempDir();
        var target = Directory.CreateDirectory(dir["target"]).FullName;
        Directory.CreateSymbolicLink(dir["one"], target);
        Directory.CreateSymbolicLink(dir["two"], dir["one"]);
        Assert.Equal(Path.Combine(target, "f.txt"), RootedPath.Real(Path.Combine(dir["two"], "f.txt")));

        File.CreateSymbolicLink(dir["loop-a"], dir["loop-b"]);
        File.CreateSymbolicLink(dir["loop-b"], dir["loop-a"]);
        Assert.Throws<IOException>(() => RootedPath.Real(dir["loop-a"]));
    }

    [Theory]
    [InlineData("tagger", true)]
    [InlineData("my.parser-2", true)]
    [InlineData("..", false)]
    [InlineData(".", false)]
    [InlineData("", false)]
    [InlineData("../../etc", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("/abs", false)]
    [InlineData("bell\u0007", false)]
    public void OnlyPlainNamesAreJoinedToAFolder(string name, bool plain)
    {
        Assert.Equal(plain, RootedPath.IsPlainName(name));
        if (!plain)
        {
            Assert.Equal("E182", Assert.Throws<PipelineException>(() => RootedPath.Child("/models/x", name, "component name")).Code);
        }
    }

    [Fact]
    public void AComponentNamedWithAPathCannotSaveOutsideTheModelFolder()
    {
        using var dir = new TempDir();
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("sentencizer"), "../escaped");
        var error = Assert.Throws<PipelineException>(() => nlp.ToDisk(dir["model"]));
        Assert.Equal("E182", error.Code);
        Assert.False(Directory.Exists(dir["escaped"]));
    }
}
