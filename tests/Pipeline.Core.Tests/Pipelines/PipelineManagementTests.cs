using Pipeline.Lang;

namespace Pipeline.Tests.Pipelines;

public class PipelineManagementTests
{
    [Fact]
    public void AddPipeHonoursPositions()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Marker("b"));
        nlp.AddPipe(new Marker("d"));
        nlp.AddPipe(new Marker("a"), first: true);
        nlp.AddPipe(new Marker("c"), before: "d");
        nlp.AddPipe(new Marker("e"), after: "d");
        Assert.Equal(["a", "b", "c", "d", "e"], nlp.PipeNames);
        var doc = nlp.Process("hello world");
        Assert.Equal("abcde", doc.UserData[new Pipeline.Tokens.UserDataKey("test", "trail")]);
    }

    [Fact]
    public void PipeManagementErrorsCarryCodes()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Marker("a"));
        Assert.Equal("E011", Assert.Throws<PipelineException>(() => nlp.AddPipe(new Marker("a"))).Code);
        Assert.Equal("E012", Assert.Throws<PipelineException>(() => nlp.AddPipe(new Marker("x"), before: "a", first: true)).Code);
        Assert.Equal("E010", Assert.Throws<PipelineException>(() => nlp.GetPipe("nope")).Code);
        Assert.Equal("E010", Assert.Throws<PipelineException>(() => nlp.AddPipe(new Marker("y"), after: "nope")).Code);
    }

    [Fact]
    public void ReplaceRemoveAndRenameKeepOrder()
    {
        var nlp = Nlp.Blank("xx");
        nlp.AddPipe(new Marker("a"));
        nlp.AddPipe(new Marker("b"));
        var replacement = new Marker("z");
        nlp.ReplacePipe("a", replacement);
        Assert.Same(replacement, nlp.GetPipe("a"));
        nlp.RenamePipe("a", "first");
        Assert.Equal(["first", "b"], nlp.PipeNames);
        Assert.IsType<Marker>(nlp.RemovePipe("b"));
        Assert.Equal(["first"], nlp.PipeNames);
    }

    [Fact]
    public void UnknownFactoryListsKnownOnesAndHowToRegister()
    {
        var e = Assert.Throws<PipelineException>(() => Nlp.Blank("en").CreatePipe("no_such_factory"));
        Assert.Equal("E001", e.Code);
        Assert.Contains("Language.Factories", e.Message);
        Assert.Contains("PipelineFactory", e.Message);
    }

    [Fact]
    public void UnknownLanguageListsAvailableCodes()
    {
        var e = Assert.Throws<PipelineException>(() => Nlp.Blank("zz-unknown"));
        Assert.Equal("E002", e.Code);
        Assert.Contains("en", e.Message);
        Assert.Equal(typeof(English), Nlp.GetLanguageClass("en"));
    }

    [Fact]
    public void PipeKeepsInputOrderWithThreads()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new FixedTagger("X"));
        var texts = Enumerable.Range(0, 500).Select(i => $"text number {i}").ToList();
        var docs = nlp.Pipe(texts, batchSize: 7, threads: 4).ToList();
        Assert.Equal(texts, docs.Select(d => d.Text).ToList());
        Assert.All(docs, d => Assert.Equal("X", d[0].Tag));
    }

    [Fact]
    public void FactoryConfigReachesTheComponent()
    {
        Language.Factories["test_fixed_tagger_cfg"] = (nlp, cfg) => new FixedTagger((string?)cfg.GetValueOrDefault("tag") ?? "none");
        var pipe = Nlp.Blank("en").CreatePipe("test_fixed_tagger_cfg", new Dictionary<string, object?> { ["tag"] = "NN" });
        Assert.Equal("NN", ((FixedTagger)pipe).Tag);
    }
}
