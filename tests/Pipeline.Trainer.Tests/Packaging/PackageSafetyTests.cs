using Pipeline.Trainer.Commands;
using Pipeline.Trainer.Packaging;
using Pipeline.Trainer.Tests.Support;
using Spectre.Console.Testing;

namespace Pipeline.Trainer.Tests.Packaging;

/// <summary>What <c>pipeline package</c> refuses before writing: overlapping folders, symbolic links; and how its errors read.</summary>
public sealed class PackageSafetyTests
{
    private static (int Code, string Console, string Error) Cli(params string[] args)
    {
        var console = new TestConsole().Width(400);
        var error = new StringWriter();
        var code = PipelineCli.Run(args, console, new StringWriter(), error);
        return (code, console.Output, error.ToString());
    }

    private static PackageResult Package(string input, string output, bool force = false) =>
        ModelPackager.Package(new PackageOptions { Input = input, Output = output, Force = force });

    private static string[] Listing(string directory) =>
        [.. Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("model")]
    [InlineData("model/")]
    [InlineData("model/packages")]
    public void AnOutputInsideTheModelIsRefusedBeforeWritingAnything(string output)
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);
        var before = Listing(model);

        foreach (var force in new[] { false, true })
        {
            var e = Assert.Throws<PipelineException>(() => Package(model, dir[output], force));
            Assert.Equal("E145", e.Code);
            Assert.Contains($"'{model}'", e.Message, StringComparison.Ordinal);
            Assert.Contains($"'{Path.TrimEndingDirectorySeparator(dir[output])}'", e.Message, StringComparison.Ordinal);
            Assert.Contains("outside the model", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, Listing(model));

        // Beside the model (in its parent) is fine.
        var result = Package(model, dir.Path);
        Assert.Equal(dir["en_test_ruler-1.0.0"], result.Directory);
        Assert.Equal(before, Listing(model));
    }

    [Fact]
    public void AModelInsideThePackageDirectoryIsRefusedEvenWithForce()
    {
        using var dir = new TempDir();
        var first = Package(RulerModel.Save(dir["model"]), dir["out"]);
        var data = Path.Combine(first.Directory, "en_test_ruler-1.0.0");
        var before = Listing(first.Directory);

        var (code, _, error) = Cli("package", data, dir["out"], "--force");

        Assert.Equal(1, code);
        Assert.Contains("[E146]", error, StringComparison.Ordinal);
        Assert.Contains($"'{data}'", error, StringComparison.Ordinal);
        Assert.Contains($"'{first.Directory}'", error, StringComparison.Ordinal);
        Assert.Equal(before, Listing(first.Directory));
    }

    [Fact]
    public void AFileLinkInTheModelIsRefusedAndNotFollowed()
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);
        File.WriteAllText(dir["secret.txt"], "not part of the model");
        var link = Path.Combine(model, "entity_ruler", "notes.txt");
        File.CreateSymbolicLink(link, dir["secret.txt"]);

        var e = Assert.Throws<PipelineException>(() => Package(model, dir["out"]));

        Assert.Equal("E147", e.Code);
        Assert.Contains($"'{link}'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{dir["secret.txt"]}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("remove it", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["out"]));
    }

    [Fact]
    public void AFolderLinkInTheModelIsRefused()
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);
        Directory.CreateDirectory(dir["elsewhere"]);
        File.WriteAllText(dir["elsewhere/data.bin"], "outside");
        var link = Path.Combine(model, "extra");
        Directory.CreateSymbolicLink(link, dir["elsewhere"]);

        var (code, _, error) = Cli("package", model, dir["out"]);

        Assert.Equal(1, code);
        Assert.Contains("[E147]", error, StringComparison.Ordinal);
        Assert.Contains($"'{link}'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["out"]));
    }

    [Fact]
    public void MetaProblemsNameEachCodeOnce()
    {
        using var dir = new TempDir();
        var (code, _, error) = Cli("package", RulerModel.Save(dir["model"]), dir["out"], "--meta", "name=Bad-Name");
        Assert.Equal(1, code);
        Assert.Single(error.Split("[E124]").Skip(1));
        Assert.Contains("cannot be packaged: \"name\" 'Bad-Name'", error, StringComparison.Ordinal);

        (code, _, error) = Cli("package", dir["model"], dir["out"], "--meta", "name=Bad-Name", "--meta", "version=one");
        Assert.Equal(1, code);
        Assert.Single(error.Split("[E124]").Skip(1));
        Assert.Single(error.Split("[E125]").Skip(1));
    }

    [Fact]
    public void APluginErrorIsOneSentenceWithoutAStrayLineBreak()
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);
        File.WriteAllText(dir["plugin.dll"], "not an assembly");
        foreach (var plugin in new[] { dir["plugin.dll"], dir["missing.dll"] })
        {
            var (code, _, error) = Cli("package", model, dir["out"], "--plugin", plugin);
            Assert.Equal(1, code);
            Assert.Contains("[E133]", error, StringComparison.Ordinal);
            Assert.DoesNotContain("..", error, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.TrimEnd());
        }
    }
}
