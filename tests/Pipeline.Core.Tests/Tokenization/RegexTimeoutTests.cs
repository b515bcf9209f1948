using Pipeline.Components;
using Pipeline.Tokenization;

namespace Pipeline.Tests.Tokenization;

[Collection(RegexSettingsCollection.Name)]
public sealed class RegexTimeoutTests : IDisposable
{
    private const string Catastrophic = "^(a+)+$";
    private const string Input = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";

    public RegexTimeoutTests() => RegexSettings.MatchTimeout = TimeSpan.FromMilliseconds(200);

    public void Dispose() => RegexSettings.MatchTimeout = RegexSettings.DefaultMatchTimeout;

    [Fact]
    public void ACatastrophicTokenizerPatternRaisesE155NamingTheRule()
    {
        var rules = new TokenizerRules { TokenMatch = Catastrophic };
        var tokenizer = new Tokenizer(new Vocab(), rules);
        var e = Assert.Throws<PipelineException>(() => tokenizer.Tokenize(Input));
        Assert.Equal("E155", e.Code);
        Assert.Contains("TokenMatch", e.Message);
        Assert.Contains(Catastrophic, e.Message);
        Assert.Contains(Input, e.Message);
        Assert.Contains("RegexSettings.MatchTimeout", e.Message);
    }

    [Fact]
    public void ACatastrophicRuleFromModelBytesRaisesE155()
    {
        var source = new Tokenizer(new Vocab(), new TokenizerRules { InfixPatterns = ["-", "(a+)+b"] });
        var loaded = new Tokenizer(new Vocab(), new TokenizerRules());
        loaded.FromBytes(source.ToBytes());
        var e = Assert.Throws<PipelineException>(() => loaded.Tokenize("x " + Input));
        Assert.Equal("E155", e.Code);
        Assert.Contains("InfixPatterns", e.Message);
    }

    [Fact]
    public void ACatastrophicTokenPatternRegexRaisesE155()
    {
        var nlp = Nlp.Blank("en");
        var ruler = (EntityRuler)nlp.CreatePipe("entity_ruler");
        nlp.AddPipe(ruler);
        ruler.AddPatterns([EntityPattern.FromJson("{\"label\": \"A\", \"pattern\": [{\"ORTH\": {\"REGEX\": \"^(a+)+$\"}}]}")]);
        var e = Assert.Throws<PipelineException>(() => nlp.Process(Input.Replace("!", "\u00e9", StringComparison.Ordinal)));
        Assert.Equal("E155", e.Code);
        Assert.Contains("REGEX on Orth", e.Message);
        Assert.Contains(Catastrophic, e.Message);
    }

    [Fact]
    public void TheTimeoutMustBePositive()
    {
        var e = Assert.Throws<ArgumentException>(() => RegexSettings.MatchTimeout = TimeSpan.Zero);
        Assert.Contains("MatchTimeout", e.Message);
        RegexSettings.MatchTimeout = System.Text.RegularExpressions.Regex.InfiniteMatchTimeout;
        Assert.Equal(System.Text.RegularExpressions.Regex.InfiniteMatchTimeout, RegexSettings.MatchTimeout);
    }
}
