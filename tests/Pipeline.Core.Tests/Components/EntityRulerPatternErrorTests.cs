using Pipeline.Components;

namespace Pipeline.Tests.Components;

public class EntityRulerPatternErrorTests
{
    private static readonly EntityPattern Good = new("OK", "fine");

    [Theory]
    [InlineData("[{\"FOO\": \"a\"}]", "pattern[0].FOO")]
    [InlineData("[{\"LOWER\": \"a\", \"OP\": \"%\"}]", "pattern[0].OP")]
    [InlineData("[{\"LOWER\": \"a\"}, {\"LOWER\": \"b\", \"OP\": 1}]", "pattern[1].OP")]
    [InlineData("[{\"ORTH\": {\"REGEX\": \"(unclosed\"}}]", "pattern[0].ORTH.REGEX")]
    [InlineData("[{\"ORTH\": {\"REGEX\": 5}}]", "pattern[0].ORTH.REGEX")]
    [InlineData("[]", "'pattern'")]
    [InlineData("\"   \"", "'pattern'")]
    [InlineData("[{\"IS_DIGIT\": \"yes\"}]", "pattern[0].IS_DIGIT")]
    [InlineData("[{\"LOWER\": 3}]", "pattern[0].LOWER")]
    [InlineData("[{\"LOWER\": {\"IN\": \"abc\"}}]", "pattern[0].LOWER.IN")]
    [InlineData("[{\"LOWER\": {\"IN\": [\"a\", 3]}}]", "pattern[0].LOWER.IN[1]")]
    [InlineData("[{\"LENGTH\": {\"REGEX\": \"a\"}}]", "pattern[0].LENGTH.REGEX")]
    [InlineData("[{\"LOWER\": {\">=\": 3}}]", "pattern[0].LOWER.>=")]
    [InlineData("[{\"LOWER\": {\"BETWEEN\": [1]}}]", "pattern[0].LOWER.BETWEEN")]
    [InlineData("[{\"LOWER\": {}}]", "pattern[0].LOWER")]
    [InlineData("[{\"LENGTH\": 2.5}]", "pattern[0].LENGTH")]
    public void InvalidPatternNamesIndexLabelAndField(string pattern, string field)
    {
        var nlp = Nlp.Blank("en");
        var ruler = new EntityRuler(nlp);
        var bad = EntityPattern.FromJson($"{{\"label\": \"BAD\", \"pattern\": {pattern}}}");
        var e = Assert.Throws<PipelineException>(() => ruler.AddPatterns([Good, bad]));
        Assert.Equal("E050", e.Code);
        Assert.Contains("#1", e.Message);
        Assert.Contains("label 'BAD'", e.Message);
        Assert.Contains(field, e.Message);
        Assert.Empty(ruler.Patterns);
    }

    [Fact]
    public void EmptyLabelIsRefused()
    {
        var e = Assert.Throws<PipelineException>(() => new EntityRuler(Nlp.Blank("en")).AddPatterns([new EntityPattern(" ", "x")]));
        Assert.Equal("E050", e.Code);
        Assert.Contains("'label'", e.Message);
    }

    [Fact]
    public void TooLongPatternIsRefused()
    {
        var specs = Enumerable.Range(0, 64).Select(_ => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["LOWER"] = "a" }).ToList();
        var e = Assert.Throws<PipelineException>(() => new EntityRuler(Nlp.Blank("en")).AddPatterns([new EntityPattern("LONG", specs)]));
        Assert.Equal("E050", e.Code);
        Assert.Contains("63", e.Message);

        var ruler = new EntityRuler(Nlp.Blank("en"));
        ruler.AddPatterns([new EntityPattern("LONG", specs.Take(63).ToList())]);
        var text = string.Join(' ', Enumerable.Repeat("a", 63));
        Assert.Single(ruler.Process(Nlp.Blank("en").MakeDoc(text)).Ents);
    }

    [Fact]
    public void UnsupportedCSharpValueIsRefused()
    {
        var pattern = new EntityPattern("X", [new Dictionary<string, object?> { ["LOWER"] = new object() }]);
        var e = Assert.Throws<PipelineException>(() => new EntityRuler(Nlp.Blank("en")).AddPatterns([pattern]));
        Assert.Equal("E050", e.Code);
        Assert.Contains("pattern[0].LOWER", e.Message);
    }

    [Theory]
    [InlineData("{\"pattern\": \"a\"}", "label")]
    [InlineData("{\"label\": \"X\"}", "pattern")]
    [InlineData("{\"label\": \"X\", \"pattern\": 4}", "pattern")]
    [InlineData("{\"label\": \"X\", \"pattern\": \"a\", \"id\": 3}", "id")]
    [InlineData("[1]", "(pattern)")]
    [InlineData("{\"label\": \"X\", \"pattern\": [\"word\"]}", "pattern[0]")]
    [InlineData("{bad json", "json")]
    public void JsonShapeErrorsNameTheField(string json, string field)
    {
        var e = Assert.Throws<PipelineException>(() => EntityPattern.FromJson(json));
        Assert.Equal("E050", e.Code);
        Assert.Contains($"'{field}'", e.Message);
    }

    [Theory]
    [InlineData("phrase_matcher_attr", "POS")]
    [InlineData("phrase_matcher_attr", 3)]
    [InlineData("overwrite_ents", "maybe")]
    [InlineData("overwrite_ents", 1)]
    [InlineData("patterns", 42)]
    public void BadConfigValuesNameTheKey(string key, object value)
    {
        var e = Assert.Throws<PipelineException>(() =>
            Nlp.Blank("en").CreatePipe("entity_ruler", new Dictionary<string, object?> { [key] = value }));
        Assert.Equal("E022", e.Code);
        Assert.Contains(key, e.Message);
    }

    [Fact]
    public void BadConfigPatternsNameTheLine()
    {
        var nlp = Nlp.Blank("en");
        var badJson = Assert.Throws<PipelineException>(() => nlp.CreatePipe("entity_ruler", new Dictionary<string, object?>
        {
            ["patterns"] = "{\"label\": \"A\", \"pattern\": \"a\"}\n{oops",
        }));
        Assert.Equal("E022", badJson.Code);
        Assert.Contains("line 2", badJson.Message);

        var badPattern = Assert.Throws<PipelineException>(() => nlp.CreatePipe("entity_ruler", new Dictionary<string, object?>
        {
            ["patterns"] = "\n{\"label\": \"A\", \"pattern\": [{\"NOPE\": 1}]}",
        }));
        Assert.Equal("E050", badPattern.Code);
        Assert.Contains("line 2", badPattern.Message);
        Assert.Contains("pattern[0].NOPE", badPattern.Message);
    }

    [Fact]
    public void ConstructorRejectsUnknownPhraseAttr()
    {
        var e = Assert.Throws<ArgumentException>(() => new EntityRuler(Nlp.Blank("en"), phraseMatcherAttr: "SHAPE"));
        Assert.Contains("ORTH", e.Message);
        var ruler = new EntityRuler(Nlp.Blank("en"));
        Assert.Throws<ArgumentException>(() => ruler.PhraseMatcherAttr = "TAG");
        Assert.Equal("ORTH", ruler.PhraseMatcherAttr);
    }
}
