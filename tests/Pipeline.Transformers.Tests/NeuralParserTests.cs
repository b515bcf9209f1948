using Pipeline.Tokens;
using Pipeline.Transformers.Heads;

namespace Pipeline.Transformers.Tests;

public sealed class NeuralParserTests : IDisposable
{
    private const int Width = 8;

    private static readonly Dictionary<string, object?> Small = new()
    {
        ["hidden"] = 32,
        ["projection"] = 16,
        ["radius"] = 1,
        ["arc_size"] = 16,
        ["label_size"] = 8,
        ["embedding_rows"] = 512,
        ["embedding_width"] = 8,
        ["batch"] = 2,
        ["learning_rate"] = 0.01,
    };

    private readonly TempDir _temp = new();
    private readonly Vocab _vocab = Nlp.Blank("en").Vocab;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheParserLearnsTreesFromTheVectorsAndLosesWithoutThem()
    {
        // Every word is "x": only the vectors tell a chain (each token's head is the next) from a star (all on the first).
        var random = new Random(43);
        var train = Enumerable.Range(0, 80).Select(_ => Synthetic(random)).ToList();
        var test = Enumerable.Range(0, 30).Select(_ => Synthetic(random)).ToList();
        var parser = Train(train, epochs: 10);
        Assert.Equal(["root", "chain", "star"], parser.Labels);

        var (uas, las) = Score(parser, test, zeroed: false);
        var (zeroedUas, _) = Score(parser, test, zeroed: true);
        Assert.True(uas >= 0.95 && las >= 0.95, $"UAS {uas}, LAS {las} with vectors");
        Assert.True(zeroedUas <= 0.75, $"UAS with zeroed vectors {zeroedUas}");
    }

    [Fact]
    public void EachMarkedSentenceBecomesOneTreeWithOneRoot()
    {
        var random = new Random(47);
        var parser = Train([.. Enumerable.Range(0, 40).Select(_ => Synthetic(random))], epochs: 3);
        var (first, _) = Synthetic(random);
        var (second, _) = Synthetic(random);
        var doc = Doc(12);
        doc.SetTensor([.. first.Tensor!, .. second.Tensor!], Width);
        doc[6].IsSentStart = true;
        parser.Process(doc);
        foreach (var (start, end) in new[] { (0, 6), (6, 12) })
        {
            Assert.Equal(1, Enumerable.Range(start, end - start).Count(i => doc[i].HeadIndex == i));
            Assert.All(Enumerable.Range(start, end - start), i => Assert.InRange(doc[i].HeadIndex, start, end - 1));
            Assert.Equal("root", doc[Enumerable.Range(start, end - start).First(i => doc[i].HeadIndex == i)].Dep);
            Assert.True(doc[start].IsSentStart);
        }

        Assert.Equal(2, doc.Sents.Count());
    }

    [Fact]
    public void ADocWithoutVectorsAndAnUntrainedParserAreRefused()
    {
        var parser = new NeuralParser(Small);
        Assert.Equal("E270", Assert.Throws<PipelineException>(() => parser.Process(Doc(2))).Code);
        Assert.Equal("E270", Assert.Throws<PipelineException>(() => parser.ToDisk(_temp.Path)).Code);
        var (predicted, gold) = Synthetic(new Random(1));
        parser.Initialize([gold]);
        Assert.Equal("E269", Assert.Throws<PipelineException>(() => parser.Update(Doc(6), gold)).Code);
        parser.Update(predicted, gold);
        Assert.Contains("'transformer'", Assert.Throws<PipelineException>(() => parser.Process(Doc(2))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "arc_size")]
    [InlineData(5000, "label_size")]
    [InlineData(0, "max_distance")]
    public void ABadSettingIsE268NamingIt(int value, string key)
    {
        var error = Assert.Throws<PipelineException>(() => new NeuralParser(new Dictionary<string, object?> { [key] = value }));
        Assert.Equal("E268", error.Code);
        Assert.Contains($"'{key}' of component 'trf_parser'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AttentionHeadsThatDoNotDivideTheHiddenWidthAreE268()
    {
        var error = Assert.Throws<PipelineException>(() => new NeuralParser(new Dictionary<string, object?> { ["attention_layers"] = 1, ["attention_heads"] = 5 }));
        Assert.Equal("E268", error.Code);
        Assert.Contains("'attention_heads' of component 'trf_parser' is 5, which does not divide 'hidden' (256)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATrainedParserRoundTripsThroughToDiskAndNlpLoadAndADamagedFileIsE271()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("transformer"));
        nlp.AddPipe(nlp.CreatePipe("trf_parser", new Dictionary<string, object?>(Small) { ["attention_layers"] = 1 }));
        var golds = new[]
        {
            Gold(("The", 1, "det"), ("dog", 2, "nsubj"), ("runs", 2, "root"), (".", 2, "punct")),
            Gold(("A", 1, "det"), ("cat", 2, "nsubj"), ("sleeps", 2, "root"), (".", 2, "punct")),
        };
        nlp.BeginTraining(golds).Train(15);

        var before = nlp.Process("The cat runs.");
        Assert.Equal([1, 2, 2, 2], Column(before, t => t.HeadIndex));
        Assert.Equal(["det", "nsubj", "root", "punct"], Column(before, t => t.Dep));
        nlp.ToDisk(_temp.Path);
        var file = Path.Combine(_temp.Path, "trf_parser", HeadModelFile.FileName);
        Assert.Equal("PLPARS01"u8.ToArray(), File.ReadAllBytes(file)[..8]);

        var after = Nlp.Load(_temp.Path).Process("The cat runs.");
        Assert.Equal(Column(before, t => t.HeadIndex), Column(after, t => t.HeadIndex));
        Assert.Equal(Column(before, t => t.Dep), Column(after, t => t.Dep));

        var bytes = File.ReadAllBytes(file);
        foreach (var damaged in new[] { bytes[..^4], bytes[..20], [.. "PLHEAD01"u8, .. bytes[8..]], Patched(bytes, 8 + (6 * 4), 1 << 30), Patched(bytes, 8 + (11 * 4), 3) })
        {
            File.WriteAllBytes(file, damaged);
            var error = Assert.Throws<PipelineFormatException>(() => Nlp.Load(_temp.Path));
            Assert.Equal("E271", error.Code);
            Assert.Equal(file, error.DataSource);
        }
    }

    private static byte[] Patched(byte[] bytes, int offset, int value)
    {
        var copy = (byte[])bytes.Clone();
        BitConverter.GetBytes(value).CopyTo(copy, offset);
        return copy;
    }

    private static T[] Column<T>(Doc doc, Func<Token, T> value) => [.. Enumerable.Range(0, doc.Length).Select(i => value(doc[i]))];

    private static NeuralParser Train(List<(Doc Predicted, Doc Gold)> train, int epochs)
    {
        var parser = new NeuralParser(Small);
        parser.Initialize(train.Select(t => t.Gold));
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var (predicted, gold) in train)
            {
                parser.Update(predicted, gold);
            }
        }

        parser.FinishTraining();
        return parser;
    }

    private (double Uas, double Las) Score(NeuralParser parser, List<(Doc Predicted, Doc Gold)> docs, bool zeroed)
    {
        var (heads, labels, all) = (0, 0, 0);
        foreach (var (predicted, gold) in docs)
        {
            var doc = Doc(gold.Length);
            doc.SetTensor(zeroed ? new float[predicted.Tensor!.Length] : (float[])predicted.Tensor!.Clone(), Width);
            parser.Process(doc);
            for (var i = 0; i < doc.Length; i++)
            {
                var attached = doc[i].HeadIndex == gold[i].HeadIndex;
                heads += attached ? 1 : 0;
                labels += attached && doc[i].Dep == gold[i].Dep ? 1 : 0;
            }

            all += doc.Length;
        }

        return ((double)heads / all, (double)labels / all);
    }

    // Six tokens "x"; the first vector value says chain (+) or star (-), the rest is noise.
    private (Doc Predicted, Doc Gold) Synthetic(Random random)
    {
        var chain = random.Next(2) == 0;
        var predicted = Doc(6);
        var tensor = NeuralGradientTests.Random(6 * Width, random);
        for (var i = 0; i < 6; i++)
        {
            tensor[i * Width] = chain ? 1 : -1;
        }

        predicted.SetTensor(tensor, Width);
        var gold = Doc(6);
        for (var i = 0; i < 6; i++)
        {
            var root = chain ? i == 5 : i == 0;
            gold[i].HeadIndex = root ? i : chain ? i + 1 : 0;
            gold[i].Dep = root ? "root" : chain ? "chain" : "star";
        }

        return (predicted, gold);
    }

    private Doc Gold(params (string Word, int Head, string Dep)[] tokens)
    {
        var doc = new Doc(_vocab, [.. tokens.Select(t => t.Word)]);
        for (var i = 0; i < tokens.Length; i++)
        {
            doc[i].HeadIndex = tokens[i].Head;
            doc[i].Dep = tokens[i].Dep;
        }

        return doc;
    }

    private Doc Doc(int length) => new(_vocab, [.. Enumerable.Repeat("x", length)]);
}
