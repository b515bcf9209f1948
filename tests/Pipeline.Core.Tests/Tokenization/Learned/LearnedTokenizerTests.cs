using Pipeline.Corpora;
using Pipeline.Tokenization.Learned;
using Pipeline.Training;
using Pipeline.Training.Scoring;

namespace Pipeline.Tests.Tokenization.Learned;

public class LearnedTokenizerTests
{
    private static readonly Lazy<LearnedTokenizer> Trained = new(() =>
        LearnedTokenizer.Train(new Vocab("pt"), TokenizerDocuments.Group(SyntheticTreebank.Sentences(400, 1), 5), new LearnedTokenizerOptions { Seed = 3 }));

    [Fact]
    public void LearnsTokenBoundariesMultiwordTokensAndSentences()
    {
        var tokenizer = Trained.Value;
        const string text = "O gato do menino viu a casa, e abriu a porta. Na cidade tem um rio!";
        var doc = tokenizer.Tokenize(text);
        Assert.Equal(text, doc.Text);
        Assert.Equal(
            ["O", "gato", "de", "o", "menino", "viu", "a", "casa", ",", "e", "abriu", "a", "porta", ".", "Em", "a", "cidade", "tem", "um", "rio", "!"],
            doc.Tokens.Select(t => t.Text));
        Assert.Equal([new MultiwordToken(2, 4, "do"), new MultiwordToken(14, 16, "Na")], doc.MultiwordTokens);
        Assert.Equal([0, 14], doc.Sents.Select(s => s.Start));
        Assert.Equal(["de", "o"], tokenizer.Expansion("DO")!.Select(w => w.ToLowerInvariant()));
    }

    [Fact]
    public void DecidesAmbiguousFormsInContext()
    {
        var doc = Trained.Value.Tokenize("O menino viu nos livro. O gato nos rio leu.");
        Assert.Equal(["O", "menino", "viu", "nos", "livro", ".", "O", "gato", "em", "os", "rio", "leu", "."], doc.Tokens.Select(t => t.Text));
        Assert.Equal([new MultiwordToken(8, 10, "nos")], doc.MultiwordTokens);
    }

    [Fact]
    public void ScoresHighOnHeldOutSyntheticText()
    {
        var tokenizer = Trained.Value;
        var scorer = new Scorer();
        foreach (var document in TokenizerDocuments.Group(SyntheticTreebank.Sentences(100, 2), 5))
        {
            var text = string.Join(' ', document.Select(s => s.Text));
            scorer.Score(tokenizer.Tokenize(text), document);
        }

        var scores = scorer.GetScores();
        Assert.True(scores.Tokens!.Value.F1 > 0.99, $"token F1 {scores.Tokens.Value.F1}");
        Assert.True(scores.Sentences!.Value.F1 > 0.9, $"sentence F1 {scores.Sentences.Value.F1}");
    }

    [Fact]
    public void KeepsEveryCharacterOfTheInput()
    {
        var tokenizer = Trained.Value;
        foreach (var text in new[] { "", " ", "  O gato.\n\nNa casa  viu\t o rio. ", "x", "\n", "do" })
        {
            var doc = tokenizer.Tokenize(text);
            Assert.Equal(text, doc.Text);
            Assert.All(doc.Tokens.Where(t => doc.MultiwordOf(t.I) < 0), t => Assert.Equal(t.Text, text.Substring(t.Idx, t.Text.Length)));
        }

        var blankLine = tokenizer.Tokenize("o gato viu\n\no rio");
        Assert.Equal(2, blankLine.Sents.Count());
    }

    [Fact]
    public void SerializationRoundTripTokenizesTheSame()
    {
        var tokenizer = Trained.Value;
        var bytes = tokenizer.ToBytes();
        Assert.True(LearnedTokenizer.IsLearnedTokenizer(bytes));
        var copy = new LearnedTokenizer(new Vocab("pt"));
        copy.FromBytes(bytes);
        Assert.Equal(bytes, copy.ToBytes());
        const string text = "Do rio, o vento abriu a porta na casa. O menino leu!";
        Assert.Equal(tokenizer.Tokenize(text).Tokens.Select(t => t.Text), copy.Tokenize(text).Tokens.Select(t => t.Text));
        Assert.Equal(tokenizer.Tokenize(text).MultiwordTokens, copy.Tokenize(text).MultiwordTokens);
    }

    [Fact]
    public void SameSeedGivesSameBytes()
    {
        var sentences = SyntheticTreebank.Sentences(60, 5);
        byte[] Train() => LearnedTokenizer.Train(new Vocab("pt"), TokenizerDocuments.Group(sentences, 5), new LearnedTokenizerOptions { Seed = 9, Epochs = 2 }).ToBytes();
        Assert.Equal(Train(), Train());
    }

    [Fact]
    public void PipelinesSaveAndLoadTheLearnedTokenizer()
    {
        var nlp = Nlp.Blank("pt");
        nlp.Tokenizer = Trained.Value;
        var fromBytes = Nlp.Blank("pt");
        fromBytes.FromBytes(nlp.ToBytes());
        Assert.IsType<LearnedTokenizer>(fromBytes.Tokenizer);

        var dir = Path.Combine(Path.GetTempPath(), "learned-tokenizer-" + Guid.NewGuid().ToString("N"));
        try
        {
            nlp.ToDisk(dir);
            var loaded = Nlp.Load(dir);
            var doc = loaded.Process("O gato do menino.");
            Assert.Equal(["O", "gato", "de", "o", "menino", "."], doc.Tokens.Select(t => t.Text));

            // A pipeline with rule-tokenizer bytes switches back to the rule tokenizer.
            var rules = Nlp.Blank("pt");
            fromBytes.FromBytes(rules.ToBytes());
            Assert.IsNotType<LearnedTokenizer>(fromBytes.Tokenizer);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void UntrainedOrWithoutTextFailsClearly()
    {
        Assert.Equal("E063", Assert.Throws<PipelineException>(() => new LearnedTokenizer(new Vocab("pt")).Tokenize("x")).Code);
        Assert.Equal("E071", Assert.Throws<PipelineException>(() => LearnedTokenizer.Train(new Vocab("pt"), [])).Code);
    }

    [Fact]
    public void CorruptBytesRaiseOnlyFormatErrors()
    {
        var bytes = Trained.Value.ToBytes();
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var mutated = Mutator.Mutate(bytes, random);
            var tokenizer = new LearnedTokenizer(new Vocab("pt"));
            try
            {
                tokenizer.FromBytes(mutated);
                tokenizer.Tokenize("O gato do menino viu a casa. Na porta!");
            }
            catch (PipelineFormatException)
            {
            }
        }

        Assert.Throws<PipelineFormatException>(() => new LearnedTokenizer(new Vocab("pt")).FromBytes([0x80]));
        Assert.Throws<PipelineFormatException>(() => new LearnedTokenizer(new Vocab("pt")).FromBytes(Nlp.Blank("pt").Tokenizer is Pipeline.Serialization.IByteSerializable r ? r.ToBytes() : []));
    }

    [CorpusFact("ud/en_ewt/train.conllu")]
    public void LearnsEnglishFromASliceOfEwt()
    {
        var train = ConlluReader.Read(TestCorpora.Find("ud/en_ewt/train.conllu")!).Take(3000).ToList();
        var dev = ConlluReader.Read(TestCorpora.Find("ud/en_ewt/dev.conllu")!).Take(500).ToList();
        var tokenizer = LearnedTokenizer.Train(new Vocab("en"), TokenizerDocuments.Group(train), new LearnedTokenizerOptions { Epochs = 3 });
        var scorer = new Scorer();
        foreach (var document in TokenizerDocuments.Group(dev))
        {
            scorer.Score(tokenizer.Tokenize(string.Join(' ', document.Select(s => s.Text!.Trim()))), document);
        }

        var scores = scorer.GetScores();
        Assert.True(scores.Tokens!.Value.F1 > 0.97, $"token F1 {scores.Tokens.Value.F1}");
        Assert.True(scores.Sentences!.Value.F1 > 0.6, $"sentence F1 {scores.Sentences.Value.F1}");
        Assert.Equal(["do", "n't"], tokenizer.Tokenize("don't").Tokens.Select(t => t.Text));
    }
}
