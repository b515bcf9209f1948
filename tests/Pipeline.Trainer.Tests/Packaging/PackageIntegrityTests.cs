using System.Globalization;
using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Trainer.Tests.Packaging;

/// <summary>
/// <c>pipeline package</c>: one writer per output folder (E180), an output that is a link into the model (E145 by
/// real paths), no MSBuild injection through paths or sources (escaped, or E183), no control characters in the
/// meta that reaches the project file (E184).
/// </summary>
public sealed class PackageIntegrityTests
{
    [Fact]
    public void ALockedOutputFolderIsRefusedNamingTheHolder()
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);
        using (FolderLock.Acquire(dir["out"], "Pipeline.Trainer package"))
        {
            var error = Assert.Throws<PipelineException>(() => ModelPackager.Package(new PackageOptions { Input = model, Output = dir["out"] }));
            Assert.Equal("E180", error.Code);
            Assert.Contains($"process {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
            Assert.Equal([FolderLock.FileName], Directory.EnumerateFileSystemEntries(dir["out"]).Select(p => Path.GetFileName(p)!).ToArray());
        }

        var result = ModelPackager.Package(new PackageOptions { Input = model, Output = dir["out"] });
        Assert.True(File.Exists(result.ProjectPath));
        Assert.False(File.Exists(Path.Combine(dir["out"], FolderLock.FileName)));
    }

    [Fact]
    public void TemporaryEntriesOfAKilledPackageRunAreRemovedByTheNext()
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);
        var hex = new string('b', 32);
        var dead = Path.Combine(dir["out"], $"en_test_ruler-1.0.0.tmp-999999999-{hex}");
        Directory.CreateDirectory(Path.Combine(dead, "data"));
        File.WriteAllText(Path.Combine(dir["out"], $"notes.txt.tmp-999999998-{hex}"), "partial");
        var ours = Path.Combine(dir["out"], $"other.tmp-{Environment.ProcessId}-{hex}");
        Directory.CreateDirectory(ours);

        ModelPackager.Package(new PackageOptions { Input = model, Output = dir["out"] });

        Assert.False(Directory.Exists(dead));
        Assert.False(File.Exists(Path.Combine(dir["out"], $"notes.txt.tmp-999999998-{hex}")));
        Assert.True(Directory.Exists(ours));
    }

    [Theory]
    [InlineData("link")]
    [InlineData("link/packages")]
    [InlineData("parent-link/model/packages")]
    public void AnOutputThatIsALinkIntoTheModelIsRefused(string output)
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);
        Directory.CreateSymbolicLink(dir["link"], model);
        Directory.CreateSymbolicLink(dir["parent-link"], dir.Path);
        var before = Directory.EnumerateFileSystemEntries(model, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var error = Assert.Throws<PipelineException>(() => ModelPackager.Package(new PackageOptions { Input = model, Output = dir[output] }));

        Assert.Equal("E145", error.Code);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(model, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("description", "Tags\u0001news")]
    [InlineData("author", "Ann\u001BBob")]
    [InlineData("license", "Custom\u0000licence")]
    [InlineData("email", "a@b.c\u0007")]
    public void AControlCharacterInTheMetaIsRefusedBeforeTheProjectIsWritten(string field, string value)
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);

        var error = Assert.Throws<PipelineException>(() => ModelPackager.Package(new PackageOptions
        {
            Input = model,
            Output = dir["out"],
            MetaValues = new Dictionary<string, string> { [field] = value },
        }));

        Assert.Equal("E184", error.Code);
        Assert.Contains($"\"{field}\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Message, c => char.IsControl(c) && c != '\n');
        Assert.False(Directory.Exists(dir["out"]) && Directory.EnumerateFiles(dir["out"], "*.csproj", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void ASourceHoldingASemicolonIsRefusedBeforeDotnetRuns()
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);
        var hostile = dir["feed"] + ";CustomBeforeMicrosoftCommonTargets=" + dir["evil.targets"];

        var error = Assert.Throws<PipelineException>(() => ModelPackager.Package(new PackageOptions
        {
            Input = model,
            Output = dir["out"],
            Build = true,
            Sources = [hostile],
            BuildTimeout = TimeSpan.FromSeconds(30),
        }));

        Assert.Equal("E183", error.Code);
        Assert.Contains("';'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["out"]));
    }

    [Theory]
    [InlineData("out%41")]
    [InlineData("out$(Y)")]
    [InlineData("out@(Z)")]
    [InlineData("out'q")]
    [InlineData("out*")]
    public void AnOutputMsBuildCannotBuildInIsRefusedBeforeAnythingIsWritten(string output)
    {
        using var dir = new TempDir();
        var model = RulerModel.Save(dir["model"]);

        var error = Assert.Throws<PipelineException>(() => ModelPackager.Package(new PackageOptions { Input = model, Output = dir[output], Build = true }));

        Assert.Equal("E183", error.Code);
        Assert.False(Directory.Exists(dir[output]));
    }

    [Fact]
    public void PackArgumentsPassThePathsAsEscapedPropertiesOnly()
    {
        var project = "/tmp/out;Evil=1,Other=2/$(X)@(Y)%41'(*?)/en_x-1.0.0/en_x.csproj";
        var arguments = ModelPackager.PackArguments(project, ["/feeds/a,b$(c)", "https://example.com/v3/index.json"]);

        Assert.Equal("en_x.csproj", arguments[1]);
        Assert.DoesNotContain("-o", arguments);
        foreach (var property in arguments.Where(a => a.StartsWith("-p:", StringComparison.Ordinal)))
        {
            var value = property[(property.IndexOf('=', StringComparison.Ordinal) + 1)..];
            Assert.DoesNotContain(value, c => MsBuildValue.Special.Contains(c, StringComparison.Ordinal) && c != '%');
        }

        var output = Assert.Single(arguments, a => a.StartsWith("-p:PackageOutputPath=", StringComparison.Ordinal));
        Assert.Equal("/tmp/out;Evil=1,Other=2/$(X)@(Y)%41'(*?)/en_x-1.0.0/dist/", Unescape(output["-p:PackageOutputPath=".Length..]));
        var sources = Assert.Single(arguments, a => a.StartsWith("-p:RestoreAdditionalProjectSources=", StringComparison.Ordinal));
        Assert.Equal(["/feeds/a,b$(c)", "https://example.com/v3/index.json"], Unescape(sources.Split('=', 2)[1]).Split(';'));
    }

    [Fact]
    public void EscapingRoundTripsEveryMsBuildMetacharacterAndLeavesNoneBare()
    {
        var alphabet = MsBuildValue.Special + "abcXYZ019 /.-_:\\éß字";
        var random = new Random(6);
        for (var i = 0; i < 2000; i++)
        {
            var value = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var escaped = MsBuildValue.Escape(value, "value");
            Assert.DoesNotContain(escaped, c => MsBuildValue.Special.Contains(c, StringComparison.Ordinal) && c != '%');
            Assert.All(System.Text.RegularExpressions.Regex.Matches(escaped, "%(.{0,2})"), m => Assert.Matches("^[0-9A-F]{2}$", m.Groups[1].Value));
            Assert.Equal(value, Unescape(escaped));
        }

        foreach (var control in new[] { "\u0000", "\n", "\r", "\t", "\u001B", "\u007F", "\u0085" })
        {
            Assert.Equal("E183", Assert.Throws<PipelineException>(() => MsBuildValue.Escape("a" + control, "value")).Code);
        }

        Assert.Equal("E183", Assert.Throws<PipelineException>(() => MsBuildValue.ListProperty("S", ["a", "b;c"], "source")).Code);
    }

    private static string Unescape(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, "%([0-9A-F]{2})", m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
}
