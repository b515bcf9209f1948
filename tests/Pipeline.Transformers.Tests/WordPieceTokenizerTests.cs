namespace Pipeline.Transformers.Tests;

public class WordPieceTokenizerTests
{
    private static readonly string[] SmallVocab =
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "want", "##ed", "runn", "##ing", "cafe", ",", "'", "t", "don", "中", "a"];

    [Fact]
    public void SplitsLongestFirstWithContinuations()
    {
        var tokenizer = new WordPieceTokenizer(SmallVocab);
        Assert.Equal(["un", "##aff", "##able"], tokenizer.Split("unaffable"));
        Assert.Equal(["want", "##ed"], tokenizer.Split("wanted"));
        Assert.Equal(["runn", "##ing"], tokenizer.Split("RUNNING"));
    }

    [Fact]
    public void LowercasesStripsAccentsAndSplitsPunctuationWhenAsked()
    {
        var uncased = new WordPieceTokenizer(SmallVocab);
        Assert.Equal(["cafe"], uncased.Split("Café"));
        Assert.Equal(["don", "'", "t"], uncased.Split("don't"));
        Assert.Equal(["中", "中"], uncased.Split("中中"));

        var cased = new WordPieceTokenizer(SmallVocab, lowercase: false, stripAccents: false);
        Assert.Equal(["[UNK]"], cased.Split("Café"));
    }

    [Fact]
    public void AWordTheVocabularyCannotSpellIsOneUnknownPiece()
    {
        var tokenizer = new WordPieceTokenizer(SmallVocab);
        Assert.Equal(["[UNK]"], tokenizer.Split("unx"));
        Assert.Equal(["[UNK]"], tokenizer.Split("\u0001"));
        Assert.Equal(["[UNK]"], tokenizer.Split(new string('a', 101)));
    }

    [Fact]
    public void AVocabularyWithoutSpecialPiecesIsRefused()
    {
        var e = Assert.Throws<PipelineFormatException>(() => new WordPieceTokenizer(["[PAD]", "[CLS]", "[SEP]", "a"], source: "my-vocab.txt"));
        Assert.Equal("E263", e.Code);
        Assert.Contains("my-vocab.txt", e.Message, StringComparison.Ordinal);
        Assert.Contains("[UNK]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MiniLmVocabularyGivesBertUncasedSplits()
    {
        var tokenizer = MiniLm.Tokenizer;
        Assert.Equal(30522, tokenizer.VocabSize);
        Assert.Equal(["em", "##bed", "##ding", "##s"], tokenizer.Split("embeddings"));
        Assert.Equal(["token", "##ization"], tokenizer.Split("Tokenization"));
        Assert.Equal(["hello"], tokenizer.Split("Héllo"));
        Assert.Equal(["u", ".", "s", "."], tokenizer.Split("U.S."));
        Assert.Equal(101, tokenizer.ClsId);
        Assert.Equal(102, tokenizer.SepId);
    }
}
