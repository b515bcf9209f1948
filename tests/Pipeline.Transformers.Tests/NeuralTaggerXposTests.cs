using Pipeline.Tokens;
using Pipeline.Transformers.Heads;

namespace Pipeline.Transformers.Tests;

/// <summary>trf_tagger's XPOS: joint (UPOS, XPOS) labels set token.Pos and token.Tag; UPOS-only taggers and files work as before.</summary>
public sealed class NeuralTaggerXposTests : IDisposable
{
    private static readonly Dictionary<string, object?> Small = HeadTraining.SmallHead();

    private readonly TempDir _temp = new();
    private readonly Vocab _vocab = Nlp.Blank("en").Vocab;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheTaggerWithXposSetsAndLearnsBothPosAndTag()
    {
        // UPOS follows the sign of a token's first vector value and XPOS that of its second (HeadTraining.SyntheticTagged).
        var random = new Random(5);
        var train = Enumerable.Range(0, 80).Select(_ => Synthetic(random)).ToList();
        var test = Enumerable.Range(0, 30).Select(_ => Synthetic(random)).ToList();
        var tagger = NeuralTokenClassifier.Tagger(Small);
        Assert.Equal([Attr.Pos, Attr.Tag], tagger.Writes);
        HeadTraining.Train(tagger, train, 10);

        Assert.Equal(["A\tx", "A\ty", "B\tx", "B\ty"], tagger.Labels);
        Assert.Equal([Attr.Pos, Attr.Tag], tagger.Writes);
        var (pos, tag) = Accuracy(tagger, test);
        Assert.True(pos >= 0.9, $"UPOS accuracy {pos}");
        Assert.True(tag >= 0.9, $"XPOS accuracy {tag}");
    }

    [Fact]
    public void XposFalseOrACorpusWithoutXposGivesTheUposTagger()
    {
        var random = new Random(6);
        var train = Enumerable.Range(0, 20).Select(_ => Synthetic(random)).ToList();
        var off = NeuralTokenClassifier.Tagger(HeadTraining.SmallHead(("xpos", false)));
        Assert.Equal([Attr.Pos], off.Writes);
        HeadTraining.Train(off, train, 1);
        Assert.Equal(["A", "B"], off.Labels);

        foreach (var (_, gold) in train)
        {
            for (var i = 0; i < gold.Length; i++)
            {
                gold[i].TagId = 0;
            }
        }

        var untagged = NeuralTokenClassifier.Tagger(Small);
        HeadTraining.Train(untagged, train, 1);
        Assert.Equal(["A", "B"], untagged.Labels);
        Assert.Equal([Attr.Pos], untagged.Writes);
        var doc = HeadTraining.Input(train[0].Predicted, train[0].Gold, zeroed: false);
        untagged.Process(doc);
        Assert.All(Enumerable.Range(0, doc.Length), i => Assert.Equal(string.Empty, doc[i].Tag));
    }

    [Fact]
    public void AUposOnlyModelFileLoadsAndTagsAsBeforeUnderTheXposDefault()
    {
        var random = new Random(7);
        var train = Enumerable.Range(0, 20).Select(_ => Synthetic(random)).ToList();
        var old = NeuralTokenClassifier.Tagger(HeadTraining.SmallHead(("xpos", false)));
        HeadTraining.Train(old, train, 2);
        old.ToDisk(_temp.Path);

        var loaded = NeuralTokenClassifier.Tagger(Small);
        loaded.FromDisk(_temp.Path);
        Assert.Equal(["A", "B"], loaded.Labels);
        Assert.Equal([Attr.Pos], loaded.Writes);
        var (expected, actual) = (Input(train[0]), Input(train[0]));
        old.Process(expected);
        loaded.Process(actual);
        Assert.Equal(Column(expected, t => t.Pos), Column(actual, t => t.Pos));
        Assert.All(Enumerable.Range(0, actual.Length), i => Assert.Equal(string.Empty, actual[i].Tag));
    }

    [Fact]
    public void XposSurvivesToDiskAndNlpLoad()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("transformer"));
        nlp.AddPipe(nlp.CreatePipe("trf_tagger", Small));
        var golds = new[]
        {
            Gold(("The", "DET", "DT"), ("dog", "NOUN", "NN"), ("ran", "VERB", "VBD"), (".", "PUNCT", ".")),
            Gold(("A", "DET", "DT"), ("cat", "NOUN", "NN"), ("sleeps", "VERB", "VBZ"), (".", "PUNCT", ".")),
        };
        nlp.BeginTraining(golds).Train(15);

        var before = nlp.Process("The cat sleeps.");
        Assert.Equal(["DET", "NOUN", "VERB", "PUNCT"], Column(before, t => t.Pos));
        Assert.Equal(["DT", "NN", "VBZ", "."], Column(before, t => t.Tag));
        nlp.ToDisk(_temp.Path);

        var after = Nlp.Load(_temp.Path).Process("The cat sleeps.");
        Assert.Equal(Column(before, t => t.Pos), Column(after, t => t.Pos));
        Assert.Equal(Column(before, t => t.Tag), Column(after, t => t.Tag));
    }

    [Fact]
    public void ABadXposSettingIsE268()
    {
        var error = Assert.Throws<PipelineException>(() => NeuralTokenClassifier.Tagger(new Dictionary<string, object?> { ["xpos"] = "maybe" }));
        Assert.Equal("E268", error.Code);
        Assert.Contains("'xpos' of component 'trf_tagger'", error.Message, StringComparison.Ordinal);
    }

    private static (double Pos, double Tag) Accuracy(NeuralTokenClassifier tagger, List<(Doc Predicted, Doc Gold)> docs)
    {
        var (pos, tag, all) = (0, 0, 0);
        foreach (var example in docs)
        {
            var doc = Input(example);
            tagger.Process(doc);
            pos += Enumerable.Range(0, doc.Length).Count(i => doc[i].Pos == example.Gold[i].Pos);
            tag += Enumerable.Range(0, doc.Length).Count(i => doc[i].Tag == example.Gold[i].Tag);
            all += doc.Length;
        }

        return ((double)pos / all, (double)tag / all);
    }

    private static Doc Input((Doc Predicted, Doc Gold) example) => HeadTraining.Input(example.Predicted, example.Gold, zeroed: false);

    private static string[] Column(Doc doc, Func<Token, string> value) => [.. Enumerable.Range(0, doc.Length).Select(i => value(doc[i]))];

    private (Doc Predicted, Doc Gold) Synthetic(Random random) => HeadTraining.SyntheticTagged(_vocab, random, 6);

    private Doc Gold(params (string Word, string Pos, string Tag)[] tokens)
    {
        var doc = new Doc(_vocab, [.. tokens.Select(t => t.Word)]);
        for (var i = 0; i < tokens.Length; i++)
        {
            doc[i].Pos = tokens[i].Pos;
            doc[i].Tag = tokens[i].Tag;
        }

        return doc;
    }
}
