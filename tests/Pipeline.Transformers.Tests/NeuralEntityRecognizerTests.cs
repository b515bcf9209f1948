using Pipeline.Tokens;
using Pipeline.Transformers.Heads.Entities;

namespace Pipeline.Transformers.Tests;

public sealed class NeuralEntityRecognizerTests : IDisposable
{
    private static readonly Dictionary<string, object?> Small = new()
    {
        ["width"] = 16,
        ["depth"] = 1,
        ["embedding_rows"] = 512,
        ["embedding_width"] = 8,
        ["batch"] = 2,
        ["learning_rate"] = 0.01,
        ["average"] = 0.9,
    };

    private readonly TempDir _temp = new();
    private readonly Vocab _vocab = Nlp.Blank("en").Vocab;

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ItLearnsEntitiesFromTheVectorsAndLosesThemWithoutVectors(int attentionLayers)
    {
        // Every token is the same word, so only the vectors tell the entities: a run of tokens whose first value is
        // positive is a PER entity.
        var random = new Random(23);
        var train = Enumerable.Range(0, 80).Select(_ => Synthetic(random)).ToList();
        var test = Enumerable.Range(0, 30).Select(_ => Synthetic(random)).ToList();
        var ner = new NeuralEntityRecognizer(new Dictionary<string, object?>(Small) { ["attention_layers"] = attentionLayers });
        HeadTraining.Train(ner, train, epochs: 30, beforeUpdate: predicted => predicted.Ents = []);
        Assert.Equal(["PER"], ner.Labels);
        Assert.All(train, t => Assert.All(t.Predicted.Ents, e => Assert.Equal("PER", e.Label)));

        var withVectors = F1(ner, test, zeroed: false);
        var zeroed = F1(ner, test, zeroed: true);
        Assert.True(withVectors >= 0.9, $"F1 with vectors {withVectors}");
        Assert.True(zeroed <= 0.5, $"F1 with zeroed vectors {zeroed}");
    }

    [Fact]
    public void EntitiesAlreadyInTheDocAreKeptAndNeverOverlapped()
    {
        var random = new Random(5);
        var train = Enumerable.Range(0, 40).Select(_ => Synthetic(random)).ToList();
        var ner = new NeuralEntityRecognizer(Small);
        HeadTraining.Train(ner, train, epochs: 1);

        // All vectors say "entity"; tokens 2-3 are already an ORG, so PER entities may only cover 0-1 and 4-5.
        var doc = Doc("x", "x", "x", "x", "x", "x");
        var tensor = new float[6 * 8];
        for (var i = 0; i < 6; i++)
        {
            tensor[i * 8] = 2;
        }

        doc.SetTensor(tensor, 8);
        doc.Ents = [new Span(doc, 2, 4, "ORG")];
        ner.Process(doc);
        var ents = doc.Ents;
        Assert.Contains(ents, e => e is { Start: 2, End: 4, Label: "ORG" });
        Assert.All(ents.Where(e => e.Label != "ORG"), e => Assert.True(e.End <= 2 || e.Start >= 4, $"{e.Start}-{e.End}"));
        Assert.Contains(ents, e => e.Label == "PER");
    }

    [Fact]
    public void ADocWithoutVectorsIsRefusedAndBadSettingsAreNamed()
    {
        var ner = new NeuralEntityRecognizer(Small);
        Assert.Equal("E270", Assert.Throws<PipelineException>(() => ner.Process(Doc("a", "b"))).Code);
        var (predicted, gold) = Synthetic(new Random(1));
        ner.Initialize([gold]);
        Assert.Equal("E269", Assert.Throws<PipelineException>(() => ner.Update(Doc("x", "x", "x", "x", "x", "x"), gold)).Code);
        ner.Update(predicted, gold);
        Assert.Equal("E269", Assert.Throws<PipelineException>(() => ner.Process(Doc("a", "b"))).Code);

        var error = Assert.Throws<PipelineException>(() => new NeuralEntityRecognizer(new Dictionary<string, object?> { ["depth"] = 17 }));
        Assert.Equal("E268", error.Code);
        Assert.Contains("'depth' of component 'trf_ner'", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<PipelineException>(() => new NeuralEntityRecognizer(new Dictionary<string, object?>(Small) { ["attention_layers"] = 1, ["attention_heads"] = 3 }));
        Assert.Equal("E268", error.Code);
        Assert.Contains("'attention_heads' of component 'trf_ner'", error.Message, StringComparison.Ordinal);
        Assert.Equal("E268", Assert.Throws<PipelineException>(() => new NeuralEntityRecognizer(new Dictionary<string, object?> { ["average"] = 1 })).Code);
        error = Assert.Throws<PipelineException>(() => new NeuralEntityRecognizer(new Dictionary<string, object?> { ["learning_rate_half_life"] = -1 }));
        Assert.Contains("'learning_rate_half_life' of component 'trf_ner'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithAHalfLifeTheStepSizeDecaysSoLaterEpochsBarelyMoveTheWeights()
    {
        var random = new Random(13);
        var train = Enumerable.Range(0, 40).Select(_ => Synthetic(random)).ToList();
        var moved = new List<float>();
        foreach (var halfLife in new[] { 0, 4 })
        {
            // Epoch 2's largest weight change: with a half-life of 4 docs the step size is 2^-10 of its start by then.
            var ner = new NeuralEntityRecognizer(new Dictionary<string, object?>(Small) { ["average"] = 0, ["learning_rate_half_life"] = halfLife });
            ner.Initialize(train.Select(t => t.Gold));
            var saved = new List<float[]>();
            for (var epoch = 0; epoch < 2; epoch++)
            {
                foreach (var (predicted, gold) in train)
                {
                    ner.Update(predicted, gold);
                }

                var folder = Directory.CreateDirectory(Path.Combine(_temp.Path, $"half-life-{halfLife}-{epoch}")).FullName;
                ner.ToDisk(folder);
                saved.Add([.. EntityModelFile.Read(folder).Network.Parameters.SelectMany(p => p.Value)]);
            }

            moved.Add(saved[0].Zip(saved[1], (a, b) => Math.Abs(a - b)).Max());
        }

        Assert.True(moved[0] > 1e-2, $"without a half-life epoch 2 moved the weights by {moved[0]}");
        Assert.True(moved[1] < 1e-3, $"with a half-life of 4 docs epoch 2 moved them by {moved[1]}");
    }

    [Fact]
    public void ItPredictsWithAndSavesTheMovingAverageOfItsWeights()
    {
        var random = new Random(17);
        var train = Enumerable.Range(0, 80).Select(_ => Synthetic(random)).ToList();
        var test = Enumerable.Range(0, 20).Select(_ => Synthetic(random)).ToList();
        var files = new List<byte[]>();
        foreach (var average in new[] { 0, 0.9 })
        {
            var ner = new NeuralEntityRecognizer(new Dictionary<string, object?>(Small) { ["average"] = average });
            HeadTraining.Train(ner, train, epochs: 30, beforeUpdate: predicted => predicted.Ents = []);
            var folder = Directory.CreateDirectory(Path.Combine(_temp.Path, $"average-{average}")).FullName;
            ner.ToDisk(folder);
            files.Add(File.ReadAllBytes(Path.Combine(folder, EntityModelFile.FileName)));

            // What it saved is what it predicted with: the loaded copy finds the same entities.
            var loaded = new NeuralEntityRecognizer(Small);
            loaded.FromDisk(folder);
            foreach (var (input, reference) in test)
            {
                Assert.Equal(Spans(ner.Process(HeadTraining.Input(input, reference, zeroed: false))), Spans(loaded.Process(HeadTraining.Input(input, reference, zeroed: false))));
            }

            Assert.True(F1(loaded, test, zeroed: false) >= 0.9, $"F1 with average {average}");
        }

        // Same seed and data: only the averaging tells the saved weights apart.
        Assert.Equal(files[0].Length, files[1].Length);
        Assert.NotEqual(files[0], files[1]);
    }

    [Fact]
    public void FeatureDropoutReplacesAShareOfTheIdsByTheirFeaturesUnknownId()
    {
        var doc = Doc([.. Enumerable.Range(0, 400).Select(i => $"w{i}")]);
        var ids = EntityFeatures.Of(doc);
        var kept = (ulong[])ids.Clone();
        EntityFeatures.Drop(ids, new Random(3), 0);
        Assert.Equal(kept, ids);

        EntityFeatures.Drop(ids, new Random(3), 0.25f);
        var dropped = Enumerable.Range(0, ids.Length).Where(i => ids[i] != kept[i]).ToList();
        Assert.InRange(dropped.Count, ids.Length / 5, ids.Length * 3 / 10);

        // A dropped id is the same for every token, one per feature kind.
        var unknown = dropped.GroupBy(i => i % EntityFeatures.Count).ToDictionary(g => g.Key, g => g.Select(i => ids[i]).Distinct().Single());
        Assert.Equal(EntityFeatures.Count, unknown.Values.Distinct().Count());
    }

    [Fact]
    public void ATrainedPipelineRoundTripsThroughToDiskAndNlpLoad()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("transformer"));
        nlp.AddPipe(nlp.CreatePipe("trf_ner", Small));
        var golds = new[]
        {
            Gold(["Alice", "met", "Bob", "in", "Paris", "."], (0, 1, "PER"), (2, 3, "PER"), (4, 5, "LOC")),
            Gold(["New", "York", "is", "big", "."], (0, 2, "LOC")),
        };
        var trainer = nlp.BeginTraining(golds);
        trainer.Train(15);

        var before = nlp.Process("Alice met Bob in New York.");
        Assert.NotEmpty(before.Ents);
        nlp.ToDisk(_temp.Path);
        Assert.True(File.Exists(Path.Combine(_temp.Path, "trf_ner", EntityModelFile.FileName)));

        var loaded = Nlp.Load(_temp.Path);
        Assert.Equal(["transformer", "trf_ner"], loaded.PipeNames);
        var after = loaded.Process("Alice met Bob in New York.");
        Assert.Equal(Spans(before), Spans(after));

        // A damaged model file is a format error naming it.
        var file = Path.Combine(_temp.Path, "trf_ner", EntityModelFile.FileName);
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..^4]);
        var error = Assert.Throws<PipelineFormatException>(() => Nlp.Load(_temp.Path));
        Assert.Equal("E271", error.Code);
        Assert.Equal(file, error.DataSource);
        File.WriteAllBytes(file, [.. "PLNER002"u8, .. BitConverter.GetBytes(int.MaxValue), .. new byte[36]]);
        Assert.Contains("size 0 of the network", Assert.Throws<PipelineFormatException>(() => Nlp.Load(_temp.Path)).Message, StringComparison.Ordinal);

        // A file of the first format (no attention sizes) is refused, not misread.
        File.WriteAllBytes(file, [.. "PLNER001"u8, .. new byte[64]]);
        Assert.Contains("magic", Assert.Throws<PipelineFormatException>(() => Nlp.Load(_temp.Path)).Message, StringComparison.Ordinal);
    }

    private static string[] Spans(Doc doc) => [.. doc.Ents.Select(e => $"{e.Start}-{e.End}:{e.Label}")];

    private static double F1(NeuralEntityRecognizer ner, List<(Doc Predicted, Doc Gold)> docs, bool zeroed)
    {
        var (right, predicted, gold) = (0, 0, 0);
        foreach (var (input, reference) in docs)
        {
            var doc = ner.Process(HeadTraining.Input(input, reference, zeroed));
            var guessed = Spans(doc);
            var wanted = Spans(reference);
            right += guessed.Intersect(wanted).Count();
            predicted += guessed.Length;
            gold += wanted.Length;
        }

        return right == 0 ? 0 : 2.0 * right / (predicted + gold);
    }

    private (Doc Predicted, Doc Gold) Synthetic(Random random)
    {
        const int width = HeadTraining.Width;
        var (predicted, gold) = HeadTraining.Synthetic(_vocab, random, "x", "x", "x", "x", "x", "x");
        var tensor = predicted.Tensor!;
        var spans = new List<Span>();
        for (var i = 0; i < gold.Length;)
        {
            var end = i;
            while (end < gold.Length && tensor[end * width] > 0)
            {
                end++;
            }

            if (end > i)
            {
                spans.Add(new Span(gold, i, end, "PER"));
            }

            i = Math.Max(end, i + 1);
        }

        gold.Ents = spans;
        return (predicted, gold);
    }

    private Doc Gold(string[] words, params (int Start, int End, string Label)[] ents)
    {
        var doc = new Doc(_vocab, words);
        doc.Ents = [.. ents.Select(e => new Span(doc, e.Start, e.End, e.Label))];
        return doc;
    }

    private Doc Doc(params string[] words) => new(_vocab, words);
}
