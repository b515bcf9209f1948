using Pipeline.Tokens;
using Pipeline.Transformers.Heads;

namespace Pipeline.Transformers.Tests;

public sealed class NeuralHeadTests : IDisposable
{
    private static readonly Dictionary<string, object?> Small = HeadTraining.SmallHead();

    private readonly TempDir _temp = new();
    private readonly Vocab _vocab = Nlp.Blank("en").Vocab;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheTaggerLearnsFromTheVectorsAndLosesWithoutThem()
    {
        // Every token is the same word, so only its vector tells the tag (the sign of its first value).
        var random = new Random(23);
        var train = Enumerable.Range(0, 60).Select(_ => Synthetic(random)).ToList();
        var test = Enumerable.Range(0, 30).Select(_ => Synthetic(random)).ToList();
        var tagger = NeuralTokenClassifier.Tagger(Small);
        tagger.Initialize(train.Select(t => t.Gold));
        Assert.Equal(["A", "B"], tagger.Labels);
        for (var epoch = 0; epoch < 8; epoch++)
        {
            foreach (var (predicted, gold) in train)
            {
                tagger.Update(predicted, gold);
            }
        }

        tagger.FinishTraining();
        var withVectors = Accuracy(tagger, test, zeroed: false);
        var zeroed = Accuracy(tagger, test, zeroed: true);
        Assert.True(withVectors >= 0.9, $"accuracy with vectors {withVectors}");
        Assert.True(zeroed <= 0.75, $"accuracy with zeroed vectors {zeroed}");
    }

    [Fact]
    public void ADocWithoutVectorsIsRefusedWithAClearError()
    {
        var tagger = NeuralTokenClassifier.Tagger(Small);
        Assert.Equal("E270", Assert.Throws<PipelineException>(() => tagger.Process(Doc("a", "b"))).Code);

        var (predicted, gold) = Synthetic(new Random(1));
        tagger.Initialize([gold]);
        Assert.Equal("E269", Assert.Throws<PipelineException>(() => tagger.Update(Doc("x", "x", "x", "x", "x", "x"), gold)).Code);
        tagger.Update(predicted, gold);
        var error = Assert.Throws<PipelineException>(() => tagger.Process(Doc("a", "b")));
        Assert.Equal("E269", error.Code);
        Assert.Contains("'transformer'", error.Message, StringComparison.Ordinal);

        var narrow = Doc("a", "b");
        narrow.SetTensor(new float[2 * 3], 3);
        Assert.Contains("width 8", Assert.Throws<PipelineException>(() => tagger.Process(narrow)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, "hidden")]
    [InlineData(2.5, "dropout")]
    public void ABadSettingIsE268NamingIt(double value, string key)
    {
        var error = Assert.Throws<PipelineException>(() => NeuralTokenClassifier.Morphologizer(new Dictionary<string, object?> { [key] = value }));
        Assert.Equal("E268", error.Code);
        Assert.Contains($"'{key}' of component 'trf_morphologizer'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATrainedTransformerPipelineRoundTripsThroughToDiskAndNlpLoad()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("transformer"));
        nlp.AddPipe(nlp.CreatePipe("trf_tagger", Small));
        nlp.AddPipe(nlp.CreatePipe("trf_morphologizer", Small));
        var golds = new[]
        {
            Gold(("The", "DET", "Definite=Def|PronType=Art"), ("dog", "NOUN", "Number=Sing"), ("runs", "VERB", "Number=Sing|Person=3"), (".", "PUNCT", "")),
            Gold(("A", "DET", "Definite=Ind|PronType=Art"), ("cat", "NOUN", "Number=Sing"), ("sleeps", "VERB", "Number=Sing|Person=3"), (".", "PUNCT", "")),
        };
        var trainer = nlp.BeginTraining(golds);
        trainer.Train(10);

        var before = nlp.Process("The cat runs.");
        Assert.Equal(["DET", "NOUN", "VERB", "PUNCT"], Column(before, t => t.Pos));
        nlp.ToDisk(_temp.Path);
        Assert.True(File.Exists(Path.Combine(_temp.Path, "trf_tagger", HeadModelFile.FileName)));

        var loaded = Nlp.Load(_temp.Path);
        Assert.Equal(["transformer", "trf_tagger", "trf_morphologizer"], loaded.PipeNames);
        var after = loaded.Process("The cat runs.");
        Assert.Equal(Column(before, t => t.Pos), Column(after, t => t.Pos));
        Assert.Equal(Column(before, t => t.Morph), Column(after, t => t.Morph));

        // A damaged model file is a format error naming it.
        var file = Path.Combine(_temp.Path, "trf_morphologizer", HeadModelFile.FileName);
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..^4]);
        var error = Assert.Throws<PipelineFormatException>(() => Nlp.Load(_temp.Path));
        Assert.Equal("E271", error.Code);
        Assert.Equal(file, error.DataSource);
    }

    private static double Accuracy(NeuralTokenClassifier tagger, List<(Doc Predicted, Doc Gold)> docs, bool zeroed)
    {
        var (right, all) = (0, 0);
        foreach (var (predicted, gold) in docs)
        {
            var doc = new Doc(gold.Vocab, Column(gold, t => t.Text));
            doc.SetTensor(zeroed ? new float[predicted.Tensor!.Length] : (float[])predicted.Tensor!.Clone(), predicted.TensorWidth);
            tagger.Process(doc);
            right += Enumerable.Range(0, doc.Length).Count(i => doc[i].Pos == gold[i].Pos);
            all += doc.Length;
        }

        return (double)right / all;
    }

    private static string[] Column(Doc doc, Func<Token, string> value) => [.. Enumerable.Range(0, doc.Length).Select(i => value(doc[i]))];

    private (Doc Predicted, Doc Gold) Synthetic(Random random)
    {
        const int width = 8;
        var predicted = Doc("x", "x", "x", "x", "x", "x");
        var gold = Doc("x", "x", "x", "x", "x", "x");
        var tensor = NeuralGradientTests.Random(predicted.Length * width, random);
        predicted.SetTensor(tensor, width);
        for (var i = 0; i < gold.Length; i++)
        {
            gold[i].Pos = tensor[i * width] > 0 ? "A" : "B";
        }

        return (predicted, gold);
    }

    private Doc Gold(params (string Word, string Pos, string Morph)[] tokens)
    {
        var doc = new Doc(_vocab, [.. tokens.Select(t => t.Word)]);
        for (var i = 0; i < tokens.Length; i++)
        {
            doc[i].Pos = tokens[i].Pos;
            doc[i].Morph = tokens[i].Morph;
        }

        return doc;
    }

    private Doc Doc(params string[] words) => new(_vocab, words);
}
