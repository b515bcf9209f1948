using Pipeline.Display;
using Pipeline.Registry.Plugins;

namespace Pipeline.Tests.Plugins;

public class PluginDiscoveryTests
{
    [Fact]
    public void SnekPluginIsFoundThroughTheDepsFileWithoutCode()
    {
        // No test code names a Snek type before this: the assembly is loaded by discovery from the deps.json.
        var language = Nlp.GetLanguageClass("snk");
        Assert.Equal("SnekLanguage", language.Name);
        Assert.Equal("Snek", language.Assembly.GetName().Name);
        Assert.True(Language.Factories.Contains("snek"));
        Assert.Equal("assembly 'Snek'", Language.Factories.SourceOf("snek"));
        Assert.Equal("assembly 'Snek'", Nlp.Languages.SourceOf("snk"));
        Assert.Equal("snek", Nlp.Lookups.Get("snk").GetTable("lemma_lookup")["sneks"]);
        Assert.Equal("#2e8b57", Displacy.ColorOf("SNAKE"));
        Assert.Equal("built-in", Language.Factories.SourceOf("tagger"));
    }

    [Fact]
    public void AddPluginRegistersTheAttributesOfAnAssemblyOnce()
    {
        // What a Native AOT app calls for each plugin, since nothing is scanned there; on the JIT it works the same.
        var assembly = FakePlugins.Assembly("FakeAdded", FakePlugins.Factory("fake_added", typeof(TaggingFactory)));
        Assert.True(Nlp.AddPlugin(assembly));
        Assert.False(Nlp.AddPlugin(assembly));
        Assert.Equal("assembly 'FakeAdded'", Language.Factories.SourceOf("fake_added"));
        var tagger = Assert.IsType<FixedTagger>(Language.Factories["fake_added"](Nlp.Blank("en"), new Dictionary<string, object?> { ["tag"] = "NN" }));
        Assert.Equal("NN", tagger.Tag);
    }

    [Fact]
    public void FactoriesComeFromIPipeFactoryOrFromComponentConstructors()
    {
        var (targets, factories, _, _) = FakePlugins.Registries();
        PluginScanner.Register(
            FakePlugins.Assembly("FakePluginCtor", FakePlugins.Factory("fake_tagging", typeof(TaggingFactory)), FakePlugins.Factory("fake_echo", typeof(ConfigEcho))),
            targets);
        var nlp = Nlp.Blank("en");
        var tagger = (FixedTagger)factories["fake_tagging"](nlp, new Dictionary<string, object?> { ["tag"] = "NN" });
        Assert.Equal("NN", tagger.Tag);
        var echo = (ConfigEcho)factories["fake_echo"](nlp, new Dictionary<string, object?> { ["x"] = 1 });
        Assert.Same(nlp, echo.Nlp);
        Assert.Equal(1, echo.Config["x"]);
        Assert.Equal("assembly 'FakePluginCtor'", factories.SourceOf("fake_echo"));
    }

    [Fact]
    public void OverridingABuiltInFactoryOrLanguageWarns()
    {
        var (targets, factories, languages, _) = FakePlugins.Registries();
        using var warnings = new WarningCollector();
        PluginScanner.Register(
            FakePlugins.Assembly("FakeOverrider", FakePlugins.Factory("tagger", typeof(TaggingFactory)), FakePlugins.LanguageAttr("en", typeof(FakeLanguage))),
            targets);
        Assert.IsType<FixedTagger>(factories["tagger"](Nlp.Blank("en"), new Dictionary<string, object?>()));
        Assert.Equal(typeof(FakeLanguage), languages.GetClass("en"));
        var mine = warnings.All.Where(w => w.Message.Contains("FakeOverrider", StringComparison.Ordinal)).ToList();
        Assert.Contains(mine, w => w.Code == "W002" && w.Message.Contains("'tagger'", StringComparison.Ordinal));
        Assert.Contains(mine, w => w.Code == "W015" && w.Message.Contains("'en'", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoPluginsClaimingOneNameFailWithBothAssemblies()
    {
        var (targets, factories, languages, _) = FakePlugins.Registries();
        PluginScanner.Register(FakePlugins.Assembly("FakeFirst", FakePlugins.Factory("dup", typeof(TaggingFactory)), FakePlugins.LanguageAttr("fk", typeof(FakeLanguage))), targets);
        PluginScanner.Register(FakePlugins.Assembly("FakeSecond", FakePlugins.Factory("dup", typeof(ConfigEcho)), FakePlugins.LanguageAttr("fk", typeof(OtherFakeLanguage))), targets);
        var e = Assert.Throws<PipelineException>(() => factories.TryGet("dup", out _));
        Assert.Equal("E135", e.Code);
        Assert.Contains("FakeFirst", e.Message);
        Assert.Contains("FakeSecond", e.Message);
        var l = Assert.Throws<PipelineException>(() => languages.Create("fk"));
        Assert.Equal("E135", l.Code);
        Assert.Contains("'fk'", l.Message);

        // A conflict does not break names nobody disputes, and code can settle it by registering its choice.
        Assert.True(factories.TryGet("tagger", out _));
        factories["dup"] = (_, _) => new Marker("chosen");
        Assert.True(factories.TryGet("dup", out _));
    }

    [Fact]
    public void BadPluginDeclarationsFailWhenUsedNamingTheAssembly()
    {
        var (targets, factories, languages, lookups) = FakePlugins.Registries();
        PluginScanner.Register(
            FakePlugins.Assembly(
                "FakeBroken",
                FakePlugins.Factory("not_a_pipe", typeof(string)),
                FakePlugins.LanguageAttr("bad", typeof(FixedTagger)),
                FakePlugins.Lookups("broken", typeof(string))),
            targets);
        foreach (var action in new Action[] { () => factories.TryGet("not_a_pipe", out _), () => languages.Create("bad"), () => lookups.Get("broken") })
        {
            var e = Assert.Throws<PipelineException>(action);
            Assert.Equal("E136", e.Code);
            Assert.Contains("FakeBroken", e.Message);
        }
    }

    [Fact]
    public void LookupsAndColorsFromAProviderType()
    {
        var (targets, _, _, lookups) = FakePlugins.Registries();
        PluginScanner.Register(FakePlugins.Assembly("FakeTables", FakePlugins.Lookups("fk", typeof(FakeLookups)), FakePlugins.Colors(typeof(BadColors))), targets);
        Assert.Equal("mouse", lookups.Get("fk").Lookup("lemma_lookup", "mice"));
        Assert.Null(lookups.Get("fk").Lookup("lemma_lookup", "cats"));
        Assert.True(targets.Colors.TryGet("GOOD", out var good));
        Assert.Equal("rgb(1, 2, 3)", good);
        Assert.Equal("E143", Assert.Throws<PipelineException>(() => targets.Colors.TryGet("EVIL", out _)).Code);
        Assert.Equal("E139", Assert.Throws<PipelineException>(() => lookups.Get("nope")).Code);
        Assert.Equal("E139", Assert.Throws<PipelineException>(() => lookups.Get("fk").GetTable("nope")).Code);
    }

    [Fact]
    public void MalformedLookupResourcesAreFormatErrors()
    {
        foreach (var json in new[] { "[1, 2]", "{\"a\": 1}", "{\"a\": " })
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
            var e = Assert.Throws<PipelineFormatException>(() => PluginLookups.ReadTable(stream, "resource x"));
            Assert.Equal("E140", e.Code);
        }
    }

    [Fact]
    public void ConcurrentFirstUsesSeeTheSamePlugins()
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 16, _ => results.Add(Nlp.Blank("snk").CreatePipe("snek").Name));
        Assert.All(results, name => Assert.Equal("snek", name));
    }
}
