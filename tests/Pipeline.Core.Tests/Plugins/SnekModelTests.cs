using System.Text.Json;
using Pipeline.Components;
using Pipeline.Serialization;

namespace Pipeline.Tests.Plugins;

public class SnekModelTests
{
    private static readonly UserDataKey Snake = new("snek", "snake");

    [Fact]
    public void SnekModelSavesLoadsAndRuns()
    {
        using var dir = new TempDir();
        var nlp = Nlp.Blank("snk");
        nlp.AddPipe(nlp.CreatePipe("snek"));
        nlp.Meta.Requirements = ["Snek>=1.0.0"];
        nlp.ToDisk(dir.Path);

        var meta = ModelMeta.Read(dir["meta.json"]);
        Assert.Equal("snk", meta.Lang);
        Assert.Equal(["snek"], meta.Pipeline);

        var loaded = Nlp.Load(dir.Path);
        Assert.Equal("SnekLanguage", loaded.GetType().Name);
        var doc = loaded.Process("Two sneks hissed at a python");
        Assert.Contains("____", (string)doc.UserData[Snake]!);
        Assert.Equal(["sneks", "python"], doc.Ents.Select(e => e.Text));
        Assert.All(doc.Ents, e => Assert.Equal("SNAKE", e.Label));
        Assert.Equal("snek", doc[1].Lemma);
        Assert.Equal("hiss", doc[2].Lemma);
    }

    [Fact]
    public void LoadSettingsReachTheFactoryAndFromDisk()
    {
        using var dir = new TempDir();
        var nlp = Nlp.Blank("snk");
        nlp.AddPipe(nlp.CreatePipe("snek"));
        nlp.ToDisk(dir.Path);
        File.WriteAllText(dir["snek/snek.txt"], "~~~ saved snake ~~~");

        // Without settings, FromDisk reads the saved drawing.
        Assert.Equal("~~~ saved snake ~~~", (string)Nlp.Load(dir.Path).Process("snek").UserData[Snake]!);

        // A load-time style reaches the factory, and FromDisk sees it too and keeps it over the saved drawing.
        var cute = Nlp.Load(dir.Path, new() { ["snek_style"] = "cute" });
        Assert.Contains("^ ^", (string)cute.Process("snek").UserData[Snake]!);
    }

    [Fact]
    public void FromDiskGetsTheConfigOfCreatePipe()
    {
        using var dir = new TempDir();
        Language.Factories["test_config_recorder"] = (_, cfg) => new ConfigRecorder();
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("test_config_recorder", new Dictionary<string, object?> { ["mode"] = "a" }));
        nlp.ToDisk(dir.Path);

        var again = Nlp.Blank("en");
        again.AddPipe(again.CreatePipe("test_config_recorder", new Dictionary<string, object?> { ["mode"] = "b" }));
        again.FromDisk(dir.Path);
        Assert.Equal("b", ((ConfigRecorder)again.GetPipe("test_config_recorder")).Seen!["mode"]);

        var loaded = Nlp.Load(dir.Path, new() { ["mode"] = "c" });
        Assert.Equal("c", ((ConfigRecorder)loaded.GetPipe("test_config_recorder")).Seen!["mode"]);
    }

    [Fact]
    public void PipelineArgsAndPerComponentOverridesAreMerged()
    {
        var meta = ModelMeta.Parse("""
            {"lang": "en", "name": "t", "version": "1.0.0", "pipeline": ["a", "b"],
             "pipeline_args": {"a": {"size": 3, "style": "saved"}}}
            """);
        var overrides = new Dictionary<string, object?>
        {
            ["style"] = "global",
            ["component_cfg"] = new Dictionary<string, object?> { ["a"] = new Dictionary<string, object?> { ["style"] = "only-a" } },
        };
        var a = ModelLoader.ConfigFor(meta, "a", overrides, "meta.json");
        Assert.Equal(3, ((JsonElement)a["size"]!).GetInt32());
        Assert.Equal("only-a", a["style"]);
        Assert.False(a.ContainsKey("component_cfg"));
        var b = ModelLoader.ConfigFor(meta, "b", overrides, "meta.json");
        Assert.Equal("global", b["style"]);
        Assert.False(b.ContainsKey("size"));

        var bad = ModelMeta.Parse("""{"lang": "en", "name": "t", "version": "1.0.0", "pipeline_args": {"a": 5}}""");
        Assert.Equal("E005", Assert.Throws<PipelineFormatException>(() => ModelLoader.ConfigFor(bad, "a", overrides, "meta.json")).Code);
    }

    [Fact]
    public void MissingPluginFactoryNamesItAndSuggestsThePackage()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["meta.json"], """
            {"lang": "en", "name": "core_snek_sm", "version": "1.0.0", "pipeline": ["no_such_snek"],
             "requirements": ["SnekExtras>=2.0"]}
            """);
        var e = Assert.Throws<PipelineException>(() => Nlp.Load(dir.Path));
        Assert.Equal("E001", e.Code);
        Assert.Contains("'no_such_snek'", e.Message);
        Assert.Contains("dotnet add package SnekExtras", e.Message);

        File.WriteAllText(dir["meta.json"], """{"lang": "zzq", "name": "x", "version": "1.0.0", "pipeline": []}""");
        var l = Assert.Throws<PipelineException>(() => Nlp.Load(dir.Path));
        Assert.Equal("E002", l.Code);
        Assert.Contains("'zzq'", l.Message);
        Assert.Contains("dotnet add package <name>", l.Message);
    }

    private sealed class ConfigRecorder : IPipe, IConfiguredDiskSerializable
    {
        public IReadOnlyDictionary<string, object?>? Seen { get; private set; }

        public string Name => "config_recorder";

        public Doc Process(Doc doc) => doc;

        public void ToDisk(string directory) => File.WriteAllText(Path.Combine(directory, "x.txt"), "x");

        public void FromDisk(string directory, IReadOnlyDictionary<string, object?> config) => Seen = config;
    }
}
