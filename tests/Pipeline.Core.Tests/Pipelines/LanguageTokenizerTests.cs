using Pipeline.Tokenization;
using Pipeline.Tokenization.Learned;

namespace Pipeline.Tests.Pipelines;

public class LanguageTokenizerTests
{
    private sealed class Counting
    {
        public int Built { get; private set; }

        public LanguageDefaults Defaults => new("xx", vocab =>
        {
            Built++;
            return new WhitespaceTokenizer(vocab);
        });
    }

    [Fact]
    public void TheDefaultTokenizerIsBuiltOnceOnFirstUse()
    {
        var counting = new Counting();
        var nlp = new Language(counting.Defaults);
        Assert.Equal(0, counting.Built);

        Assert.Equal(["a", "b"], nlp.Process("a b").Tokens.Select(t => t.Text));
        Assert.Same(nlp.Tokenizer, nlp.Tokenizer);
        Assert.Equal(1, counting.Built);
    }

    [Fact]
    public void AnAssignedTokenizerMeansTheDefaultIsNeverBuilt()
    {
        var counting = new Counting();
        var nlp = new Language(counting.Defaults);
        var learned = new LearnedTokenizer(nlp.Vocab);
        nlp.Tokenizer = learned;
        Assert.Same(learned, nlp.Tokenizer);
        Assert.Equal(0, counting.Built);
        Assert.Throws<ArgumentNullException>(() => nlp.Tokenizer = null!);
    }
}
