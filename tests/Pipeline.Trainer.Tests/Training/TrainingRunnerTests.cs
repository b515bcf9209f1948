using System.Text.Json;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Tests.Training;

public sealed class TrainingRunnerTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    [Fact]
    public void TheTaggerLearnsAndScoresRisePastAFloor()
    {
        var result = new TrainingRunner(fixture.Options("learns") with { Epochs = 3 }).Run();

        Assert.Equal(3, result.Epochs.Count);
        var upos = result.Epochs.Select(e => e.Accuracy[ScoreKeys.Upos]).ToList();
        Assert.True(upos[^1] >= 90, $"UPOS per epoch: {string.Join(", ", upos)}");
        Assert.True(upos.Max() >= upos[0]);
        Assert.True(result.Epochs[0].Losses["tagger"].Errors > result.Epochs[^1].Losses["tagger"].Errors);
        Assert.True(result.FinalAccuracy[ScoreKeys.Upos] >= 90);
        Assert.True(result.Epochs[0].Accuracy[ScoreKeys.TokenF1] > 99);
    }

    [Fact]
    public void TheDefaultPipelineTagsAndParsesAndFillsUasAndLas()
    {
        Assert.Equal(["tagger", "parser"], TrainingOptions.DefaultPipeline);
        var options = fixture.Options("parsed") with { Pipeline = null, Epochs = 3 };
        var result = new TrainingRunner(options).Run();

        foreach (var epoch in result.Epochs)
        {
            Assert.True(epoch.Accuracy.ContainsKey(ScoreKeys.Uas) && epoch.Accuracy.ContainsKey(ScoreKeys.Las));
            Assert.True(epoch.Losses["parser"].Total > 0);
        }

        Assert.True(result.FinalAccuracy[ScoreKeys.Uas] >= 85, $"UAS {result.FinalAccuracy[ScoreKeys.Uas]}");
        Assert.True(result.FinalAccuracy[ScoreKeys.Las] >= 80, $"LAS {result.FinalAccuracy[ScoreKeys.Las]}");
        var nlp = Nlp.Load(result.FinalPath);
        Assert.Equal(["tagger", "parser"], nlp.PipeNames);
        var doc = nlp.Process("Alice sees the dog .");
        Assert.Single(doc.Sents);
        Assert.Equal("root", doc[1].Dep);
        Assert.Contains("root", ModelMeta.Read(Path.Combine(result.FinalPath, "meta.json")).Labels["parser"]);
    }

    [Fact]
    public void EveryEpochIsACompleteModelWithStampedMeta()
    {
        var template = fixture.File("template.json", """
            { "name": "toy_sm", "description": "A toy model", "author": "Tests", "license": "MIT",
              "sources": [{ "name": "Toy treebank" }], "custom_field": 42 }
            """);
        var options = fixture.Options("stamped") with { MetaPath = template, Version = "1.2.3", Epochs = 2 };
        var result = new TrainingRunner(options).Run();

        for (var epoch = 0; epoch < 2; epoch++)
        {
            var dir = Path.Combine(options.Output, $"model{epoch}");
            var nlp = Nlp.Load(dir);
            Assert.Equal(["tagger"], nlp.PipeNames);
            Assert.Equal("PROPN", nlp.Process("Alice sees the dog .")[0].Pos);
            var meta = ModelMeta.Read(Path.Combine(dir, "meta.json"));
            Assert.Equal("en", meta.Lang);
            Assert.Equal("toy_sm", meta.Name);
            Assert.Equal("1.2.3", meta.Version);
            Assert.Equal(Nlp.CompatibleRange, meta.FrameworkVersion);
            Assert.Equal("A toy model", meta.Description);
            Assert.Equal("Tests", meta.Author);
            Assert.Equal(["tagger"], meta.Pipeline);
            Assert.Contains("NN", meta.Labels["tagger"]);
            Assert.Equal(result.Epochs[epoch].Accuracy[ScoreKeys.Upos], meta.Accuracy[ScoreKeys.Upos]);
            Assert.True(meta.Speed[ScoreKeys.WordsPerSecond] > 0);
            Assert.Equal(epoch, meta.Extra["epoch"].GetInt32());
            Assert.Equal(42, meta.Extra["custom_field"].GetInt32());
            using var accuracy = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "accuracy.json")));
            Assert.Equal(meta.Accuracy[ScoreKeys.Upos], accuracy.RootElement.GetProperty(ScoreKeys.Upos).GetDouble());
        }

        foreach (var dir in new[] { result.FinalPath, result.BestPath })
        {
            var meta = ModelMeta.Read(Path.Combine(dir, "meta.json"));
            Assert.Equal("1.2.3", meta.Version);
            Assert.Equal("A toy model", meta.Description);
            Assert.Equal(42, meta.Extra["custom_field"].GetInt32());
            Assert.True(meta.Accuracy.ContainsKey(ScoreKeys.Upos));
            Assert.NotNull(Nlp.Load(dir));
        }
    }

    [Fact]
    public void ModelBestIsTheEpochWithTheHighestWeightedScore()
    {
        var result = new TrainingRunner(fixture.Options("best")).Run();
        var scores = result.Epochs.Select(e => e.Accuracy[ScoreKeys.Upos]).ToList();
        Assert.Equal(scores.IndexOf(scores.Max()), result.BestEpoch);
        var bestMeta = ModelMeta.Read(Path.Combine(result.BestPath, "meta.json"));
        Assert.Equal(result.BestEpoch, bestMeta.Extra["epoch"].GetInt32());
        Assert.Equal(
            ModelHash.OfDirectory(Path.Combine(fixture.Out("best"), $"model{result.BestEpoch}")),
            ModelHash.OfDirectory(result.BestPath));
    }

    [Fact]
    public void TemplateScoreWeightsChooseTheBest()
    {
        // Token F1 does not change from epoch to epoch, so with it as the only weight the first epoch wins the tie.
        var template = fixture.File("weights.json", """{ "name": "w", "training": { "score_weights": { "token_f1": 1.0 } } }""");
        var result = new TrainingRunner(fixture.Options("weights") with { MetaPath = template }).Run();

        Assert.Equal(0, result.BestEpoch);
        Assert.All(result.Epochs, e => Assert.Equal(e.Accuracy[ScoreKeys.TokenF1], e.Score));
    }

    [Fact]
    public void TemplatePipelineArgsConfigureTheComponentsThatAreTrained()
    {
        var template = fixture.File("args.json", """{ "name": "args", "pipeline_args": { "tagger": { "drop_rate": 0.3 } } }""");
        var noisy = new TrainingRunner(fixture.Options("args") with { MetaPath = template, Epochs = 1, Pipeline = ["tagger"] }).Run();
        var plain = new TrainingRunner(fixture.Options("noargs") with { Epochs = 1, Pipeline = ["tagger"] }).Run();

        // Feature noise changes the weights learned; the saved meta keeps the settings, and loading hands them back.
        var tagger = Path.Combine("tagger", "model.bin");
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(plain.FinalPath, tagger)), File.ReadAllBytes(Path.Combine(noisy.FinalPath, tagger)));
        var meta = ModelMeta.Read(Path.Combine(noisy.FinalPath, "meta.json"));
        Assert.Equal(0.3, meta.Extra["pipeline_args"].GetProperty("tagger").GetProperty("drop_rate").GetDouble());
        Assert.Equal(0.3, ((Pipeline.Components.Tagging.Tagger)Nlp.Load(noisy.FinalPath).GetPipe("tagger")).DropRate);
    }

    [Fact]
    public void ScoreWeightsDefaultToTheMeanOfMainScores()
    {
        var weights = ScoreWeights.Default(["tagger", "parser", "sentencizer"]);
        var accuracy = new Dictionary<string, double> { [ScoreKeys.Upos] = 90, [ScoreKeys.Las] = 80, [ScoreKeys.Xpos] = 10 };
        Assert.Equal(85, weights.Score(accuracy));
        Assert.Equal(90, weights.Score(new Dictionary<string, double> { [ScoreKeys.Upos] = 90 }));

        var custom = ScoreWeights.FromWeights(new Dictionary<string, double> { [ScoreKeys.Upos] = 3, [ScoreKeys.Las] = 1 });
        Assert.Equal(87.5, custom.Score(accuracy));
        Assert.Equal(67.5, custom.Score(new Dictionary<string, double> { [ScoreKeys.Upos] = 90 }));

        var epochs = new[] { 70.0, 90.0, 90.0, 80.0 }
            .Select((s, i) => new EpochResult(i, new Dictionary<string, Pipeline.Training.TrainingLoss>(), new Dictionary<string, double>(), new Dictionary<string, PerLabelScore>(), 0, s, "", ""))
            .ToList();
        Assert.Equal(1, ComponentBest.BestEpoch(epochs));
    }

    [Fact]
    public void TheSameSeedGivesTheSameModelBytes()
    {
        var first = new TrainingRunner(fixture.Options("seed-a") with { Seed = 7, Epochs = 2 }).Run();
        var second = new TrainingRunner(fixture.Options("seed-b") with { Seed = 7, Epochs = 2 }).Run();
        var other = new TrainingRunner(fixture.Options("seed-c") with { Seed = 8, Epochs = 2 }).Run();

        Assert.Equal(ModelHash.OfDirectory(first.FinalPath), ModelHash.OfDirectory(second.FinalPath));
        Assert.Equal(first.Epochs.Select(e => e.ModelHash), second.Epochs.Select(e => e.ModelHash));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first.FinalPath, "tagger", "model.bin")), File.ReadAllBytes(Path.Combine(second.FinalPath, "tagger", "model.bin")));
        Assert.NotEqual(first.Epochs[0].ModelHash, other.Epochs[0].ModelHash);
    }

    [Theory]
    [InlineData("tagger")]
    [InlineData(Support.TestFactories.Memo)]
    public void ResumeAfterAKillGivesTheSameModelAsAnUninterruptedRun(string component)
    {
        var whole = new TrainingRunner(fixture.Options($"whole-{component}", component) with { Epochs = 4 }).Run();

        var options = fixture.Options($"killed-{component}", component) with { Epochs = 4 };
        Assert.Throws<SimulatedKillException>(() => new TrainingRunner(options, new RecordingProgress(killAfterEpoch: 1)).Run());
        Assert.True(Directory.Exists(Path.Combine(options.Output, "model1")));
        Assert.False(Directory.Exists(Path.Combine(options.Output, "model2")));
        Assert.False(Directory.Exists(Path.Combine(options.Output, "model-final")));

        var progress = new RecordingProgress();
        var resumed = new TrainingRunner(options with { Resume = true }, progress).Run();

        Assert.Equal(2, resumed.ResumedAfter);
        Assert.Equal([2, 3], progress.Completed.Select(e => e.Epoch));
        Assert.Contains(progress.Messages, m => m.Contains("replaying", StringComparison.Ordinal));
        Assert.Equal(whole.Epochs.Select(e => e.ModelHash), resumed.Epochs.Select(e => e.ModelHash));
        Assert.Equal(whole.Epochs.Select(e => e.Accuracy), resumed.Epochs.Select(e => e.Accuracy));
        Assert.Equal(ModelHash.OfDirectory(whole.FinalPath), ModelHash.OfDirectory(resumed.FinalPath));
        Assert.Equal(ModelHash.OfDirectory(whole.BestPath), ModelHash.OfDirectory(resumed.BestPath));
        Assert.Equal(4, File.ReadAllLines(resumed.LogPath).Length);
    }

    [Fact]
    public void CancellingKeepsTheCompletedEpochsForResume()
    {
        using var cancel = new CancellationTokenSource();
        var options = fixture.Options("cancelled") with { Epochs = 3 };
        var progress = new CancellingProgress(cancel, afterEpoch: 0);
        Assert.ThrowsAny<OperationCanceledException>(() => new TrainingRunner(options, progress).Run(cancel.Token));
        Assert.True(File.Exists(Path.Combine(options.Output, "model0", "meta.json")));
        Assert.False(Directory.Exists(Path.Combine(options.Output, "model1")));

        var resumed = new TrainingRunner(options with { Resume = true }).Run();
        Assert.Equal(1, resumed.ResumedAfter);
        Assert.Equal(3, resumed.Epochs.Count);
    }

    [Fact]
    public void ResumingWithOtherSettingsIsRefused()
    {
        var options = fixture.Options("mismatch") with { Epochs = 3 };
        Assert.Throws<SimulatedKillException>(() => new TrainingRunner(options, new RecordingProgress(killAfterEpoch: 0)).Run());

        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { Resume = true, Seed = 99 }).Run());
        Assert.Equal("E106", error.Code);
        Assert.Contains("seed=99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResumingAfterTheTemplateTurnedOnTheLearnedTokenizerIsRefused()
    {
        var rules = fixture.File("rules-tokenizer.json", """{ "name": "t", "training": { "tokenizer": "rules" } }""");
        var options = fixture.Options("template-changed") with { Epochs = 2, MetaPath = rules };
        Assert.Throws<SimulatedKillException>(() => new TrainingRunner(options, new RecordingProgress(killAfterEpoch: 0)).Run());

        var learned = fixture.File("learned-tokenizer.json", """{ "name": "t", "training": { "tokenizer": "learned" } }""");
        var error = Assert.Throws<PipelineException>(() => new TrainingRunner(options with { Resume = true, MetaPath = learned }).Run());
        Assert.Equal("E106", error.Code);
        Assert.Contains("tokenizer=rules", error.Message, StringComparison.Ordinal);
        Assert.Contains("tokenizer=learned", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResumingWithFewerEpochsThanTheRunHasTrainsNothingAndSaysSo()
    {
        var options = fixture.Options("fewer") with { Epochs = 3 };
        var whole = new TrainingRunner(options).Run();
        var sentinel = Path.Combine(whole.FinalPath, CheckpointWriter.AccuracyFile);
        File.WriteAllText(sentinel, "left alone");

        var progress = new RecordingProgress();
        var resumed = new TrainingRunner(options with { Epochs = 2, Resume = true }, progress).Run();

        Assert.Contains(
            $"The run in {options.Output} already has 3 epoch(s) (--n-iter 2); nothing to train; model-final and model-best are up to date.",
            progress.Messages);
        Assert.Empty(progress.Completed);
        Assert.DoesNotContain(progress.Messages, m => m.Contains("continuing with epoch", StringComparison.Ordinal));
        Assert.DoesNotContain(progress.Messages, m => m.StartsWith("Read ", StringComparison.Ordinal));
        Assert.Equal("left alone", File.ReadAllText(sentinel));
        Assert.Equal(3, resumed.ResumedAfter);
        Assert.Equal(whole.BestEpoch, resumed.BestEpoch);
        Assert.Equal(whole.Epochs.Select(e => e.ModelHash), resumed.Epochs.Select(e => e.ModelHash));

        // A run killed before model-final was written gets it, still without training another epoch.
        Directory.Delete(whole.FinalPath, recursive: true);
        progress = new RecordingProgress();
        resumed = new TrainingRunner(options with { Epochs = 2, Resume = true }, progress).Run();
        Assert.Contains(progress.Messages, m => m.EndsWith("nothing to train; writing model-final and model-best.", StringComparison.Ordinal));
        Assert.Empty(progress.Completed);
        Assert.Equal(ModelHash.OfDirectory(Path.Combine(options.Output, "model2")), ModelHash.OfDirectory(resumed.FinalPath));
    }

    [Fact]
    public void StartingOverReplacesAnEarlierRun()
    {
        var options = fixture.Options("again") with { Epochs = 3 };
        new TrainingRunner(options).Run();
        var second = new TrainingRunner(options with { Epochs = 1 }).Run();

        Assert.Single(second.Epochs);
        Assert.False(Directory.Exists(Path.Combine(options.Output, "model2")));
        Assert.Single(File.ReadAllLines(second.LogPath));
    }

    [Fact]
    public void LaterComponentsLearnFromTheEarlierOnesPredictions()
    {
        Interlocked.Exchange(ref Support.PredictionProbe.TokensSeen, 0);
        Interlocked.Exchange(ref Support.PredictionProbe.TokensWithPos, 0);
        new TrainingRunner(fixture.Options("chain", "tagger", Support.TestFactories.Probe) with { Epochs = 1 }).Run();

        Assert.True(Support.PredictionProbe.TokensSeen > 0);
        Assert.Equal(Support.PredictionProbe.TokensSeen, Support.PredictionProbe.TokensWithPos);
    }

    [Fact]
    public void NerLearnsFromIob2AndIsScoredOnIt()
    {
        var options = fixture.Options("ner", "tagger", "parser", "ner") with { Epochs = 2, NerTrainPath = fixture.NerTrain, NerDevPath = fixture.NerDev };
        var progress = new RecordingProgress();
        var result = new TrainingRunner(options, progress).Run();

        Assert.Contains("IOB2 docs: parser left out of the training pass (no component that learns from them reads their output).", progress.Messages);
        Assert.DoesNotContain(progress.Messages, m => m.StartsWith("CoNLL-U docs:", StringComparison.Ordinal));

        var accuracy = result.Epochs[^1].Accuracy;
        Assert.True(accuracy.ContainsKey(ScoreKeys.EntsF));
        Assert.True(accuracy.ContainsKey(ScoreKeys.Upos));
        Assert.Contains("PER", result.Epochs[^1].EntitiesPerLabel.Keys);
        var meta = ModelMeta.Read(Path.Combine(result.BestPath, "meta.json"));
        Assert.Contains("LOC", meta.Labels["ner"]);
        Assert.True(meta.Extra.ContainsKey("ents_per_type"));
    }

    [Fact]
    public void TheReportIsSelfContainedAndMarksTheBest()
    {
        var result = new TrainingRunner(fixture.Options("report")).Run();
        var html = File.ReadAllText(result.ReportPath);

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<polyline", html, StringComparison.Ordinal);
        Assert.Contains("class=\"best\"", html, StringComparison.Ordinal);
        Assert.Contains($"epoch {result.BestEpoch}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);

        var lines = File.ReadAllLines(result.LogPath);
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(0, first.RootElement.GetProperty("epoch").GetInt32());
        Assert.True(first.RootElement.GetProperty("accuracy").GetProperty(ScoreKeys.Upos).GetDouble() > 0);
        Assert.True(first.RootElement.GetProperty("losses").GetProperty("tagger").GetProperty("errors").GetInt32() > 0);
    }

    [Fact]
    public void GpuIsAcceptedAndComponentsSayTheyRunOnTheCpu()
    {
        var progress = new RecordingProgress();
        new TrainingRunner(fixture.Options("gpu") with { Gpu = true, Epochs = 1 }, progress).Run();
        Assert.Contains(progress.Messages, m => m.Contains("tagger: no GPU support; runs on the CPU", StringComparison.Ordinal));
    }

    private sealed class CancellingProgress(CancellationTokenSource source, int afterEpoch) : ITrainingProgress
    {
        public void EpochCompleted(EpochResult result)
        {
            if (result.Epoch == afterEpoch)
            {
                source.Cancel();
            }
        }
    }
}
