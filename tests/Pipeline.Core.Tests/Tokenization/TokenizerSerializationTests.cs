using Pipeline.Lang;
using Pipeline.Tokenization;
using static Pipeline.Tests.Tokenization.TokenizerTestUtil;

namespace Pipeline.Tests.Tokenization;

public sealed class TokenizerSerializationTests : IDisposable
{
    private const string Sample =
        "Mr. O'Neil (U.S.) didn't pay $5.50 for the e-mail at 10%, see http://x.com/a-b. L'homme a-t-il dit-lo?!";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pipeline-tok-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void RoundTripGivesIdenticalTokenization()
    {
        var source = new Tokenizer(new Vocab(), EnglishRules.Create());
        var target = new Tokenizer(new Vocab(), new TokenizerRules());
        target.FromBytes(source.ToBytes());
        Assert.Equal(Texts(source.Tokenize(Sample)), Texts(target.Tokenize(Sample)));
        Assert.Equal(source.ToBytes(), target.ToBytes());
        Assert.Equal("not", target.Rules.SpecialCases["don't"][1].Norm);
    }

    [Fact]
    public void RulesTravelNotJustALanguageName()
    {
        var french = new Tokenizer(new Vocab(), FrenchRules.Create());
        var english = new Tokenizer(new Vocab(), EnglishRules.Create());
        english.FromBytes(french.ToBytes());
        Assert.Equal(["l'", "homme"], Texts(english.Tokenize("l'homme")));
    }

    [Fact]
    public void CustomSpecialCaseSurvivesByteRoundTrip()
    {
        var source = new Tokenizer(new Vocab(), EnglishRules.Create());
        source.AddSpecialCase("gimmie", ["gim", "mie"]);
        source.AddSpecialCase("lol.", [new SpecialCasePiece("lol", "laughing out loud"), new SpecialCasePiece(".")]);
        Assert.Equal(["(", "gim", "mie", ")"], Texts(source.Tokenize("(gimmie)")));

        var target = new Tokenizer(new Vocab(), EnglishRules.Create());
        target.FromBytes(source.ToBytes());
        Assert.Equal(["(", "gim", "mie", ")", "lol", "."], Texts(target.Tokenize("(gimmie) lol.")));
        Assert.Equal("laughing out loud", target.Rules.SpecialCases["lol."][0].Norm);
    }

    [Fact]
    public void AddSpecialCaseReplacesCachedTokenization()
    {
        var tokenizer = new Tokenizer(new Vocab(), EnglishRules.Create());
        Assert.Equal(["well", "-", "done"], Texts(tokenizer.Tokenize("well-done")));
        tokenizer.AddSpecialCase("well-done", ["well-done"]);
        Assert.Equal(["well-done"], Texts(tokenizer.Tokenize("well-done")));
    }

    [Fact]
    public void ModelDirectoryKeepsCustomSpecialCase()
    {
        var nlp = Nlp.Blank("en");
        ((Tokenizer)nlp.Tokenizer).AddSpecialCase("foobar", ["foo", "bar"]);
        nlp.ToDisk(_dir);
        Assert.True(File.Exists(Path.Combine(_dir, "tokenizer")));

        var loaded = Nlp.Blank("en").FromDisk(_dir);
        Assert.Equal(["foo", "bar", "!"], Texts(loaded.MakeDoc("foobar!")));
        Assert.Equal(Texts(nlp.MakeDoc(Sample)), Texts(loaded.MakeDoc(Sample)));
    }

    [Fact]
    public void PipelineBytesKeepCustomSpecialCase()
    {
        var nlp = Nlp.Blank("en");
        ((Tokenizer)nlp.Tokenizer).AddSpecialCase("foobar", ["foo", "bar"]);
        var loaded = Nlp.Blank("en").FromBytes(nlp.ToBytes());
        Assert.Equal(["foo", "bar"], Texts(loaded.MakeDoc("foobar")));
    }

    [Fact]
    public void MismatchedSpecialCaseIsRefused()
    {
        var tokenizer = new Tokenizer(new Vocab(), EnglishRules.Create());
        Assert.Equal("E040", Assert.Throws<PipelineException>(() => tokenizer.AddSpecialCase("gimme", ["gim", "mi"])).Code);
        Assert.Equal("E040", Assert.Throws<PipelineException>(() => tokenizer.AddSpecialCase("gimme", ["gimme", ""])).Code);
        Assert.Equal("E042", Assert.Throws<PipelineException>(() => tokenizer.AddSpecialCase("a b", ["a b"])).Code);
        Assert.Equal("E042", Assert.Throws<PipelineException>(() => tokenizer.AddSpecialCase("", Array.Empty<string>())).Code);
    }

    [Fact]
    public void InvalidPatternInRulesIsRefused()
    {
        var rules = new TokenizerRules { InfixPatterns = ["(unclosed"] };
        var error = Assert.Throws<PipelineException>(() => new Tokenizer(new Vocab(), rules));
        Assert.Equal("E041", error.Code);
        Assert.Contains("(unclosed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidPatternInBytesIsAFormatError()
    {
        var bad = new Tokenizer(new Vocab(), new TokenizerRules { SuffixPatterns = ["x"] }).ToBytes();
        var patched = ReplaceAscii(bad, "suffix_patterns", "x", "[");
        var error = Assert.Throws<PipelineFormatException>(() => new Tokenizer(new Vocab(), new TokenizerRules()).FromBytes(patched));
        Assert.Equal("E008", error.Code);
        Assert.Contains("'['", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewerFormatIsRefused()
    {
        var bytes = new Tokenizer(new Vocab(), new TokenizerRules()).ToBytes();
        var format = ReplaceFormat(bytes, 9);
        var error = Assert.Throws<PipelineFormatException>(() => new Tokenizer(new Vocab(), new TokenizerRules()).FromBytes(format));
        Assert.Equal("E018", error.Code);
    }

    private static byte[] ReplaceAscii(byte[] data, string after, string find, string replacement)
    {
        var start = IndexOf(data, System.Text.Encoding.ASCII.GetBytes(after)) + after.Length;
        var at = IndexOf(data[start..], System.Text.Encoding.ASCII.GetBytes(find)) + start;
        var copy = (byte[])data.Clone();
        copy[at] = (byte)replacement[0];
        return copy;
    }

    private static byte[] ReplaceFormat(byte[] data, byte version)
    {
        var at = IndexOf(data, System.Text.Encoding.ASCII.GetBytes("format")) + "format".Length;
        var copy = (byte[])data.Clone();
        copy[at] = version;
        return copy;
    }

    private static int IndexOf(byte[] data, byte[] needle) =>
        data.AsSpan().IndexOf(needle) is var i and >= 0 ? i : throw new InvalidOperationException("not found");
}
