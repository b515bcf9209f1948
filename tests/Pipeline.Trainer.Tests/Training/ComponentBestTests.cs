using Pipeline.Tokens;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Tests.Training;

/// <summary>Model-best's epochs chosen from synthetic epoch results: per component, ties, unweighted components, the default.</summary>
public sealed class ComponentBestTests
{
    private static readonly (string Name, IReadOnlyList<Attr>? Writes)[] Components =
    [
        ("tagger", [Attr.Pos, Attr.Tag]),
        ("lemmatizer", [Attr.Lemma]),
        ("parser", [Attr.Head, Attr.Dep, Attr.SentStart]),
        ("ner", [Attr.EntIob, Attr.EntType]),
    ];

    private static readonly ScoreWeights Weights = ScoreWeights.FromWeights(new Dictionary<string, double>
    {
        [ScoreKeys.Upos] = 1,
        [ScoreKeys.Las] = 1,
        [ScoreKeys.EntsF] = 1,
    });

    // UPOS peaks at epoch 1, LAS at 3, NER F at 0; the overall score (equal weights) at 2.
    private static readonly List<EpochResult> Run =
    [
        Epoch(0, upos: 90, las: 70, ents: 80, lemma: 95),
        Epoch(1, upos: 95, las: 72, ents: 70, lemma: 95),
        Epoch(2, upos: 94, las: 79, ents: 78, lemma: 95),
        Epoch(3, upos: 91, las: 80, ents: 65, lemma: 95),
    ];

    [Fact]
    public void EachComponentGetsTheEpochOfItsOwnScores()
    {
        var choice = new ComponentBest(ModelBestMode.PerComponent, Weights, Components).Choose(Run)!;

        Assert.Equal(2, choice.Epoch);
        Assert.Equal(["tagger", "lemmatizer", "parser", "ner"], choice.ComponentEpochs.Keys);
        Assert.Equal(1, choice.ComponentEpochs["tagger"]);
        Assert.Equal(3, choice.ComponentEpochs["parser"]);
        Assert.Equal(0, choice.ComponentEpochs["ner"]);
        Assert.Equal(new HashSet<int> { 0, 1, 2, 3 }, choice.Epochs);
        Assert.Equal(3, choice.VocabEpoch);
        Assert.True(choice.PerComponent);
    }

    [Fact]
    public void TheFoldersEachPartComesFromAreNamedInOrder()
    {
        var choice = new ComponentBest(ModelBestMode.PerComponent, Weights, Components).Choose(Run)!;

        Assert.Equal("model0 (ner), model1 (tagger), model2 (lemmatizer, the rest), model3 (parser)", choice.DescribeFolders());
    }

    [Fact]
    public void AComponentWithoutAWeightedScoreFollowsTheOverallBest()
    {
        // lemma has no weight; a component that declares nothing it writes has no score of its own.
        var components = Components.Append(("custom", null)).ToList();
        var choice = new ComponentBest(ModelBestMode.PerComponent, Weights, components).Choose(Run)!;

        Assert.Equal(2, choice.ComponentEpochs["lemmatizer"]);
        Assert.Equal(2, choice.ComponentEpochs["custom"]);
    }

    [Fact]
    public void AWeightedScoreNoEpochHasFollowsTheOverallBest()
    {
        var weights = ScoreWeights.FromWeights(new Dictionary<string, double> { [ScoreKeys.Upos] = 1, [ScoreKeys.UFeats] = 1 });
        var choice = new ComponentBest(ModelBestMode.PerComponent, weights, [("morphologizer", [Attr.Morph]), ("tagger", [Attr.Pos])]).Choose(Run)!;

        // The epochs' own scores (equal weights on upos, las and ents_f) pick epoch 2 overall.
        Assert.Equal(2, choice.Epoch);
        Assert.Equal(2, choice.ComponentEpochs["morphologizer"]);
        Assert.Equal(1, choice.ComponentEpochs["tagger"]);
    }

    [Fact]
    public void TiesGoToTheEarliestEpoch()
    {
        List<EpochResult> flat = [Epoch(0, 90, 70, 80, 95), Epoch(1, 92, 75, 80, 95), Epoch(2, 92, 75, 80, 95)];
        var choice = new ComponentBest(ModelBestMode.PerComponent, Weights, Components).Choose(flat)!;

        Assert.Equal(1, choice.Epoch);
        Assert.Equal(1, choice.ComponentEpochs["tagger"]);
        Assert.Equal(1, choice.ComponentEpochs["parser"]);
        Assert.Equal(0, choice.ComponentEpochs["ner"]);
    }

    [Fact]
    public void TheParserIsJudgedByEveryWeightedScoreOfWhatItWrites()
    {
        // UAS at epoch 0 outweighs LAS at epoch 1 once both are weighted; upos is the tagger's, not the parser's.
        List<EpochResult> epochs =
        [
            Epoch(0, upos: 80, las: 70, ents: 0, lemma: 0, uas: 90),
            Epoch(1, upos: 99, las: 72, ents: 0, lemma: 0, uas: 80),
        ];
        var weights = ScoreWeights.FromWeights(new Dictionary<string, double> { [ScoreKeys.Uas] = 1, [ScoreKeys.Las] = 1, [ScoreKeys.Upos] = 1 });
        var choice = new ComponentBest(ModelBestMode.PerComponent, weights, Components).Choose(epochs)!;

        Assert.Equal(0, choice.ComponentEpochs["parser"]);
        Assert.Equal(1, choice.ComponentEpochs["tagger"]);
    }

    [Fact]
    public void TheDefaultIsTheOneEpochWithTheHighestWeightedScore()
    {
        var chooser = new ComponentBest(ModelBestMode.Epoch, Weights, Components);
        var choice = chooser.Choose(Run)!;

        Assert.Equal(ComponentBest.BestEpoch(Run), choice.Epoch);
        Assert.Empty(choice.ComponentEpochs);
        Assert.False(choice.PerComponent);
        Assert.Equal(new HashSet<int> { 2 }, choice.Epochs);
        Assert.Null(chooser.Choose([]));
    }

    [Fact]
    public void RetentionKeepsEveryChosenEpoch()
    {
        var choice = new ComponentBest(ModelBestMode.PerComponent, Weights, Components).Choose(Run)!;

        Assert.Equal(new HashSet<int> { 0, 1, 2, 3 }, CheckpointRetention.Kept(Run, keep: 1, choice.Epochs));
        int[] bestOnly = [ComponentBest.BestEpoch(Run)!.Value];
        Assert.Equal(new HashSet<int> { 2, 3 }, CheckpointRetention.Kept(Run, keep: 1, bestOnly));
        Assert.False(CheckpointRetention.Pruned(Run, 0, "/nonexistent/model0", choice.Epochs));
        Assert.True(CheckpointRetention.Pruned(Run, 0, "/nonexistent/model0", bestOnly));
    }

    private static EpochResult Epoch(int epoch, double upos, double las, double ents, double lemma, double? uas = null)
    {
        var accuracy = new Dictionary<string, double>
        {
            [ScoreKeys.Upos] = upos,
            [ScoreKeys.Las] = las,
            [ScoreKeys.Uas] = uas ?? las + 5,
            [ScoreKeys.EntsF] = ents,
            [ScoreKeys.Lemma] = lemma,
        };
        return new(epoch, new Dictionary<string, Pipeline.Training.TrainingLoss>(), accuracy, new Dictionary<string, PerLabelScore>(), 0, Weights.Score(accuracy), $"model{epoch}", "hash");
    }
}
