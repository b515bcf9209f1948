using Pipeline.Corpora;
using Pipeline.IO;

namespace Pipeline.Tests.Api;

/// <summary>
/// The public API a training or packaging tool needs besides training itself (the CLI uses only this, without access
/// to the library's internals): bounded reads of archive entries, meta templates' component settings, a pipeline
/// built from a meta, corpus checks and warnings raised through the library's channel.
/// </summary>
public sealed class ToolApiTests
{
    [Fact]
    public void AStreamIsReadUpToItsCapAndRefusedPastItLeftOpen()
    {
        using var exact = new MemoryStream(new byte[10]);
        Assert.Equal(10, InputFiles.ReadAllBytes(exact, 10, "pkg.nupkg (meta.json)", "the package entry").Length);
        Assert.True(exact.CanRead);

        using var over = new MemoryStream(new byte[11]);
        var e = Assert.Throws<PipelineFormatException>(() => InputFiles.ReadAllBytes(over, 10, "pkg.nupkg (meta.json)", "the package entry"));
        Assert.Equal("E163", e.Code);
        Assert.Equal("pkg.nupkg (meta.json)", e.DataSource);
        Assert.Contains("the package entry", e.Message, StringComparison.Ordinal);
        Assert.True(over.CanRead);
    }

    [Fact]
    public void ComponentSettingsComeFromTheMetasPipelineArgs()
    {
        var meta = ModelMeta.Parse("""{"lang": "en", "name": "x", "version": "1.0.0", "pipeline_args": {"tagger": {"drop_rate": 0.2}, "parser": 3}}""");
        var settings = meta.ComponentSettings("tagger", "template.json");
        Assert.Equal(0.2, Assert.IsType<System.Text.Json.JsonElement>(settings["drop_rate"]).GetDouble());
        Assert.Empty(meta.ComponentSettings("ner"));

        var e = Assert.Throws<PipelineFormatException>(() => meta.ComponentSettings("parser", "template.json"));
        Assert.Equal("E005", e.Code);
        Assert.Equal("template.json", e.DataSource);
        Assert.Contains("pipeline_args.parser", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromMetaCreatesTheComponentsWithoutData()
    {
        using var dir = new TempDir();
        var meta = new ModelMeta { Lang = "en", Name = "x", Version = "1.0.0", Pipeline = ["sentencizer", "tagger"] };
        var nlp = Nlp.FromMeta(meta, dir["meta.json"]);
        Assert.Equal(["sentencizer", "tagger"], nlp.PipeNames);
        Assert.Equal("E063", Assert.Throws<PipelineException>(() => nlp.Process("Hello there.")).Code);
    }

    [Fact]
    public void ADraftMetaMayLackItsIdentityButNotBeBroken()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["draft.json"], """{"description": "no name yet"}""");
        Assert.Equal("no name yet", ModelMeta.ReadDraft(dir["draft.json"]).Description);
        Assert.Throws<PipelineFormatException>(() => ModelMeta.Read(dir["draft.json"]));

        File.WriteAllText(dir["broken.json"], "[1, 2]");
        Assert.Equal("E004", Assert.Throws<PipelineFormatException>(() => ModelMeta.ReadDraft(dir["broken.json"])).Code);
    }

    [Fact]
    public void AMissingCorpusIsE062ForTheCheckAndTheReadersAlike()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["folder.conllu"]);
        foreach (var path in new[] { dir["missing.conllu"], dir["folder.conllu"] })
        {
            Assert.Equal("E062", Assert.Throws<PipelineException>(() => CorpusFile.RequireExists(path)).Code);
            Assert.Equal("E062", Assert.Throws<PipelineException>(() => ConlluReader.Read(path)).Code);
            Assert.Equal("E062", Assert.Throws<PipelineException>(() => new Iob2Reader().Read(path)).Code);
        }
    }

    [Fact]
    public void AToolsWarningReachesTheSubscribersWithItsCode()
    {
        using var warnings = new WarningCollector();
        Warnings.Emit("W900", "A tool's own notice.");
        Assert.Contains(warnings.All, w => w.Code == "W900" && w.Message == "A tool's own notice.");
        Assert.Throws<ArgumentException>(() => Warnings.Emit(" ", "no code"));
    }
}
