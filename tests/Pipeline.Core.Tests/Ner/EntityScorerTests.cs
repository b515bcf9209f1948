using Pipeline.Training;

namespace Pipeline.Tests.Ner;

public class EntityScorerTests
{
    private static readonly string[] Words = "Alice Smith lives in New York near Acme .".Split(' ');

    private static Doc Make(Vocab vocab, params (int Start, int End, string Label)[] ents)
    {
        var doc = new Doc(vocab, Words);
        doc.Ents = ents.Select(e => new Span(doc, e.Start, e.End, e.Label)).ToList();
        return doc;
    }

    [Fact]
    public void CountsExactSpanAndLabelMatchesOverallAndPerLabel()
    {
        var vocab = new Vocab();
        var gold = Make(vocab, (0, 2, "PER"), (4, 6, "LOC"), (7, 8, "ORG"));

        // Two right, one with the wrong label, and a spurious one.
        var predicted = Make(vocab, (0, 2, "PER"), (2, 3, "LOC"), (4, 6, "ORG"), (7, 8, "ORG"));
        var scores = EntityScorer.Score([gold], [predicted]);
        Assert.Equal(new PrfScore(2, 2, 1), scores.Overall);
        Assert.Equal(0.5, scores.Precision, 9);
        Assert.Equal(2.0 / 3, scores.Recall, 9);
        Assert.Equal(2 * 0.5 * (2.0 / 3) / (0.5 + (2.0 / 3)), scores.F, 9);
        Assert.Equal(["LOC", "ORG", "PER"], scores.PerLabel.Keys);
        Assert.Equal(new PrfScore(0, 1, 1), scores.PerLabel["LOC"]);
        Assert.Equal(new PrfScore(1, 1, 0), scores.PerLabel["ORG"]);
        Assert.Equal(new PrfScore(1, 0, 0), scores.PerLabel["PER"]);
        Assert.Equal(1.0, scores.PerLabel["PER"].F);
    }

    [Fact]
    public void BoundaryErrorsCountAsOneFalsePositiveAndOneFalseNegative()
    {
        var vocab = new Vocab();
        var scorer = new EntityScorer();
        scorer.Add(Make(vocab, (4, 6, "LOC")), Make(vocab, (5, 6, "LOC")));
        scorer.Add(Make(vocab, (0, 2, "PER")), Make(vocab, (0, 2, "PER")));
        Assert.Equal(2, scorer.Docs);
        Assert.Equal(new PrfScore(1, 1, 1), scorer.Result.Overall);
        Assert.Equal(new PrfScore(0, 1, 1), scorer.Result.PerLabel["LOC"]);
    }

    [Fact]
    public void NoEntitiesScoreZeroWithoutDividingByZero()
    {
        var vocab = new Vocab();
        var scores = EntityScorer.Score([new Doc(vocab, Words)], [new Doc(vocab, Words)]);
        Assert.Equal(default, scores.Overall);
        Assert.Equal(0, scores.F);
        Assert.Empty(scores.PerLabel);
        var missed = EntityScorer.Score([Make(vocab, (0, 1, "PER"))], [new Doc(vocab, Words)]);
        Assert.Equal(0, missed.Precision);
        Assert.Equal(0, missed.Recall);
    }

    [Fact]
    public void DocsWithDifferentTokensAreRefused()
    {
        var vocab = new Vocab();
        var gold = new Doc(vocab, Words);
        Assert.Equal("E090", Assert.Throws<PipelineException>(() => EntityScorer.Score([gold], [new Doc(vocab, Words[..^1])])).Code);
        Assert.Equal("E090", Assert.Throws<PipelineException>(() => EntityScorer.Score([gold], [new Doc(vocab, Words.Reverse().ToArray())])).Code);
        Assert.Equal("E090", Assert.Throws<PipelineException>(() => EntityScorer.Score([gold, gold], [gold])).Code);
    }
}
