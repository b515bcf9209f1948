using MessagePack;
using Pipeline.Components;

namespace Pipeline.Tests.Components;

public class SentencizerSerializationTests
{
    private const string Text = "a b | c . d ¶ e ! f";

    private static Language Pipeline(params string[] punct)
    {
        var nlp = Nlp.Blank("en");
        var config = new Dictionary<string, object?>();
        if (punct.Length > 0)
        {
            config["punct_chars"] = punct;
        }

        nlp.AddPipe(nlp.CreatePipe("sentencizer", config));
        return nlp;
    }

    private static List<string> Sents(Language nlp, string text) => nlp.Process(text).Sents.Select(s => s.Text).ToList();

    [Fact]
    public void BytesRoundTripKeepsThePunctuationSet()
    {
        var original = new Sentencizer(["|", "¶", "𑁇"]);
        var copy = new Sentencizer();
        copy.FromBytes(original.ToBytes());
        Assert.Equal(original.PunctChars, copy.PunctChars);
    }

    [Fact]
    public void PipelineBytesRoundTripGivesTheSameSentences()
    {
        var nlp = Pipeline("|", "¶");
        var expected = Sents(nlp, Text);
        Assert.Equal(["a b |", "c . d ¶", "e ! f"], expected);

        var other = Pipeline();
        Assert.NotEqual(expected, Sents(other, Text));
        other.FromBytes(nlp.ToBytes());
        Assert.Equal(expected, Sents(other, Text));
    }

    [Fact]
    public void ModelDirectoryLoadsThroughMetaJson()
    {
        using var dir = new TempDir();
        var nlp = Pipeline("|", "¶");
        var model = dir.Combine("model");
        nlp.ToDisk(model);
        Assert.True(File.Exists(Path.Combine(model, "sentencizer", "cfg.json")));
        Assert.Contains("¶", File.ReadAllText(Path.Combine(model, "sentencizer", "cfg.json")));

        var loaded = Nlp.Load(model);
        Assert.Equal(["sentencizer"], loaded.PipeNames);
        Assert.IsType<Sentencizer>(loaded.GetPipe("sentencizer"));
        Assert.Equal(Sents(nlp, Text), Sents(loaded, Text));
        Assert.Equal(["|", "¶"], ((Sentencizer)loaded.GetPipe("sentencizer")).PunctChars);
    }

    [Fact]
    public void DefaultSetSurvivesDiskRoundTrip()
    {
        using var dir = new TempDir();
        var original = new Sentencizer();
        original.ToDisk(dir.Path);
        var copy = new Sentencizer(["x"]);
        copy.FromDisk(dir.Path);
        Assert.Equal(Sentencizer.DefaultPunctChars, copy.PunctChars);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"punct_chars\": \"abc\"}")]
    [InlineData("{\"punct_chars\": [1]}")]
    [InlineData("{\"punct_chars\": []}")]
    [InlineData("{\"punct_chars\": [\"\"]}")]
    [InlineData("{\"format\": \"x\", \"punct_chars\": [\".\"]}")]
    [InlineData("{\"format\": 99, \"punct_chars\": [\".\"]}")]
    public void DamagedConfigFileIsAFormatError(string content)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("cfg.json"), content);
        var sentencizer = new Sentencizer(["|"]);
        var e = Assert.Throws<PipelineFormatException>(() => sentencizer.FromDisk(dir.Path));
        Assert.Contains("cfg.json", e.Message);
        Assert.Equal(["|"], sentencizer.PunctChars);
    }

    [Fact]
    public void MissingConfigFileNamesIt()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<PipelineFormatException>(() => new Sentencizer().FromDisk(dir.Path));
        Assert.Equal("E007", e.Code);
        Assert.Contains("cfg.json", e.Message);
    }

    [Fact]
    public void NewerFormatVersionIsRefused()
    {
        var bytes = MessagePackSerializer.Serialize(new Dictionary<string, object> { ["format"] = 7, ["punct_chars"] = new[] { "." } });
        var e = Assert.Throws<PipelineFormatException>(() => new Sentencizer().FromBytes(bytes));
        Assert.Equal("E018", e.Code);
    }
}
