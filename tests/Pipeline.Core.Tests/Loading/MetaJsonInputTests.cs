using System.Globalization;
using System.Text;
using Pipeline.Components;

namespace Pipeline.Tests.Loading;

/// <summary>
/// meta.json is untrusted input: numbers JSON cannot hold (E164), bytes that are not UTF-8 (E157) and keys of
/// "pipeline_args" that nothing reads (W031, with the nearest known key) are reported, not silently kept.
/// </summary>
public sealed class MetaJsonInputTests : TempDirTest
{
    private static string Meta(string extra) =>
        $$"""{"lang": "en", "name": "m", "version": "1.0.0", "pipeline": ["sentencizer"]{{extra}}}""";

    [Theory]
    [InlineData("accuracy", "upos", "1e400")]
    [InlineData("accuracy", "las", "-1e400")]
    [InlineData("speed", "words_per_second", "1.7976931348623159e308")]
    [InlineData("accuracy", "ents_f", "123456789e999")]
    public void ANumberADoubleCannotHoldIsRefusedNamingTheField(string field, string key, string number)
    {
        var json = Meta($$""", "{{field}}": {"ok": 1.5, "{{key}}": {{number}}}""");

        var e = Assert.Throws<PipelineFormatException>(() => ModelMeta.Parse(json, "m/meta.json"));

        Assert.Equal("E164", e.Code);
        Assert.Equal("m/meta.json", e.DataSource);
        Assert.Contains($"\"{field}.{key}\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiniteNumbersOfEveryMagnitudeAreKept()
    {
        var random = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300));
            var json = Meta($$""", "accuracy": {"x": {{value.ToString("R", CultureInfo.InvariantCulture)}}}""");

            Assert.Equal(value, ModelMeta.Parse(json).Accuracy["x"]);
        }
    }

    [Fact]
    public void AModelWithAnInfiniteScoreIsRefusedWhenLoaded()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Sentencizer());
        nlp.ToDisk(Dir["model"]);
        var path = Dir["model/meta.json"];
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"accuracy\": {}", "\"accuracy\": {\"upos\": 1e400}", StringComparison.Ordinal));
        Assert.Contains("1e400", File.ReadAllText(path), StringComparison.Ordinal);

        Assert.Equal("E164", Assert.Throws<PipelineFormatException>(() => Nlp.Load(Dir["model"])).Code);
    }

    [Fact]
    public void InvalidUtf8InMetaJsonIsRefusedWithItsPlace()
    {
        Directory.CreateDirectory(Dir["model"]);
        var bytes = Encoding.UTF8.GetBytes(Meta(", \"description\": \"caf\u00e9\"").Replace(", \"", ",\n\"", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at] = 0xE9; // Latin-1 é followed by a stray continuation byte
        File.WriteAllBytes(Dir["model/meta.json"], bytes);

        var e = Assert.Throws<PipelineFormatException>(() => ModelMeta.Read(Dir["model/meta.json"]));

        Assert.Equal("E157", e.Code);
        Assert.StartsWith(Dir["model/meta.json"] + ":", e.DataSource, StringComparison.Ordinal);
        Assert.Contains("0xE9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPipelineArgsKeysWarnWithTheNearestKnownOne()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Sentencizer());
        nlp.ToDisk(Dir["model"]);
        var path = Dir["model/meta.json"];
        var meta = ModelMeta.Read(path);
        using (var args = System.Text.Json.JsonDocument.Parse("""{"sentencizer": {"punct_charz": ["!"], "punct_chars": ["."]}, "sentencizr": {}}"""))
        {
            meta.Extra["pipeline_args"] = args.RootElement.Clone();
        }

        meta.Write(path);
        using var warnings = new WarningCollector();

        Nlp.Load(Dir["model"]);

        var w031 = warnings.All.Where(w => w.Code == "W031").Select(w => w.Message).ToList();
        Assert.Equal(2, w031.Count);
        Assert.Contains(w031, m => m.Contains("'sentencizer.punct_charz'", StringComparison.Ordinal) && m.Contains("Did you mean 'punct_chars'?", StringComparison.Ordinal));
        Assert.Contains(w031, m => m.Contains("'sentencizr'", StringComparison.Ordinal) && m.Contains("Did you mean 'sentencizer'?", StringComparison.Ordinal));
        Assert.DoesNotContain(w031, m => m.Contains("'sentencizer.punct_chars'", StringComparison.Ordinal));
    }

    [Fact]
    public void KnownPipelineArgsRaiseNoWarning()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Sentencizer());
        nlp.ToDisk(Dir["model"]);
        var path = Dir["model/meta.json"];
        var meta = ModelMeta.Read(path);
        using (var args = System.Text.Json.JsonDocument.Parse("""{"sentencizer": {"punct_chars": ["."]}}"""))
        {
            meta.Extra["pipeline_args"] = args.RootElement.Clone();
        }

        meta.Write(path);
        using var warnings = new WarningCollector();

        Nlp.Load(Dir["model"]);

        Assert.DoesNotContain(warnings.All, w => w.Code == "W031");
    }

    [Fact]
    public void NearestNameIsTheFewestEdits()
    {
        Assert.Equal("punct_chars", NearestName.Find("punct_charz", ["overwrite_ents", "punct_chars"]));
        Assert.Equal("Configuration", NearestName.Find("configuraton", ["Verbosity", "Configuration", "Version"]));
        Assert.Null(NearestName.Find("x", []));
        Assert.Equal(3, NearestName.Distance("kitten", "sitting"));
    }
}
