using Pipeline.Components.Lemmatization;
using Pipeline.Tokens;
using Pipeline.Transformers.Heads;
using Pipeline.Transformers.Heads.Lemmas;

namespace Pipeline.Transformers.Tests;

public sealed class NeuralLemmatizerTests : IDisposable
{
    private static readonly Dictionary<string, object?> Small = HeadTraining.SmallHead();

    private readonly TempDir _temp = new();
    private readonly Vocab _vocab = Nlp.Blank("en").Vocab;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ItLearnsTheEditScriptsFromTheVectorsAndLosesThemWithoutVectors()
    {
        // Every token is "leaves"; only its vector tells the lemma: "leaf" (the noun) or "leave" (the verb).
        var random = new Random(29);
        var train = Enumerable.Range(0, 60).Select(_ => Synthetic(random)).ToList();
        var test = Enumerable.Range(0, 30).Select(_ => Synthetic(random)).ToList();
        var lemmatizer = NeuralTokenClassifier.Lemmatizer(Small);
        HeadTraining.Train(lemmatizer, train, epochs: 8);
        Assert.Equal(2, lemmatizer.Labels.Count);
        var withVectors = Accuracy(lemmatizer, test, zeroed: false);
        var zeroed = Accuracy(lemmatizer, test, zeroed: true);
        Assert.True(withVectors >= 0.9, $"accuracy with vectors {withVectors}");
        Assert.True(zeroed <= 0.75, $"accuracy with zeroed vectors {zeroed}");
    }

    [Fact]
    public void ALabelIsTheSmLemmatizersEditScriptAndOneThatDoesNotFitLeavesTheForm()
    {
        var doc = Doc("Studies", "ran", "unlabelled");
        doc[0].Lemma = "study";
        var code = HeadTarget.Lemma.Gold(doc[0]);
        Assert.Equal(EditScript.Between("Studies", "study").Code, code);
        HeadTarget.Lemma.Set(doc[0], code!);
        Assert.Equal("study", doc[0].Lemma);
        HeadTarget.Lemma.Set(doc[1], code!); // "ran" does not end in "ies"
        Assert.Equal("ran", doc[1].Lemma);
        Assert.Null(HeadTarget.Lemma.Gold(doc[2])); // no gold lemma: no label
    }

    [Fact]
    public void ATrainedLemmatizerRoundTripsThroughToDiskAndNlpLoad()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("transformer"));
        nlp.AddPipe(nlp.CreatePipe("trf_lemmatizer", Small));
        var golds = new[]
        {
            Gold(("The", "the"), ("dogs", "dog"), ("were", "be"), ("running", "run"), (".", ".")),
            Gold(("A", "a"), ("cat", "cat"), ("sleeps", "sleep"), (".", ".")),
        };
        var trainer = nlp.BeginTraining(golds);
        trainer.Train(15);

        var before = nlp.Process("The cats were sleeping.");
        nlp.ToDisk(_temp.Path);
        var loaded = Nlp.Load(_temp.Path);
        Assert.Equal(["transformer", "trf_lemmatizer"], loaded.PipeNames);
        var after = loaded.Process("The cats were sleeping.");
        Assert.Equal(Column(before), Column(after));
        Assert.Equal("the", after[0].Lemma);
        Assert.Equal("be", after[2].Lemma); // "were" is always "be" in the training data: the lookup table says so

        // A damaged lookup table is a format error naming it.
        var table = Path.Combine(_temp.Path, "trf_lemmatizer", FormLemmaTable.FileName);
        File.WriteAllText(table, "{\"were\": 3");
        var error = Assert.Throws<PipelineFormatException>(() => Nlp.Load(_temp.Path));
        Assert.Equal("E271", error.Code);
        Assert.Equal(table, error.DataSource);
    }

    [Fact]
    public void TheLookupTableKeepsOnlyTheFormsTheTrainingDataAlwaysLemmatizesTheSameWay()
    {
        var table = FormLemmaTable.Build(
        [
            Gold(("saw", "see"), ("a", "a"), ("saw", "see")),
            Gold(("the", "the"), ("saw", "saw"), ("x", "")),
        ]);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "a", ["the"] = "the" }, table.Lemmas);

        var doc = Doc("the", "saw");
        doc[1].Lemma = "guess";
        table.Apply(doc);
        Assert.Equal(["the", "guess"], Column(doc));
    }

    private static string[] Column(Doc doc) => [.. Enumerable.Range(0, doc.Length).Select(i => doc[i].Lemma)];

    private static double Accuracy(NeuralTokenClassifier lemmatizer, List<(Doc Predicted, Doc Gold)> docs, bool zeroed)
    {
        var (right, all) = (0, 0);
        foreach (var (predicted, gold) in docs)
        {
            var doc = lemmatizer.Process(HeadTraining.Input(predicted, gold, zeroed));
            right += Enumerable.Range(0, doc.Length).Count(i => doc[i].Lemma == gold[i].Lemma);
            all += doc.Length;
        }

        return (double)right / all;
    }

    private (Doc Predicted, Doc Gold) Synthetic(Random random)
    {
        var (predicted, gold) = HeadTraining.Synthetic(_vocab, random, [.. Enumerable.Repeat("leaves", 6)]);
        for (var i = 0; i < gold.Length; i++)
        {
            gold[i].Lemma = predicted.Tensor![i * HeadTraining.Width] > 0 ? "leaf" : "leave";
        }

        return (predicted, gold);
    }

    private Doc Gold(params (string Word, string Lemma)[] tokens)
    {
        var doc = new Doc(_vocab, [.. tokens.Select(t => t.Word)]);
        for (var i = 0; i < tokens.Length; i++)
        {
            doc[i].Lemma = tokens[i].Lemma;
        }

        return doc;
    }

    private Doc Doc(params string[] words) => new(_vocab, words);
}
