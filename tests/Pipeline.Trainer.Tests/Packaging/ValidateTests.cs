using System.IO.Compression;
using System.Text;

namespace Pipeline.Trainer.Tests.Packaging;

/// <summary><c>pipeline validate</c> names every package or model folder it cannot read, and exits 2 for them.</summary>
public sealed class ValidateTests
{
    /// <summary>Writes a small .nupkg by hand (a zip with a .nuspec and the given files), without dotnet pack.</summary>
    private static void WriteNupkg(string path, string id, IReadOnlyDictionary<string, string> files, bool nuspec = true)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        if (nuspec)
        {
            files = new Dictionary<string, string>(files)
            {
                [$"{id}.nuspec"] = $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                      <metadata>
                        <id>{id}</id>
                        <version>1.0.0</version>
                        <authors>Pipeline tests</authors>
                        <description>A test package</description>
                      </metadata>
                    </package>
                    """,
            };
        }

        foreach (var (name, text) in files)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }
    }

    [Fact]
    public void AFeedListsEveryUnreadablePackageWithItsErrorAndExits2()
    {
        using var dir = new TempDir();
        var feed = Directory.CreateDirectory(dir["feed"]).FullName;
        var model = RulerModel.Save(dir["model"]);
        var meta = File.ReadAllText(Path.Combine(model, "meta.json"));
        WriteNupkg(dir["feed/en_test_ruler.1.0.0.nupkg"], "en_test_ruler", new Dictionary<string, string> { ["models/en_test_ruler/meta.json"] = meta });
        WriteNupkg(dir["feed/other.1.0.0.nupkg"], "other", new Dictionary<string, string> { ["lib/readme.txt"] = "no model here" });
        File.WriteAllText(dir["feed/garbage.nupkg"], "this is not a zip archive");
        File.WriteAllBytes(dir["feed/empty.nupkg"], []);
        var good = File.ReadAllBytes(dir["feed/en_test_ruler.1.0.0.nupkg"]);
        File.WriteAllBytes(dir["feed/truncated.nupkg"], good[..(good.Length / 2)]);
        WriteNupkg(dir["feed/nonuspec.nupkg"], "en_nonuspec", new Dictionary<string, string> { ["models/en_nonuspec/meta.json"] = meta }, nuspec: false);
        WriteNupkg(dir["feed/en_badmeta.1.0.0.nupkg"], "en_badmeta", new Dictionary<string, string> { ["models/en_badmeta/meta.json"] = "{garbage" });
        WriteNupkg(dir["feed/en_nometa.1.0.0.nupkg"], "en_nometa", new Dictionary<string, string> { ["models/en_nometa/tokenizer"] = "data" });

        var scan = ModelInventory.ScanFeed(feed);

        Assert.Equal("en_test_ruler", Assert.Single(scan.Models).PackageId);
        var broken = scan.Unreadable.ToDictionary(u => Path.GetFileName(u.Path), u => u.Error);
        Assert.Equal(
            ["empty.nupkg", "en_badmeta.1.0.0.nupkg", "en_nometa.1.0.0.nupkg", "garbage.nupkg", "nonuspec.nupkg", "truncated.nupkg"],
            broken.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("E004", broken["en_badmeta.1.0.0.nupkg"].Code);
        Assert.All(broken.Where(b => b.Key != "en_badmeta.1.0.0.nupkg"), b => Assert.Equal("E148", b.Value.Code));
        Assert.All(broken.Values, e => Assert.IsType<PipelineFormatException>(e));

        var (code, console, _) = CliRunner.Run("validate", "--source", feed);
        Assert.Equal(2, code);
        Assert.Contains("en_test_ruler", console, StringComparison.Ordinal);
        Assert.DoesNotContain("other", console, StringComparison.Ordinal);
        foreach (var (file, error) in broken)
        {
            Assert.Contains($"unreadable {Path.Combine(feed, file)}", console, StringComparison.Ordinal);
            Assert.Contains($"[{error.Code}]", console, StringComparison.Ordinal);
        }

        Assert.Contains("not a valid zip archive", console, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAppListsItsBrokenModelFoldersAndExits2()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["app/models/en_test_ruler"]);
        Directory.CreateDirectory(dir["app/models/en_broken"]);
        File.WriteAllText(dir["app/models/en_broken/meta.json"], "{garbage");
        Directory.CreateDirectory(dir["app/models/en_nometa"]);

        var scan = ModelInventory.ScanApp(dir["app"]);
        Assert.Equal("en_test_ruler", Assert.Single(scan.Models).PackageId);
        Assert.Equal([dir["app/models/en_broken/meta.json"], dir["app/models/en_nometa"]], scan.Unreadable.Select(u => u.Path));
        Assert.Equal(["E004", "E149"], scan.Unreadable.Select(u => u.Error.Code));

        var (code, console, _) = CliRunner.Run("validate", "--app", dir["app"]);
        Assert.Equal(2, code);
        Assert.Contains("compatible", console, StringComparison.Ordinal);
        Assert.Contains($"unreadable {dir["app/models/en_broken/meta.json"]}", console, StringComparison.Ordinal);
        Assert.Contains("[E004]", console, StringComparison.Ordinal);
        Assert.Contains("[E149]", console, StringComparison.Ordinal);

        // Loading stays tolerant: the app still sees its good model.
        Assert.Equal(["en_test_ruler"], ModelPackages.Find(dir["app"]).Select(m => m.PackageId));
    }

    [Fact]
    public void OnlyBrokenModelsAreNotReportedAsNone()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["app/models/en_broken"]);
        File.WriteAllText(dir["app/models/en_broken/meta.json"], "{garbage");

        var (code, console, _) = CliRunner.Run("validate", "--app", dir["app"]);

        Assert.Equal(2, code);
        Assert.DoesNotContain("No model packages found", console, StringComparison.Ordinal);
        Assert.Contains("en_broken", console, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyAppHasNoModelsAndExits0()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["app/models"]);
        var (code, console, _) = CliRunner.Run("validate", "--app", dir["app"]);
        Assert.Equal(0, code);
        Assert.Contains("No model packages found.", console, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAppModelWhoseDataDoesNotLoadIsUnreadableWithItsFile()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["app/models/en_test_ruler"]);
        RulerModel.Save(dir["app/models/en_corrupt"], name: "corrupt");
        File.WriteAllText(dir["app/models/en_corrupt/tokenizer"], "garbage");
        RulerModel.Save(dir["app/models/en_gone"], name: "gone");
        Directory.Delete(dir["app/models/en_gone/entity_ruler"], recursive: true);

        var scan = ModelInventory.ScanApp(dir["app"]);

        Assert.Equal("en_test_ruler", Assert.Single(scan.Models).PackageId);
        Assert.Equal([dir["app/models/en_corrupt"], dir["app/models/en_gone"]], scan.Unreadable.Select(u => u.Path));
        Assert.Equal(["E008", "E007"], scan.Unreadable.Select(u => u.Error.Code));
        Assert.Contains(dir["app/models/en_corrupt/tokenizer"], scan.Unreadable[0].Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, ModelInventory.ScanApp(dir["app"], loadData: false).Models.Count);

        var (code, console, _) = CliRunner.Run("validate", "--app", dir["app"]);
        Assert.Equal(ValidateCommand.UnreadableExitCode, code);
        Assert.Contains($"unreadable {dir["app/models/en_corrupt"]}", console, StringComparison.Ordinal);
        Assert.Contains("[E008]", console, StringComparison.Ordinal);
        Assert.Contains("[E007]", console, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelNeedingAPluginThisToolLacksIsListedAsNotLoaded()
    {
        using var dir = new TempDir();
        var nlp = RulerModel.Create("plugged");
        nlp.ToDisk(dir["app/models/en_plugged"]);
        var metaPath = dir["app/models/en_plugged/meta.json"];
        File.WriteAllText(metaPath, File.ReadAllText(metaPath).Replace("\"entity_ruler\"", "\"no_such_plugin_factory\"", StringComparison.Ordinal));

        var scan = ModelInventory.ScanApp(dir["app"]);
        Assert.Equal("en_plugged", Assert.Single(scan.Models).PackageId);
        Assert.Empty(scan.Unreadable);
        Assert.Equal("E001", Assert.Single(scan.Unchecked).Error.Code);

        var (code, console, _) = CliRunner.Run("validate", "--app", dir["app"]);
        Assert.Equal(0, code);
        Assert.Contains($"not loaded {dir["app/models/en_plugged"]}", console, StringComparison.Ordinal);
        Assert.Contains("no_such_plugin_factory", console, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRowNamesItsFolderOrPackageSoCopiesAreToldApart()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["app/bin/Debug/net10.0/models/en_test_ruler"]);
        RulerModel.Save(dir["app/bin/Release/net10.0/models/en_test_ruler"]);

        var models = ModelInventory.ScanApp(dir["app"]).Models;
        Assert.Equal(
            [dir["app/bin/Debug/net10.0/models/en_test_ruler"], dir["app/bin/Release/net10.0/models/en_test_ruler"]],
            models.Select(m => m.Path));
        var (code, console, _) = CliRunner.Run("validate", "--app", dir["app"]);
        Assert.Equal(0, code);
        Assert.Contains(Path.Combine("bin", "Debug", "net10.0", "models", "en_test_ruler"), console, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("bin", "Release", "net10.0", "models", "en_test_ruler"), console, StringComparison.Ordinal);

        var meta = File.ReadAllText(dir["app/bin/Debug/net10.0/models/en_test_ruler/meta.json"]);
        foreach (var folder in new[] { "feed/a", "feed/b" })
        {
            Directory.CreateDirectory(dir[folder]);
            WriteNupkg(dir[$"{folder}/en_test_ruler.1.0.0.nupkg"], "en_test_ruler", new Dictionary<string, string> { ["models/en_test_ruler/meta.json"] = meta });
        }

        Assert.Equal(2, ModelInventory.ScanFeed(dir["feed"]).Models.Count);
        (code, console, _) = CliRunner.Run("validate", "--source", dir["feed"]);
        Assert.Equal(0, code);
        Assert.Contains(Path.Combine("a", "en_test_ruler.1.0.0.nupkg"), console, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("b", "en_test_ruler.1.0.0.nupkg"), console, StringComparison.Ordinal);
    }

    [Fact]
    public void AppAndSourceTogetherAreRefused()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["app/models"]);
        Directory.CreateDirectory(dir["feed"]);

        var (code, console, error) = CliRunner.Run("validate", "--app", dir["app"], "--source", dir["feed"]);

        Assert.Equal(1, code);
        Assert.Contains("[E151]", error, StringComparison.Ordinal);
        Assert.DoesNotContain("No model packages found", console, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHelpNamesTheExitCodes()
    {
        var output = new StringWriter();
        Assert.Equal(0, PipelineCli.Run(["validate", "--help"], new TestConsole(), output, new StringWriter()));
        var help = string.Join(' ', output.ToString().Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("2 a package or model folder is unreadable or corrupt", help, StringComparison.Ordinal);
    }
}
