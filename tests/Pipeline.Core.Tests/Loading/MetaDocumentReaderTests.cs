namespace Pipeline.Tests.Loading;

/// <summary>
/// Loading reads a well-formed meta.json without the serializer (its first use is slow); the result must be the
/// serializer's, and anything unusual must go to the serializer, which gives the exact errors.
/// </summary>
public sealed class MetaDocumentReaderTests
{
    private const string Full = """
        {
          // comments and trailing commas are allowed, as the serializer allows them
          "lang": "en", "name": "core_web_sm", "version": "0.1.0", "framework_version": "[0.1.0, 0.2.0)",
          "description": "d", "author": "a", "email": "e@x", "url": "https://x", "license": "MIT",
          "sources": ["UD English-EWT", {"name": "UNER", "url": "https://u", "license": "CC", "author": "U", "extra": [1, {"x": 2}], "name": "UNER 1.1"}, {"url": 3}],
          "pipeline": ["tagger", "parser"],
          "labels": {"tagger": ["NOUN", "VERB"], "parser": []},
          "accuracy": {"upos": 95.2, "las": 83.0}, "speed": {"words_per_second": 67111},
          "requirements": ["Snek>=1.0", {"name": "Other", "version": "[1.0, 2.0)"}, {"name": "Plain"}],
          "pipeline_args": {"tagger": {"beam": 1, "nested": {"a": [true, null]}}},
          "Lang": "kept as an extra key",
        }
        """;

    [Fact]
    public void AFullMetaReadsAsTheSerializerReadsIt()
    {
        var fast = MetaDocumentReader.TryRead(Full);

        Assert.NotNull(fast);
        var serialized = MetaJson.Deserialize(Full);
        Assert.NotNull(serialized);
        Assert.Equal(serialized.ToJson(), fast.ToJson());
        Assert.Equal("UNER 1.1", fast.Sources[1].Name);
        Assert.Equal(string.Empty, fast.Sources[2].Name);
        Assert.Equal(["Snek>=1.0", "Other [1.0, 2.0)", "Plain"], fast.Requirements);
        Assert.True(fast.Extra.ContainsKey("pipeline_args"));
        Assert.True(fast.Extra.ContainsKey("Lang"));
    }

    [Theory]
    [InlineData("""{"lang": "en", "lang": "fr"}""")]
    [InlineData("""{"lang": null}""")]
    [InlineData("""{"pipeline": "tagger"}""")]
    [InlineData("""{"labels": {"tagger": "NOUN"}}""")]
    [InlineData("""{"accuracy": {"upos": "95"}}""")]
    [InlineData("""{"accuracy": {"upos": 1e400}}""")]
    [InlineData("""{"sources": [3]}""")]
    [InlineData("""{"requirements": [{"version": "1.0"}]}""")]
    [InlineData("""{"requirements": null}""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"lang": "en" """)]
    public void AnythingUnusualIsLeftToTheSerializer(string json) => Assert.Null(MetaDocumentReader.TryRead(json));
}
