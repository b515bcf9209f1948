using Pipeline.Components;
using Pipeline.Components.Parsing;
using Pipeline.Components.Tagging;
using Pipeline.Corpora;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Trainer.Tests.Training;

public sealed class PipelineTrainerTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    [Fact]
    public void APipelinedPassTrainsTheSameModelsAsASequentialOne()
    {
        var (sequential, sequentialLosses) = TrainTaggerAndParser(pipelined: false);
        var (pipelined, pipelinedLosses) = TrainTaggerAndParser(pipelined: true);

        Assert.Equal(ModelHash.Of(sequential), ModelHash.Of(pipelined));
        Assert.Equal(sequentialLosses, pipelinedLosses);
        Assert.True(sequentialLosses["parser"].Total > 0);
    }

    [Theory]
    // The later stage fails on an earlier doc than the first stage: its error is the one a sequential pass meets.
    [InlineData(5, 3, "second failed at update 3")]
    // The first stage fails first: the docs before reach the second stage, then its error comes out.
    [InlineData(3, 5, "first failed at update 3")]
    // The second stage fails at once, the first working ahead (up to a full hand-off queue): no hang, its error.
    [InlineData(0, 1, "second failed at update 1")]
    public void AFailureStopsThePassWithTheErrorASequentialPassMeetsFirst(int firstFailsAt, int secondFailsAt, string message)
    {
        foreach (var pipelined in new[] { false, true })
        {
            var first = new FailingLearner("first", firstFailsAt);
            var second = new FailingLearner("second", secondFailsAt);
            var vocab = new Vocab();
            var golds = Enumerable.Range(0, 1000).Select(i => new Doc(vocab, ["word", $"{i}"])).ToList();
            var trainer = new PipelineTrainer([("first", first), ("second", second)], [new ExampleGroup("docs", golds, [true, true])], 1)
            {
                Pipelined = pipelined,
            };

            var error = Assert.Throws<InvalidOperationException>(() => trainer.TrainEpoch(0, null, CancellationToken.None));
            Assert.Equal(message, error.Message);
            Assert.True(second.Updates < 1000);
        }
    }

    private (Language Nlp, Dictionary<string, TrainingLoss> Losses) TrainTaggerAndParser(bool pipelined)
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(new Tagger());
        nlp.AddPipe(new Parser());
        var golds = ConlluReader.Read(fixture.Train).Select(s => s.ToDoc(nlp.Vocab)).ToList();
        foreach (var (_, pipe) in nlp.Pipeline)
        {
            ((ITrainable)pipe).Initialize(golds);
        }

        var trainer = new PipelineTrainer(nlp.Pipeline, [new ExampleGroup("CoNLL-U", golds, [true, true])], 7) { Pipelined = pipelined };
        var losses = trainer.TrainEpoch(0, null, CancellationToken.None);
        foreach (var (name, loss) in trainer.TrainEpoch(1, null, CancellationToken.None))
        {
            losses[name] += loss;
        }

        return (nlp, losses);
    }
}
