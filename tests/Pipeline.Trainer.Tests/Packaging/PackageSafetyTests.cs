using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Pipeline.Trainer.Tests.Packaging;

/// <summary>What <c>pipeline package</c> refuses before writing: overlapping folders, symbolic links; and how its errors read.</summary>
public sealed class PackageSafetyTests
{
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
            var e = Assert.Throws<PipelineException>(() => TestPackager.Package(model, dir[output], force));
            Assert.Equal("E145", e.Code);
            Assert.Contains($"'{model}'", e.Message, StringComparison.Ordinal);
            Assert.Contains($"'{Path.TrimEndingDirectorySeparator(dir[output])}'", e.Message, StringComparison.Ordinal);
            Assert.Contains("outside the model", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, Listing(model));

        // Beside the model (in its parent) is fine.
        var result = TestPackager.Package(model, dir.Path);
        Assert.Equal(dir["en_test_ruler-1.0.0"], result.Directory);
        Assert.Equal(before, Listing(model));
    }

    [Fact]
    public void AModelInsideThePackageDirectoryIsRefusedEvenWithForce()
    {
        using var dir = new TempDir();
        var first = TestPackager.Package(RulerModel.Save(dir["model"]), dir["out"]);
        var data = Path.Combine(first.Directory, "en_test_ruler-1.0.0");
        var before = Listing(first.Directory);

        var (code, _, error) = CliRunner.Run("package", data, dir["out"], "--force");

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

        var e = Assert.Throws<PipelineException>(() => TestPackager.Package(model, dir["out"]));

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

        var (code, _, error) = CliRunner.Run("package", model, dir["out"]);

        Assert.Equal(1, code);
        Assert.Contains("[E147]", error, StringComparison.Ordinal);
        Assert.Contains($"'{link}'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["out"]));
    }

    [Fact]
    public void MetaProblemsNameEachCodeOnce()
    {
        using var dir = new TempDir();
        var (code, _, error) = CliRunner.Run("package", RulerModel.Save(dir["model"]), dir["out"], "--meta", "name=Bad-Name");
        Assert.Equal(1, code);
        Assert.Single(error.Split("[E124]").Skip(1));
        Assert.Contains("cannot be packaged: \"name\" 'Bad-Name'", error, StringComparison.Ordinal);

        (code, _, error) = CliRunner.Run("package", dir["model"], dir["out"], "--meta", "name=Bad-Name", "--meta", "version=one");
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
            var (code, _, error) = CliRunner.Run("package", model, dir["out"], "--plugin", plugin);
            Assert.Equal(1, code);
            Assert.Contains("[E133]", error, StringComparison.Ordinal);
            Assert.DoesNotContain("..", error, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.TrimEnd());
        }
    }

    [Fact]
    public void HostileMetaValuesCannotBreakTheGeneratedFiles()
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);
        const string description = "Tags\nnews */ </summary> <x> & \"q\" \\ $(Foo) @(Bar) %41;\n# end\n- item\r\n| a | b |\u2028`tick` <script>alert(1)</script>";
        const string author = "Ann | Bob\n# Head <b>";
        var plain = TestPackager.Package(model, dir["plain"]);
        var hostile = ModelPackager.Package(new PackageOptions
        {
            Input = model,
            Output = dir["hostile"],
            MetaValues = new Dictionary<string, string> { ["description"] = description, ["author"] = author, ["tags"] = "a b,c$(X)" },
        });

        // Entry class: no value adds a line (a line break would end the /// comment) and the doc comment is well-formed XML.
        var entry = File.ReadAllLines(Path.Combine(hostile.Directory, "EnTestRuler.cs"));
        Assert.Equal(File.ReadAllLines(Path.Combine(plain.Directory, "EnTestRuler.cs")).Length, entry.Length);
        var summary = string.Join('\n', entry.TakeWhile(l => !l.StartsWith("public", StringComparison.Ordinal))
            .Where(l => l.StartsWith("///", StringComparison.Ordinal)).Select(l => l[3..]));
        var text = XElement.Parse($"<doc>{summary}</doc>").Value;
        Assert.Contains("news */ </summary> <x> & \"q\" \\ $(Foo) @(Bar) %41; # end - item | a | b | `tick` <script>", text, StringComparison.Ordinal);

        // Project: valid XML, and MSBuild sees no $(...) or @(...) to expand: %XX escapes it turns back into the text.
        var project = XDocument.Load(hostile.ProjectPath);
        string Property(string name) => Uri.UnescapeDataString(project.Descendants(name).Single().Value);
        Assert.Equal(description.Trim().Replace("\r\n", "\n", StringComparison.Ordinal), Property("Description"));
        Assert.Equal("Ann | Bob # Head <b>", Property("Authors"));
        Assert.DoesNotContain("$(", project.Descendants("Description").Single().Value, StringComparison.Ordinal);
        Assert.EndsWith(";a-b;c$(X)", Property("PackageTags"), StringComparison.Ordinal);

        // Model card: the values stay text: no new heading, list item or HTML, and table rows keep their two cells.
        var card = File.ReadAllLines(Path.Combine(hostile.Directory, "README.md"));
        Assert.Equal(["# en_test_ruler 1.0.0", "## Labels", "## Accuracy", "## How to load"], card.Where(l => l.StartsWith('#')).ToArray());
        Assert.DoesNotContain(card, l => l.StartsWith("- item", StringComparison.Ordinal) || l.Contains("<script>", StringComparison.Ordinal) || l.Contains("<b>", StringComparison.Ordinal));
        Assert.Contains(card, l => l.Contains("\\<script\\>alert(1)\\</script\\>", StringComparison.Ordinal));
        var authorRow = Assert.Single(card, l => l.StartsWith("| Author |", StringComparison.Ordinal));
        Assert.Equal(3, Regex.Matches(authorRow, @"(?<!\\)\|").Count);
        Assert.Contains("Ann \\| Bob \\# Head \\<b\\>", authorRow, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadMetaOptionIsBlamedOnTheOptionNotOnMetaJson()
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);

        var (code, _, error) = CliRunner.Run("package", model, dir["out"], "--meta", "name=../x");
        Assert.Equal(1, code);
        Assert.Contains("[E124] --meta name=../x cannot be packaged", error, StringComparison.Ordinal);
        Assert.DoesNotContain("meta.json cannot be packaged", error, StringComparison.Ordinal);

        // A problem of the file itself is still the file's.
        var meta = Path.Combine(model, "meta.json");
        File.WriteAllText(meta, File.ReadAllText(meta).Replace("\"1.0.0\"", "\"one\"", StringComparison.Ordinal));
        (code, _, error) = CliRunner.Run("package", model, dir["out"], "--meta", "name=../x");
        Assert.Contains($"{meta} with --meta name=../x cannot be packaged", error, StringComparison.Ordinal);
        Assert.Contains("[E125]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBuildHintQuotesAPathWithSpaces()
    {
        using var dir = new TempDir();
        var (code, console, error) = CliRunner.Run("package", RulerModel.Save(dir["model"]), dir["out dir"]);
        Assert.True(code == 0, error);
        var project = Path.Combine(dir["out dir"], "en_test_ruler-1.0.0", "en_test_ruler.csproj");
        Assert.Contains($"Build it with: dotnet pack \"{project}\" -c Release", console, StringComparison.Ordinal);
        Assert.Equal("plain/path.csproj", DotnetProcess.Quote("plain/path.csproj"));
        Assert.Equal("\"a b/\\$x\\\"\"", DotnetProcess.Quote("a b/$x\""));
    }
}
