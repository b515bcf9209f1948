using Pipeline.Components;


namespace Pipeline.Tests.Loading;

public sealed class ModelPackagesTests
{
    private static Language Model(string name, string? range = null)
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Sentencizer());
        nlp.Meta.Name = name;
        nlp.Meta.Version = "1.2.3";
        nlp.Meta.FrameworkVersion = range;
        return nlp;
    }

    [Fact]
    public void FindListsTheModelsOfAnOutputFolderWithTheirCompatibility()
    {
        using var dir = new TempDir();
        Model("good").ToDisk(dir["models/en_good"]);
        Model("old", "[0.0.1, 0.0.2)").ToDisk(dir["models/en_old"]);
        Directory.CreateDirectory(dir["models/not_a_model"]);

        var models = ModelPackages.Find(dir.Path);
        Assert.Equal(["en_good", "en_old"], models.Select(m => m.PackageId));
        Assert.Equal("1.2.3", models[0].Version);
        Assert.Equal(CompatibilityStatus.Compatible, models[0].Compatibility);
        Assert.Equal(CompatibilityStatus.Incompatible, models[1].Compatibility);
    }

    [Fact]
    public void LoadFindsAModelPackageBesideTheAppByName()
    {
        var id = "en_pkg_" + Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(AppContext.BaseDirectory, ModelPackages.DirectoryName, id);
        Model(id[3..]).ToDisk(path);
        try
        {
            var nlp = Nlp.Load(id);
            Assert.Equal(["sentencizer"], nlp.PipeNames);
            Assert.Equal(path, ModelPackages.Locate(id, typeof(ModelPackagesTests).Assembly));
            Assert.Equal("1.2.3", ModelPackages.ReadMeta(id).Version);
            Assert.Equal(["sentencizer"], ModelPackages.Load(id, typeof(ModelPackagesTests).Assembly).PipeNames);

            var e = Assert.Throws<PipelineException>(() => Nlp.Load("en_no_such_model"));
            Assert.Equal("E006", e.Code);
            Assert.Contains($"{id} 1.2.3", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [Fact]
    public void AMissingPackageDataFolderIsNamed()
    {
        var e = Assert.Throws<PipelineException>(() => ModelPackages.Locate("en_not_copied"));
        Assert.Equal("E120", e.Code);
        Assert.Contains(Path.Combine(ModelPackages.DirectoryName, "en_not_copied"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIncompatibleModelLoadsWithAWarningNamingBothVersions()
    {
        using var dir = new TempDir();
        Model("old", "[0.0.1, 0.0.2)").ToDisk(dir["model"]);
        using var warnings = new WarningCollector();
        Nlp.Load(dir["model"]);
        var warning = Assert.Single(warnings.All, w => w.Code == "W010" && w.Message.Contains("en_old", StringComparison.Ordinal));
        Assert.Contains("[0.0.1, 0.0.2)", warning.Message, StringComparison.Ordinal);
        Assert.Contains(Nlp.Version, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACompatibleModelRaisesNoCompatibilityWarning()
    {
        using var dir = new TempDir();
        Model("fresh_compat_model").ToDisk(dir["model"]);
        using var warnings = new WarningCollector();
        Nlp.Load(dir["model"]);
        Assert.DoesNotContain(warnings.All, w => w.Message.Contains("en_fresh_compat_model", StringComparison.Ordinal));
    }

    [Fact]
    public void UnreadableDataOfAnIncompatibleModelIsAnErrorNamingBothVersions()
    {
        using var dir = new TempDir();
        Model("future", "[9.0.0, 10.0.0)").ToDisk(dir["model"]);
        File.WriteAllBytes(dir["model/tokenizer"], [0xc1, 0x00, 0xff]);
        var e = Assert.Throws<PipelineFormatException>(() => Nlp.Load(dir["model"]));
        Assert.Equal("E121", e.Code);
        Assert.Contains("[9.0.0, 10.0.0)", e.Message, StringComparison.Ordinal);
        Assert.Contains(Nlp.Version, e.Message, StringComparison.Ordinal);
        Assert.IsType<PipelineFormatException>(e.InnerException);
    }

    [Fact]
    public void UnreadableDataOfACompatibleModelKeepsItsOwnError()
    {
        using var dir = new TempDir();
        Model("broken").ToDisk(dir["model"]);
        File.WriteAllBytes(dir["model/tokenizer"], [0xc1, 0x00, 0xff]);
        var e = Assert.Throws<PipelineFormatException>(() => Nlp.Load(dir["model"]));
        Assert.NotEqual("E121", e.Code);
    }
}
