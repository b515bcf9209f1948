using System.Text.Json.Nodes;

namespace Pipeline.Tests.Pipelines;

public class LanguageSerializationTests
{
    static LanguageSerializationTests()
    {
        Language.Factories["test_fixed_tagger"] = (nlp, cfg) => new FixedTagger((string?)cfg.GetValueOrDefault("tag") ?? "default");
    }

    private static Language Trained(string tag = "NN")
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new FixedTagger(tag), "test_fixed_tagger");
        nlp.Meta.Name = "test_model";
        nlp.Meta.Version = "1.2.3";
        return nlp;
    }

    [Fact]
    public void WhenSeveralComponentsLackDataTheFirstInPipelineOrderIsReported()
    {
        string[] names = ["probe_a", "probe_b", "probe_c", "probe_d"];
        static Language Probes(string[] names, Func<string, string> tag)
        {
            var nlp = Nlp.Blank("en");
            foreach (var name in names)
            {
                nlp.AddPipe(new FixedTagger(tag(name)), name);
            }

            return nlp;
        }

        using var dir = new TempDir();
        Probes(names, name => name).ToDisk(dir["model"]);
        var loaded = Probes(names, _ => "unset");
        loaded.FromDisk(dir["model"]);
        Assert.Equal(names, loaded.Pipeline.Select(p => ((FixedTagger)p.Pipe).Tag));

        File.Delete(dir["model/probe_b/data.bin"]);
        File.Delete(dir["model/probe_c/data.bin"]);
        var error = Assert.ThrowsAny<PipelineException>(() => Probes(names, _ => "unset").FromDisk(dir["model"]));
        Assert.Equal("E007", error.Code);
        Assert.Contains("probe_b", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("probe_c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDiskWritesTheModelLayout()
    {
        using var dir = new TempDir();
        Trained().ToDisk(dir["model"]);
        Assert.True(File.Exists(dir["model/meta.json"]));
        Assert.True(File.Exists(dir["model/vocab/strings.bin"]));
        Assert.True(File.Exists(dir["model/test_fixed_tagger/data.bin"]));
        var meta = Pipeline.ModelMeta.Read(dir["model/meta.json"]);
        Assert.Equal(["test_fixed_tagger"], meta.Pipeline);
        Assert.Equal("en", meta.Lang);
        Assert.Equal(Nlp.CompatibleRange, meta.FrameworkVersion);
        Assert.Empty(Directory.GetDirectories(dir.Path, "*.tmp-*"));
    }

    [Fact]
    public void LoadBuildsThePipelineFromMetaAndRestoresState()
    {
        using var dir = new TempDir();
        Trained("VB").ToDisk(dir["model"]);
        var nlp = Nlp.Load(dir["model"]);
        Assert.Equal(["test_fixed_tagger"], nlp.PipeNames);
        Assert.Equal("VB", nlp.Process("a b")[1].Tag);
        Assert.Equal("1.2.3", nlp.Meta.Version);
    }

    [Fact]
    public void LoadPassesOverridesToFactories()
    {
        Language.Factories["test_marker_cfg"] = (nlp, cfg) => new Marker((string?)cfg.GetValueOrDefault("marker") ?? "-");
        using var dir = new TempDir();
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("test_marker_cfg"), "test_marker_cfg");
        nlp.ToDisk(dir["model"]);
        var loaded = Nlp.Load(dir["model"], new() { ["marker"] = "from-override" });
        Assert.Equal("from-override", loaded.Process("x").UserData[new Pipeline.Tokens.UserDataKey("test", "trail")]);
    }

    [Fact]
    public void BytesRoundTripRestoresComponentsAndMeta()
    {
        var bytes = Trained("JJ").ToBytes();
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("test_fixed_tagger"));
        nlp.FromBytes(bytes);
        Assert.Equal("JJ", nlp.Process("x")[0].Tag);
        Assert.Equal("test_model", nlp.Meta.Name);
    }

    [Fact]
    public void DiskOnlyComponentTravelsInBytes()
    {
        var nlp = Nlp.Blank("en");
        var component = new Pipeline.Docs.Examples.CustomComponent();
        component.Add(new() { ["k"] = "v" });
        nlp.AddPipe(component);
        var other = Nlp.Blank("en");
        var empty = new Pipeline.Docs.Examples.CustomComponent();
        other.AddPipe(empty);
        other.FromBytes(nlp.ToBytes());
        Assert.Equal("v", empty.Data[0]["k"]);
    }

    [Fact]
    public void FromDiskFillsExistingPipesAndWarnsAboutOrphanData()
    {
        using var dir = new TempDir();
        Trained().ToDisk(dir["model"]);
        using var warnings = new WarningCollector();
        var blank = Nlp.Blank("en").FromDisk(dir["model"]);
        Assert.Empty(blank.PipeNames);
        Assert.Contains(warnings.All, w => w.Code == "W001" && w.Message.Contains("test_fixed_tagger") && w.Message.Contains(dir["model"]));
    }

    [Fact]
    public void MissingComponentDataIsNamed()
    {
        using var dir = new TempDir();
        Trained().ToDisk(dir["model"]);
        Directory.Delete(dir["model/test_fixed_tagger"], recursive: true);
        var e = Assert.Throws<PipelineFormatException>(() => Nlp.Load(dir["model"]));
        Assert.Equal("E007", e.Code);
        Assert.Contains("test_fixed_tagger", e.Message);
    }

    [Fact]
    public void MetaProblemsAreNamed()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["empty"]);
        Assert.Equal("E003", Assert.Throws<PipelineException>(() => Nlp.Load(dir["empty"])).Code);

        Trained().ToDisk(dir["model"]);
        File.WriteAllText(dir["model/meta.json"], "{ \"lang\": \"en\", ");
        var corrupt = Assert.Throws<PipelineFormatException>(() => Nlp.Load(dir["model"]));
        Assert.Equal("E004", corrupt.Code);
        Assert.Contains("meta.json", corrupt.Message);

        File.WriteAllText(dir["model/meta.json"], "{ \"lang\": \"en\", \"version\": \"1.0.0\" }");
        var missing = Assert.Throws<PipelineFormatException>(() => Nlp.Load(dir["model"]));
        Assert.Equal("E005", missing.Code);
        Assert.Contains("\"name\"", missing.Message);
    }

    [Fact]
    public void UnknownFactoryInMetaSaysHowToFixIt()
    {
        using var dir = new TempDir();
        Trained().ToDisk(dir["model"]);
        var meta = JsonNode.Parse(File.ReadAllText(dir["model/meta.json"]))!;
        meta["pipeline"] = new JsonArray("snek_missing");
        File.WriteAllText(dir["model/meta.json"], meta.ToJsonString());
        var e = Assert.Throws<PipelineException>(() => Nlp.Load(dir["model"]));
        Assert.Equal("E001", e.Code);
        Assert.Contains("snek_missing", e.Message);
    }

    [Fact]
    public void UnknownMetaKeysSurviveARoundTrip()
    {
        using var dir = new TempDir();
        Trained().ToDisk(dir["model"]);
        var meta = JsonNode.Parse(File.ReadAllText(dir["model/meta.json"]))!;
        meta["custom_key"] = new JsonObject { ["nested"] = 42 };
        File.WriteAllText(dir["model/meta.json"], meta.ToJsonString());
        Nlp.Load(dir["model"]).ToDisk(dir["again"]);
        var again = JsonNode.Parse(File.ReadAllText(dir["again/meta.json"]))!;
        Assert.Equal(42, (int)again["custom_key"]!["nested"]!);
    }

    [Fact]
    public void FailedSaveKeepsThePreviousModel()
    {
        using var dir = new TempDir();
        Trained("OLD").ToDisk(dir["model"]);
        var nlp = Trained("NEW");
        nlp.AddPipe(new Exploding());
        Assert.Throws<InvalidOperationException>(() => nlp.ToDisk(dir["model"]));
        Assert.Equal("OLD", Nlp.Load(dir["model"]).Process("x")[0].Tag);
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void ModelNotFoundIsExplained()
    {
        var e = Assert.Throws<PipelineException>(() => Nlp.Load("xx_no_such_model"));
        Assert.Equal("E006", e.Code);
        Assert.Contains("dotnet add package", e.Message);
    }

    private sealed class Exploding : Pipeline.Components.IPipe, Pipeline.Serialization.IByteSerializable
    {
        public string Name => "exploding";

        public Pipeline.Tokens.Doc Process(Pipeline.Tokens.Doc doc) => doc;

        public byte[] ToBytes() => throw new InvalidOperationException("boom");

        public void FromBytes(byte[] data)
        {
        }
    }
}
