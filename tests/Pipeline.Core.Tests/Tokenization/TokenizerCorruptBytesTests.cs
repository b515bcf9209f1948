using System.Globalization;
using Pipeline.Lang;
using Pipeline.Tokenization;

namespace Pipeline.Tests.Tokenization;

public class TokenizerCorruptBytesTests
{
    /// <summary>Small rules with every kind of field, so thousands of mutations stay fast.</summary>
    private static readonly TokenizerRules SmallRules = new()
    {
        Prefixes = ["(", "\"", "l'"],
        PrefixPatterns = [@"\.\.+"],
        PrefixCategories = [UnicodeCategory.CurrencySymbol],
        Suffixes = [")", ",", "'s"],
        SuffixPatterns = [@"(?<=[a-z])\."],
        SuffixCategories = [UnicodeCategory.OtherSymbol],
        InfixPatterns = [@"(?<=[a-z])-(?=[a-z])"],
        TokenMatch = "[0-9]{3}-[0-9]{4}",
        UrlMatch = @"https?://\S+",
        SpecialCases = new Dictionary<string, IReadOnlyList<SpecialCasePiece>>
        {
            ["don't"] = [new("do"), new("n't", "not")],
            ["Mr."] = [new("Mr.")],
        },
    };

    [Fact]
    public void TruncatedBytesRaiseOnlyFormatErrors()
    {
        var small = new Tokenizer(new Vocab(), SmallRules).ToBytes();
        for (var length = 0; length < small.Length; length++)
        {
            AssertFormatErrorOrSuccess(small[..length]);
        }

        var english = new Tokenizer(new Vocab(), EnglishRules.Create()).ToBytes();
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            AssertFormatErrorOrSuccess(english[..random.Next(english.Length)]);
        }
    }

    [Fact]
    public void MutatedBytesRaiseOnlyFormatErrors()
    {
        var original = new Tokenizer(new Vocab(), SmallRules).ToBytes();
        var random = new Random(12);
        for (var i = 0; i < 3000; i++)
        {
            var data = (byte[])original.Clone();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits; e++)
            {
                data[random.Next(data.Length)] = (byte)random.Next(256);
            }

            AssertFormatErrorOrSuccess(data);
        }
    }

    [Fact]
    public void GarbageRaisesFormatError()
    {
        foreach (var data in new[] { Array.Empty<byte>(), [0xC1], [0x90], [0x80], "hello"u8.ToArray() })
        {
            var tokenizer = new Tokenizer(new Vocab(), SmallRules);
            Assert.Throws<PipelineFormatException>(() => tokenizer.FromBytes(data));
            Assert.Equal(["do", "n't"], TokenizerTestUtil.Texts(tokenizer.Tokenize("don't")));
        }
    }

    [Fact]
    public void AnotherComponentsFileIsNotReadAsEmptyRules()
    {
        // {"format": 1, "pos": []}: a valid map with a format version, as a tagger's model.bin starts.
        byte[] foreign = [0x82, 0xA6, .. "format"u8, 0x01, 0xA3, .. "pos"u8, 0x90];
        var tokenizer = new Tokenizer(new Vocab(), SmallRules);

        var e = Assert.Throws<PipelineFormatException>(() => tokenizer.FromBytes(foreign));

        Assert.Contains("not tokenizer rules", e.Message, StringComparison.Ordinal);
        Assert.Equal(["do", "n't"], TokenizerTestUtil.Texts(tokenizer.Tokenize("don't")));
    }

    private static void AssertFormatErrorOrSuccess(byte[] data)
    {
        var tokenizer = new Tokenizer(new Vocab(), SmallRules);
        try
        {
            tokenizer.FromBytes(data);
        }
        catch (PipelineFormatException)
        {
            return;
        }

        // Bytes that were accepted must give a working tokenizer.
        Assert.Equal("(a b-c) d.", tokenizer.Tokenize("(a b-c) d.").Text);
    }
}
