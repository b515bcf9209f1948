using System.Text.Json;
using MessagePack;
using Pipeline.Components;

namespace Pipeline.Tests.Components;

public class EntityRulerSerializationTests
{
    private const string Text = "apple and Apple Inc met Ada Lovelace in san francisco on 12 may , not in SF";

    private static readonly string[] PatternLines =
    [
        "{\"label\": \"ORG\", \"pattern\": \"Apple Inc\", \"id\": \"apple\"}",
        "{\"label\": \"ORG\", \"pattern\": \"apple\"}",
        "{\"label\": \"PERSON\", \"pattern\": [{\"IS_TITLE\": true, \"OP\": \"+\"}], \"id\": \"person\"}",
        "{\"label\": \"GPE\", \"pattern\": [{\"LOWER\": \"san\"}, {\"LOWER\": {\"IN\": [\"francisco\", \"jose\"]}}], \"id\": \"sf\"}",
        "{\"label\": \"DATE\", \"pattern\": [{\"IS_DIGIT\": true}, {\"LOWER\": {\"REGEX\": \"^(may|june)$\"}}]}",
        "{\"label\": \"GPE\", \"pattern\": [{\"ORTH\": \"SF\"}, {\"ORTH\": \"x\", \"OP\": \"?\"}], \"id\": \"sf\"}",
    ];

    private static Language Pipeline()
    {
        var nlp = Nlp.Blank("en");
        var ruler = (EntityRuler)nlp.CreatePipe("entity_ruler", new Dictionary<string, object?>
        {
            ["overwrite_ents"] = true,
            ["phrase_matcher_attr"] = "LOWER",
        });
        ruler.AddPatterns(PatternLines.Select(EntityPattern.FromJson));
        nlp.AddPipe(ruler);
        return nlp;
    }

    private static List<string> Annotate(Language nlp, string text = Text) =>
        nlp.Process(text).Ents.Select(e => $"{e.Text}/{e.Label}/{e[0].EntId}").ToList();

    [Fact]
    public void ModelDirectoryHoldsPatternsJsonlAndLoadsThroughMetaJson()
    {
        using var dir = new TempDir();
        var nlp = Pipeline();
        var expected = Annotate(nlp);
        Assert.Equal(
            ["apple/ORG/", "Apple Inc/ORG/apple", "Ada Lovelace/PERSON/person", "san francisco/GPE/sf", "12 may/DATE/", "SF/GPE/sf"],
            expected);

        var model = dir.Combine("model");
        nlp.ToDisk(model);
        var patternsFile = Path.Combine(model, "entity_ruler", "patterns.jsonl");
        Assert.True(File.Exists(patternsFile));
        var lines = File.ReadAllLines(patternsFile);
        Assert.Equal(PatternLines.Length, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("label", out _));
            Assert.True(json.RootElement.TryGetProperty("pattern", out _));
        }

        using (var cfg = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "entity_ruler", "cfg.json"))))
        {
            Assert.True(cfg.RootElement.GetProperty("overwrite_ents").GetBoolean());
            Assert.Equal("LOWER", cfg.RootElement.GetProperty("phrase_matcher_attr").GetString());
        }

        var loaded = Nlp.Load(model);
        Assert.Equal(["entity_ruler"], loaded.PipeNames);
        var ruler = Assert.IsType<EntityRuler>(loaded.GetPipe("entity_ruler"));
        Assert.True(ruler.OverwriteEnts);
        Assert.Equal("LOWER", ruler.PhraseMatcherAttr);
        Assert.Equal(((EntityRuler)nlp.GetPipe("entity_ruler")).Patterns.Select(p => p.ToJson()), ruler.Patterns.Select(p => p.ToJson()));
        Assert.Equal(expected, Annotate(loaded));
    }

    [Fact]
    public void PipelineBytesRoundTripGivesIdenticalOutput()
    {
        var nlp = Pipeline();
        var other = Nlp.Blank("en");
        other.AddPipe(other.CreatePipe("entity_ruler"));
        other.FromBytes(nlp.ToBytes());
        Assert.Equal(Annotate(nlp), Annotate(other));
        Assert.True(((EntityRuler)other.GetPipe("entity_ruler")).OverwriteEnts);
    }

    [Fact]
    public void SentencizerAndRulerTravelTogether()
    {
        using var dir = new TempDir();
        var nlp = Pipeline();
        nlp.AddPipe(nlp.CreatePipe("sentencizer"), first: true);
        nlp.ToDisk(dir.Path);
        var loaded = Nlp.Load(dir.Path);
        Assert.Equal(["sentencizer", "entity_ruler"], loaded.PipeNames);
        var doc = loaded.Process("Apple Inc is here . Ada Lovelace too");
        Assert.Equal(["Apple Inc is here .", "Ada Lovelace too"], doc.Sents.Select(s => s.Text));
        Assert.Equal(["Apple Inc/ORG", "Ada Lovelace/PERSON"], EntityRulerTests.Ents(doc));
    }

    [Fact]
    public void ReadsSpacyStylePatternFilesWithoutConfig()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("patterns.jsonl"),
            "\uFEFF{\"label\": \"ORG\", \"pattern\": \"Apple\"}\r\n\r\n" +
            "{\"label\": \"GPE\", \"pattern\": [{\"LOWER\": \"san\"}, {\"LOWER\": \"francisco\"}], \"id\": \"san-francisco\"}\n");
        var nlp = Nlp.Blank("en");
        var ruler = new EntityRuler(nlp, overwriteEnts: true);
        ruler.AddPatterns([new EntityPattern("OLD", "replaced")]);
        ruler.FromDisk(dir.Path);
        Assert.False(ruler.OverwriteEnts);
        Assert.Equal(["GPE", "ORG"], ruler.Labels);
        Assert.Equal(["Apple/ORG", "San Francisco/GPE"], EntityRulerTests.Ents(ruler.Process(nlp.MakeDoc("Apple in San Francisco , replaced"))));
    }

    [Fact]
    public void BadJsonLineIsAFormatErrorNamingFileAndLine()
    {
        using var dir = new TempDir();
        var file = dir.Combine("patterns.jsonl");
        File.WriteAllText(file, "{\"label\": \"A\", \"pattern\": \"a\"}\n\n{\"label\": \"B\", \"pattern\": \n");
        var ruler = new EntityRuler(Nlp.Blank("en"));
        ruler.AddPatterns([new EntityPattern("KEEP", "k")]);
        var e = Assert.Throws<PipelineFormatException>(() => ruler.FromDisk(dir.Path));
        Assert.Equal("E051", e.Code);
        Assert.Contains(file, e.Message);
        Assert.Contains("line 3", e.Message);
        Assert.Equal(["KEEP"], ruler.Labels);
    }

    [Fact]
    public void InvalidPatternLineIsAFormatErrorNamingLineAndField()
    {
        using var dir = new TempDir();
        var file = dir.Combine("rules.jsonl");
        File.WriteAllText(file, "{\"label\": \"A\", \"pattern\": \"a\"}\n{\"label\": \"B\", \"pattern\": [{\"LOWER\": \"b\", \"OP\": \"{2}\"}]}\n");
        var e = Assert.Throws<PipelineFormatException>(() => new EntityRuler(Nlp.Blank("en")).FromJsonl(file));
        Assert.Equal("E051", e.Code);
        Assert.Contains("line 2", e.Message);
        Assert.Contains("pattern[0].OP", e.Message);
        Assert.Contains(file, e.Message);
    }

    [Fact]
    public void JsonlHelpersRoundTripAndAppend()
    {
        using var dir = new TempDir();
        var nlp = Pipeline();
        var ruler = (EntityRuler)nlp.GetPipe("entity_ruler");
        var file = dir.Combine("out", "patterns.jsonl");
        ruler.ToJsonl(file);

        var copy = new EntityRuler(Nlp.Blank("en"));
        copy.AddPatterns([new EntityPattern("FIRST", "first")]);
        copy.FromJsonl(file);
        Assert.Equal(PatternLines.Length + 1, copy.Patterns.Count);
        Assert.Equal(ruler.Patterns.Select(p => p.ToJson()), copy.Patterns.Skip(1).Select(p => p.ToJson()));
    }

    [Theory]
    [InlineData("{\"overwrite_ents\": \"yes\"}")]
    [InlineData("{\"phrase_matcher_attr\": \"POS\"}")]
    [InlineData("{\"phrase_matcher_attr\": 1}")]
    [InlineData("[true]")]
    [InlineData("{")]
    public void DamagedConfigFileIsAFormatError(string cfg)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("patterns.jsonl"), string.Empty);
        File.WriteAllText(dir.Combine("cfg.json"), cfg);
        var e = Assert.Throws<PipelineFormatException>(() => new EntityRuler(Nlp.Blank("en")).FromDisk(dir.Path));
        Assert.Contains("cfg.json", e.Message);
    }

    [Fact]
    public void MissingPatternsFileIsReported()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<PipelineFormatException>(() => new EntityRuler(Nlp.Blank("en")).FromDisk(dir.Path));
        Assert.Equal("E007", e.Code);
        Assert.Contains("patterns.jsonl", e.Message);
    }

    [Fact]
    public void BytesCarryFormatVersionAndRefuseNewerOnes()
    {
        var ruler = (EntityRuler)Pipeline().GetPipe("entity_ruler");
        var fields = MessagePackSerializer.Deserialize<Dictionary<string, object>>(ruler.ToBytes());
        Assert.Equal(1, Convert.ToInt32(fields["format"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("\"Apple Inc\"", (string)fields["patterns"]);

        fields["format"] = 2;
        var e = Assert.Throws<PipelineFormatException>(() => ruler.FromBytes(MessagePackSerializer.Serialize(fields)));
        Assert.Equal("E018", e.Code);
    }

    [Fact]
    public void EmptyRulerRoundTrips()
    {
        var empty = new EntityRuler(Nlp.Blank("en"));
        var copy = new EntityRuler(Nlp.Blank("en"));
        copy.AddPatterns([new EntityPattern("X", "x")]);
        copy.FromBytes(empty.ToBytes());
        Assert.Empty(copy.Patterns);
        Assert.Empty(copy.Process(new Doc(new Vocab(), ["x"])).Ents);
    }
}
