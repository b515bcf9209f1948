using System.Text.Json;

namespace Pipeline.Trainer.Tests.Packaging;

public sealed class ModelPackagerTests
{
    [Theory]
    [InlineData("package", "<input>", "<output>", "--meta-path", "--create-meta", "--meta", "--force", "--build", "--source", "--plugin", "--plugins")]
    [InlineData("validate", "--source", "--app")]
    public void TheCommandsDescribeTheirArgumentsAndOptions(string command, params string[] names)
    {
        var output = new StringWriter();
        Assert.Equal(0, PipelineCli.Run([command, "--help"], new TestConsole(), output, new StringWriter()));
        foreach (var name in names)
        {
            var line = output.ToString().Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(name + " ", StringComparison.Ordinal) || l.Contains($", {name} ", StringComparison.Ordinal));
            Assert.True(line is not null && line.Trim().Length > name.Length + 10, $"'{name}' missing or undescribed in the help of {command}:\n{output}");
        }
    }

    [Fact]
    public void ThePackageDirectoryHoldsProjectMetaEntryClassCardAndData()
    {
        using var dir = new TempDir();
        var result = TestPackager.Package(RulerModel.Save(dir["model"]), dir["out"]);

        var root = dir["out/en_test_ruler-1.0.0"];
        Assert.Equal(root, result.Directory);
        Assert.Equal("Pipeline.Models.EnTestRuler", result.EntryClass);
        Assert.Null(result.NupkgPath);
        foreach (var file in new[] { "en_test_ruler.csproj", "meta.json", "EnTestRuler.cs", "README.md", "buildTransitive/en_test_ruler.targets" })
        {
            Assert.True(File.Exists(Path.Combine(root, file)), file);
        }

        var data = Path.Combine(root, "en_test_ruler-1.0.0");
        Assert.True(File.Exists(Path.Combine(data, "meta.json")));
        Assert.True(File.Exists(Path.Combine(data, "tokenizer")));
        Assert.True(Directory.Exists(Path.Combine(data, "entity_ruler")));
        Assert.Equal(RulerModel.Describe(RulerModel.Create()), RulerModel.Describe(Nlp.Load(data)));

        var project = File.ReadAllText(result.ProjectPath);
        Assert.Contains("<PackageId>en_test_ruler</PackageId>", project, StringComparison.Ordinal);
        Assert.Contains("<Version>1.0.0</Version>", project, StringComparison.Ordinal);
        Assert.Contains("<Authors>Pipeline tests</Authors>", project, StringComparison.Ordinal);
        Assert.Contains("<PackageLicenseExpression>MIT</PackageLicenseExpression>", project, StringComparison.Ordinal);
        Assert.Contains("<PackageProjectUrl>https://example.com/models</PackageProjectUrl>", project, StringComparison.Ordinal);
        Assert.Contains("<PackageReadmeFile>README.md</PackageReadmeFile>", project, StringComparison.Ordinal);
        Assert.Contains($"<PackageReference Include=\"Pipeline.Core\" Version=\"{Nlp.CompatibleRange}\" />", project, StringComparison.Ordinal);
        Assert.Contains("entity_ruler", project, StringComparison.Ordinal);

        var entry = File.ReadAllText(Path.Combine(root, "EnTestRuler.cs"));
        Assert.Contains("public static class EnTestRuler", entry, StringComparison.Ordinal);
        Assert.Contains("Load(IReadOnlyDictionary<string, object?>? overrides = null)", entry, StringComparison.Ordinal);
        Assert.Contains("ModelMeta Meta", entry, StringComparison.Ordinal);

        var card = File.ReadAllText(Path.Combine(root, "README.md"));
        foreach (var part in new[] { "# en_test_ruler 1.0.0", "`sentencizer`, `entity_ruler`", "**entity_ruler**", "`GPE`", "| ents_f | 100 |", "hand-written patterns", "| Licence | MIT |", "EnTestRuler.Load()", "Nlp.Load(\"en_test_ruler\")" })
        {
            Assert.Contains(part, card, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheCommandPackagesAndReportsTheEntryClass()
    {
        using var dir = new TempDir();
        var (code, console, error) = CliRunner.Run("package", RulerModel.Save(dir["model"]), dir["out"], "--meta", "version=2.0.1", "--meta", "tags=rules,demo");
        Assert.True(code == 0, error);
        Assert.Contains("EnTestRuler", console, StringComparison.Ordinal);
        var meta = ModelMeta.Read(dir["out/en_test_ruler-2.0.1/en_test_ruler-2.0.1/meta.json"]);
        Assert.Equal("2.0.1", meta.Version);
        Assert.Contains("<PackageTags>pipeline;nlp;model;en;sentencizer;entity_ruler;rules;demo</PackageTags>", File.ReadAllText(dir["out/en_test_ruler-2.0.1/en_test_ruler.csproj"]), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingMetaJsonIsNamed()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["model"]);
        File.Delete(dir["model/meta.json"]);
        var (code, _, error) = CliRunner.Run("package", dir["model"], dir["out"]);
        Assert.Equal(1, code);
        Assert.Contains("[E122]", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["out"]));
    }

    [Fact]
    public void CreateMetaTakesTheFieldsFromOptionsWhenThereIsNoMetaJson()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["model"]);
        var pipeline = ModelMeta.Read(dir["model/meta.json"]).Pipeline;
        File.Delete(dir["model/meta.json"]);
        var asked = new List<string>();
        var result = ModelPackager.Package(new PackageOptions
        {
            Input = dir["model"],
            Output = dir["out"],
            CreateMeta = true,
            MetaValues = new Dictionary<string, string>
            {
                ["lang"] = "en",
                ["name"] = "made_up",
                ["version"] = "0.3.0",
                ["pipeline"] = string.Join(',', pipeline),
            },
            Prompt = (field, current) =>
            {
                asked.Add(field);
                return field == "description" ? "Asked for" : null;
            },
        });
        Assert.Equal("en_made_up", result.Meta.PackageId);
        Assert.Equal("Asked for", result.Meta.Description);
        Assert.DoesNotContain("lang", asked);
        Assert.Contains("license", asked);
        Assert.Equal(pipeline, result.Meta.Pipeline);
        Assert.Equal(RulerModel.Describe(RulerModel.Create()), RulerModel.Describe(Nlp.Load(Path.Combine(result.Directory, "en_made_up-0.3.0"))));
    }

    [Fact]
    public void MalformedMetaJsonIsAFormatError()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["model"]);
        File.WriteAllText(dir["model/meta.json"], "{\"lang\": \"en\",");
        var e = Assert.Throws<PipelineFormatException>(() => TestPackager.Package(dir["model"], dir["out"]));
        Assert.Equal("E004", e.Code);
    }

    [Fact]
    public void MissingAndMalformedFieldsAreEachNamed()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["model"]);
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(dir["model/meta.json"]))!;
        json.Remove("name");
        json["version"] = JsonSerializer.SerializeToElement("1.0");
        json["framework_version"] = JsonSerializer.SerializeToElement(">=0.1");
        File.WriteAllText(dir["model/meta.json"], JsonSerializer.Serialize(json));

        var (code, _, error) = CliRunner.Run("package", dir["model"], dir["out"]);
        Assert.Equal(1, code);
        Assert.Contains("[E123]", error, StringComparison.Ordinal);
        Assert.Contains("cannot be packaged: \"name\" is missing", error, StringComparison.Ordinal);
        Assert.Contains("[E125]", error, StringComparison.Ordinal);
        Assert.Contains("[E126]", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("colour=blue", "E132")]
    [InlineData("version", "E132")]
    [InlineData("name=Not-Valid", "E124")]
    public void BadMetaOptionsAreNamed(string option, string code)
    {
        using var dir = new TempDir();
        var (exit, _, error) = CliRunner.Run("package", RulerModel.Save(dir["model"]), dir["out"], "--meta", option);
        Assert.Equal(1, exit);
        Assert.Contains($"[{code}]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExistingPackageIsReplacedOnlyWithForce()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["model"]);
        TestPackager.Package(dir["model"], dir["out"]);
        File.WriteAllText(dir["out/en_test_ruler-1.0.0/extra.txt"], "left over");

        var (code, _, error) = CliRunner.Run("package", dir["model"], dir["out"]);
        Assert.Equal(1, code);
        Assert.Contains("[E128]", error, StringComparison.Ordinal);
        Assert.True(File.Exists(dir["out/en_test_ruler-1.0.0/extra.txt"]));

        (code, _, error) = CliRunner.Run("package", dir["model"], dir["out"], "--force");
        Assert.True(code == 0, error);
        Assert.False(File.Exists(dir["out/en_test_ruler-1.0.0/extra.txt"]));
        Assert.True(File.Exists(dir["out/en_test_ruler-1.0.0/en_test_ruler.csproj"]));
    }

    [Fact]
    public void AModelMissingAComponentsDataIsRefused()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["model"]);
        Directory.Delete(dir["model/entity_ruler"], recursive: true);
        var e = Assert.Throws<PipelineException>(() => TestPackager.Package(dir["model"], dir["out"]));
        Assert.Equal("E129", e.Code);
        Assert.Contains("[E007]", e.Message, StringComparison.Ordinal);
        Assert.Contains("entity_ruler", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["out"]));
    }

    [Fact]
    public void MetaPathReplacesTheMetaButKeepsTheModelsPipeline()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["model"]);
        File.WriteAllText(dir["template.json"], """{"lang": "en", "name": "from_template", "version": "3.1.4", "license": "CC BY-SA 3.0", "pipeline": ["tagger"]}""");
        var (code, _, error) = CliRunner.Run("package", dir["model"], dir["out"], "--meta-path", dir["template.json"]);
        Assert.True(code == 0, error);
        var root = dir["out/en_from_template-3.1.4"];
        Assert.Equal(["sentencizer", "entity_ruler"], ModelMeta.Read(Path.Combine(root, "meta.json")).Pipeline);
        var project = File.ReadAllText(Path.Combine(root, "en_from_template.csproj"));
        Assert.Contains("<PackageLicenseFile>LICENSE.txt</PackageLicenseFile>", project, StringComparison.Ordinal);
        Assert.Contains("CC BY-SA 3.0", File.ReadAllText(Path.Combine(root, "LICENSE.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void MetaRequirementsBecomePackageDependencies()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["model"]);
        var metaPath = Path.Combine(dir["model"], "meta.json");
        var meta = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(metaPath))!.AsObject();
        meta["requirements"] = new System.Text.Json.Nodes.JsonArray("Snek>=1.0", "Pipeline.Core>=0.1");
        File.WriteAllText(metaPath, meta.ToJsonString());

        var result = TestPackager.Package(dir["model"], dir["out"]);

        var project = File.ReadAllText(result.ProjectPath);
        Assert.Contains("<PackageReference Include=\"Snek\" Version=\"[1.0, )\" />", project, StringComparison.Ordinal);
        Assert.Single(project.Split('\n'), l => l.Contains("Include=\"Pipeline.Core\"", StringComparison.Ordinal));
    }

    [Fact]
    public void PackagingADefaultNameOrVersionWarnsUnlessTheyAreSet()
    {
        using var dir = new TempDir();
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Pipeline.Components.Sentencizer());
        nlp.ToDisk(dir["model"]);
        var warnings = new WarningCollector();
        using (warnings)
        {
            Assert.Equal("en_pipeline", TestPackager.Package(dir["model"], dir["out"]).Meta.PackageId);
            var warning = Assert.Single(warnings.All, w => w.Code == "W046");
            Assert.Contains("Packaging as en_pipeline 0.0.0", warning.Message, StringComparison.Ordinal);
            Assert.Contains("name 'pipeline' and version '0.0.0'", warning.Message, StringComparison.Ordinal);
            warnings.Clear();

            ModelPackager.Package(new PackageOptions
            {
                Input = dir["model"],
                Output = dir["named"],
                MetaValues = new Dictionary<string, string> { ["name"] = "rules", ["version"] = "1.0.0" },
            });
        }

        Assert.DoesNotContain(warnings.All, w => w.Code == "W046");
    }

    [Fact]
    public void AMissingFrameworkVersionBecomesTheRunningCoresRange()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["model"]);
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(dir["model/meta.json"]))!;
        json.Remove("framework_version");
        File.WriteAllText(dir["model/meta.json"], JsonSerializer.Serialize(json));
        var warnings = new WarningCollector();
        using (warnings)
        {
            var result = TestPackager.Package(dir["model"], dir["out"]);
            Assert.Equal(Nlp.CompatibleRange, result.Meta.FrameworkVersion);
        }

        Assert.Contains(warnings.All, w => w.Code == "W012" && w.Message.Contains("en_test_ruler", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateListsTheModelsOfAnAppOutput()
    {
        using var dir = new TempDir();
        RulerModel.Save(dir["app/models/en_test_ruler"]);
        var old = RulerModel.Create("old_rules");
        old.Meta.FrameworkVersion = "[0.0.1, 0.0.2)";
        old.ToDisk(dir["app/models/en_old_rules"]);

        var models = ModelInventory.FromApp(dir["app"]);
        Assert.Equal(["en_old_rules", "en_test_ruler"], models.Select(m => m.PackageId));
        Assert.Equal([CompatibilityStatus.Incompatible, CompatibilityStatus.Compatible], models.Select(m => m.Compatibility));

        var (code, console, _) = CliRunner.Run("validate", "--app", dir["app"]);
        Assert.Equal(1, code);
        Assert.Contains("incompatible", console, StringComparison.Ordinal);
        Assert.Contains("[0.0.1, 0.0.2)", console, StringComparison.Ordinal);
    }
}
