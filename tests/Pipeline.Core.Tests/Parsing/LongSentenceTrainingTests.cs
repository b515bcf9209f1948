using Pipeline.Components.Parsing;

namespace Pipeline.Tests.Parsing;

/// <summary>Parser training leaves out sentences over <see cref="Parser.MaxTrainingTokens"/> with warning W030.</summary>
public sealed class LongSentenceTrainingTests
{
    [Fact]
    public void SentencesOverTheLimitAreLeftOutWithAWarning()
    {
        var docs = ToyTreebank.Make(new Vocab("en"), 60, seed: 3);
        var limit = docs.Select(d => d.Length).Order().ElementAt(docs.Count / 2);
        var over = docs.Where(d => d.Length > limit).ToList();
        Assert.NotEmpty(over);
        using var warnings = new WarningCollector();
        var parser = new Parser { MaxTrainingTokens = limit };

        parser.Initialize(docs);

        var warning = Assert.Single(warnings.All, w => w.Code == "W030");
        Assert.Contains($"{over.Count:N0} sentence(s) are longer than the limit of {limit:N0} tokens", warning.Message, StringComparison.Ordinal);
        Assert.Contains($"the longest has {over.Max(d => d.Length):N0}", warning.Message, StringComparison.Ordinal);
        foreach (var doc in over)
        {
            Assert.Equal(0, parser.Update(ToyTreebank.WordsAndTags(doc), doc).Total);
        }

        var kept = docs.First(d => d.Length <= limit);
        Assert.True(parser.Update(ToyTreebank.WordsAndTags(kept), kept).Total > 0);
    }

    [Fact]
    public void TheDefaultLimitLetsOrdinarySentencesThroughSilently()
    {
        var docs = ToyTreebank.Make(new Vocab("en"), 30, seed: 4);
        using var warnings = new WarningCollector();

        new Parser().Train(docs, epochs: 1, seed: 1);

        Assert.Equal(2_000, new Parser().MaxTrainingTokens);
        Assert.DoesNotContain(warnings.All, w => w.Code == "W030");
    }
}
