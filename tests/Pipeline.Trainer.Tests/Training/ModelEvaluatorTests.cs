using Pipeline.Corpora;
using Pipeline.Trainer.Evaluation;

namespace Pipeline.Trainer.Tests.Training;

public sealed class ModelEvaluatorTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    [Fact]
    public void ScoresGoldTokensRawTextAndEntities()
    {
        var result = new TrainingRunner(fixture.Options("evaluator", "tagger", "parser", "ner") with
        {
            Epochs = 1,
            NerTrainPath = fixture.NerTrain,
            NerDevPath = fixture.NerDev,
        }).Run();
        var nlp = Nlp.Load(result.BestPath);
        var dev = ConlluReader.Read(fixture.Dev).ToList();

        var nerDev = new Iob2Reader().Read(fixture.NerDev).ToList();
        var scores = ModelEvaluator.Evaluate(nlp, dev, nerDev);

        var words = dev.Sum(s => s.Words.Count);
        Assert.Equal(words, scores.Upos!.Value.Gold);
        Assert.Equal(words, scores.Words);
        Assert.True(scores.WordsPerSecond > 0);
        Assert.True(scores.Tokens!.Value.F1 > 0.99);
        Assert.NotNull(scores.Sentences);
        Assert.NotNull(scores.Uas);
        Assert.NotNull(scores.Entities);
        Assert.True(scores.Entities!.F1 > 0.5);

        // Beside CoNLL-U data the IOB2 docs skip what the entities do not need; alone they run every component.
        var counter = new DependencyCounter();
        nlp.AddPipe(counter, before: "ner");
        var entitiesOnly = ModelEvaluator.Evaluate(nlp, null, nerDev);
        Assert.Equal(nerDev.Sum(s => s.Words.Count), entitiesOnly.Words);
        Assert.Equal(scores.Entities.Overall, entitiesOnly.Entities!.Overall);
        Assert.Equal(scores.Entities.PerLabel, entitiesOnly.Entities.PerLabel);
        Assert.True(counter.Docs >= nerDev.Count);
        var before = counter.Docs;
        ModelEvaluator.Evaluate(nlp, dev, null);
        var conlluOnly = counter.Docs - before;
        ModelEvaluator.Evaluate(nlp, dev, nerDev);
        Assert.Equal(conlluOnly, counter.Docs - before - conlluOnly);

        var rawOnly = ModelEvaluator.Evaluate(nlp, dev, rawText: false);
        Assert.Null(rawOnly.Tokens);
        Assert.Null(rawOnly.Entities);
    }

    [Fact]
    public void RawTextDocumentsBreakAtNewdocAndSize()
    {
        var text = string.Concat(Enumerable.Range(0, 120).Select(i =>
            (i % 100 == 0 ? $"# newdoc id = d{i}\n" : string.Empty) + $"# text = Word{i}.\n1\tWord{i}\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"));
        var sentences = ConlluReader.Read(new StringReader(text), "t").ToList();

        var documents = RawTextDocuments.Group(sentences).ToList();

        Assert.Equal([50, 50, 20], documents.Select(d => d.Sentences.Count));
        Assert.StartsWith("Word0. Word1.", documents[0].Text, StringComparison.Ordinal);
    }
}
