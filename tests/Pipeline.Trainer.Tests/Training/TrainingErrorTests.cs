namespace Pipeline.Trainer.Tests.Training;

public sealed class TrainingErrorTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private string Fail(TrainingOptions options)
    {
        var error = Assert.ThrowsAny<PipelineException>(() => new TrainingRunner(options).Run());
        return error.Code + " " + error.Message;
    }

    [Fact]
    public void AMissingCorpusIsNamed()
    {
        var message = Fail(fixture.Options("missing") with { TrainPath = fixture.Out("nope.conllu") });
        Assert.StartsWith("E062", message, StringComparison.Ordinal);
        Assert.Contains("nope.conllu", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadCorpusLineNamesFileAndLine()
    {
        var bad = fixture.File("bad.conllu", "# text = a b\n1\ta\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2 b b NOUN NN _ 0 root _ _\n\n");
        var message = Fail(fixture.Options("badline") with { TrainPath = bad });
        Assert.StartsWith("E060", message, StringComparison.Ordinal);
        Assert.Contains("bad.conllu:3", message, StringComparison.Ordinal);
        Assert.Contains("tabs", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadIob2LineNamesFileAndLine()
    {
        var bad = fixture.File("bad.iob2", "1\tAlice\tB-PER\n2\tleft\tX-Y\n\n");
        var message = Fail(fixture.Options("badiob", "tagger", "ner") with { NerTrainPath = bad });
        Assert.StartsWith("E061", message, StringComparison.Ordinal);
        Assert.Contains("bad.iob2:2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyCorpusIsRefused()
    {
        var empty = fixture.File("empty.conllu", "# just a comment\n\n");
        Assert.StartsWith("E100", Fail(fixture.Options("empty") with { TrainPath = empty }), StringComparison.Ordinal);
        Assert.StartsWith("E100", Fail(fixture.Options("emptydev") with { DevPath = empty }), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAndRepeatedComponentsAreRefused()
    {
        Assert.StartsWith("E001", Fail(fixture.Options("unknown", "tagger", "no_such_component")), StringComparison.Ordinal);
        Assert.StartsWith("E103", Fail(fixture.Options("twice", "tagger", "tagger")), StringComparison.Ordinal);
        Assert.StartsWith("E103", Fail(fixture.Options("blank") with { Pipeline = [" "] }), StringComparison.Ordinal);
        Assert.StartsWith("E104", Fail(fixture.Options("untrainable", "sentencizer")), StringComparison.Ordinal);
    }

    [Fact]
    public void NerNeedsEntities()
    {
        Assert.StartsWith("E101", Fail(fixture.Options("noents", "tagger", "ner")), StringComparison.Ordinal);
        Assert.StartsWith("E102", Fail(fixture.Options("nerless") with { NerTrainPath = fixture.NerTrain }), StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsOutOfRangeAreRefused()
    {
        Assert.StartsWith("E112", Fail(fixture.Options("zero") with { Epochs = 0 }), StringComparison.Ordinal);
        Assert.StartsWith("E112", Fail(fixture.Options("nsents") with { MaxSentences = 0 }), StringComparison.Ordinal);
        Assert.StartsWith("E112 [E112] Training setting --threads is 0", Fail(fixture.Options("threads") with { Threads = 0 }), StringComparison.Ordinal);
        Assert.StartsWith("E002", Fail(fixture.Options("lang") with { Lang = "zz-unknown" }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"best\"")]
    [InlineData("1")]
    public void AnUnknownModelBestNamesTheTemplateTheKeyAndTheChoices(string value)
    {
        var template = fixture.File("modelbest.json", $$"""{ "name": "x", "training": { "model_best": {{value}} } }""");
        var message = Fail(fixture.Options("badmodelbest") with { MetaPath = template });

        Assert.StartsWith("E186", message, StringComparison.Ordinal);
        Assert.Contains(template, message, StringComparison.Ordinal);
        Assert.Contains("training.model_best", message, StringComparison.Ordinal);
        Assert.Contains($"is {value};", message, StringComparison.Ordinal);
        Assert.Contains("\"epoch\"", message, StringComparison.Ordinal);
        Assert.Contains("\"per_component\"", message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(fixture.Out("badmodelbest"), "model0")));
    }

    [Fact]
    public void TemplateProblemsAreReported()
    {
        var french = fixture.File("fr.json", """{ "lang": "fr", "name": "x" }""");
        Assert.StartsWith("E105", Fail(fixture.Options("frtemplate") with { MetaPath = french }), StringComparison.Ordinal);
        var weights = fixture.File("badweights.json", """{ "name": "x", "training": { "score_weights": { "upos": "high" } } }""");
        Assert.StartsWith("E108", Fail(fixture.Options("badweights") with { MetaPath = weights }), StringComparison.Ordinal);
        var dropRate = fixture.File("baddrop.json", """{ "name": "x", "pipeline_args": { "tagger": { "drop_rate": 1.5 } } }""");
        var error = Fail(fixture.Options("baddrop") with { MetaPath = dropRate });
        Assert.StartsWith("E022", error, StringComparison.Ordinal);
        Assert.Contains("drop_rate", error, StringComparison.Ordinal);
        var broken = fixture.File("broken.json", "{ not json");
        Assert.StartsWith("E004", Fail(fixture.Options("broken") with { MetaPath = broken }), StringComparison.Ordinal);
        Assert.StartsWith("E110", Fail(fixture.Options("notemplate") with { MetaPath = fixture.Out("none.json") }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad..ver")]
    [InlineData("1.0")]
    public void ABadVersionIsRefusedBeforeTraining(string version)
    {
        var options = fixture.Options($"version-{version.Length}-{version.Replace('.', '_')}") with { Version = version, Epochs = 1 };
        var message = Fail(options);
        Assert.StartsWith("E115", message, StringComparison.Ordinal);
        Assert.Contains($"--version '{version}' is not a SemVer version", message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(options.Output, "model0")));
    }

    [Fact]
    public void ATemplateWithABadVersionIsNamed()
    {
        var template = fixture.File("badversion.json", """{ "name": "x", "version": "1.2" }""");
        var message = Fail(fixture.Options("template-version") with { MetaPath = template });
        Assert.StartsWith("E115", message, StringComparison.Ordinal);
        Assert.Contains($"The meta template '{template}' field \"version\" '1.2'", message, StringComparison.Ordinal);

        var fine = fixture.File("goodversion.json", """{ "name": "x", "version": "1.2.0-beta.1" }""");
        var result = new TrainingRunner(fixture.Options("template-version-ok") with { MetaPath = fine, Epochs = 1 }).Run();
        Assert.Equal("1.2.0-beta.1", ModelMeta.Read(Path.Combine(result.BestPath, "meta.json")).Version);
    }

    [Fact]
    public void UnknownScoreWeightsAreRefusedWithTheKnownNames()
    {
        var template = fixture.File("nonsense-weights.json", """{ "name": "x", "training": { "score_weights": { "upos": 1, "nonsense": 1 } } }""");
        var message = Fail(fixture.Options("nonsense-weights") with { MetaPath = template });
        Assert.StartsWith("E108", message, StringComparison.Ordinal);
        Assert.Contains("\"nonsense\"", message, StringComparison.Ordinal);
        Assert.Contains("token_f1, sentence_f1, upos, xpos, ufeats, lemma, uas, las, ents_p, ents_r, ents_f", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("las", "tagger", "sets heads, as the parser does")]
    [InlineData("ufeats", "tagger", "sets morphological features, as the morphologizer does")]
    [InlineData("ents_f", "tagger", "sets entities, as ner and entity_ruler do")]
    public void ScoreWeightsOnAScoreThePipelineNeverProducesAreRefused(string score, string pipeline, string reason)
    {
        var template = fixture.File($"absent-{score}.json", $$"""{ "name": "x", "training": { "score_weights": { "upos": 1, "{{score}}": 1.0 } } }""");
        var progress = new RecordingProgress();
        var error = Assert.Throws<PipelineFormatException>(
            () => new TrainingRunner(fixture.Options($"absent-{score}", pipeline) with { MetaPath = template }, progress).Run());

        Assert.Equal("E108", error.Code);
        Assert.Contains($"\"{score}\" (no component of [{pipeline}] {reason})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\"upos\" (", error.Message, StringComparison.Ordinal);
        Assert.Contains(template, error.Message, StringComparison.Ordinal);
        Assert.Empty(progress.Completed);
    }

    [Fact]
    public void EntityScoresNeedDevEntities()
    {
        var template = fixture.File("ents-no-dev.json", """{ "name": "x", "training": { "score_weights": { "ents_f": 1 } } }""");
        var options = fixture.Options("ents-no-dev", "ner") with { MetaPath = template, NerTrainPath = fixture.NerTrain, Epochs = 1 };

        var message = Fail(options);
        Assert.StartsWith("E108", message, StringComparison.Ordinal);
        Assert.Contains("there are no dev entities", message, StringComparison.Ordinal);

        // With --ner-dev the entity scores are produced, and a zero weight on an absent score is harmless.
        var fine = fixture.File("ents-dev.json", """{ "name": "x", "training": { "score_weights": { "ents_f": 1, "las": 0 } } }""");
        var result = new TrainingRunner(options with { MetaPath = fine, NerDevPath = fixture.NerDev }).Run();
        Assert.Single(result.Epochs);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("18446744073709551616")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public void TheTemplateSeedMustBeAWholeNumberThatFitsIn64Bits(string seed)
    {
        var template = fixture.File($"seed-{seed}.json", $$"""{ "name": "x", "training": { "seed": {{seed}} } }""");
        var message = Fail(fixture.Options($"seed-{seed}") with { MetaPath = template });

        Assert.StartsWith("E005", message, StringComparison.Ordinal);
        Assert.Contains("\"training.seed\" must be a whole number from 0 to 18446744073709551615", message, StringComparison.Ordinal);
        Assert.Contains(template, message, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateSeedsInRangeAreKeptExactly()
    {
        // 2^53 + 1 has no double of its own: read through a double it came out as 2^53.
        foreach (var (text, expected) in new[] { ("9007199254740993", 9007199254740993UL), ("18446744073709551615", ulong.MaxValue), ("7.0", 7UL), ("1e3", 1000UL) })
        {
            var template = fixture.File($"seed-ok-{text}.json", $$"""{ "name": "x", "training": { "seed": {{text}} } }""");
            Assert.Equal(expected, MetaTemplate.Load(template, "en", null).Seed);
        }
    }

    [Fact]
    public void ATemplatePipelineThatIsNotAListSaysWhatItMustBe()
    {
        var template = fixture.File("pipeline-string.json", """{ "name": "x", "pipeline": "tagger" }""");
        var message = Fail(fixture.Options("pipeline-string") with { MetaPath = template, Pipeline = null });

        Assert.StartsWith("E005", message, StringComparison.Ordinal);
        Assert.Contains("\"pipeline\" must be a list of component names, e.g. [\"tagger\", \"parser\"]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTemplatesNIterIsNamedWhenItIsOutOfRange()
    {
        var zero = fixture.File("zero-iter.json", """{ "name": "x", "training": { "n_iter": 0 } }""");
        var message = Fail(fixture.Options("zero-iter") with { MetaPath = zero, Epochs = null });
        Assert.StartsWith("E112", message, StringComparison.Ordinal);
        Assert.Contains($"training.n_iter of the meta template '{zero}' is 0", message, StringComparison.Ordinal);
        Assert.DoesNotContain("--n-iter", message, StringComparison.Ordinal);

        var huge = fixture.File("huge-iter.json", """{ "name": "x", "training": { "n_iter": 99999999999 } }""");
        message = Fail(fixture.Options("huge-iter") with { MetaPath = huge, Epochs = null });
        Assert.StartsWith("E005", message, StringComparison.Ordinal);
        Assert.Contains("training.n_iter", message, StringComparison.Ordinal);
        Assert.Contains("2147483647", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NSentsLimitsTheTrainingSentences()
    {
        var progress = new RecordingProgress();
        new TrainingRunner(fixture.Options("limited") with { MaxSentences = 10, Epochs = 1 }, progress).Run();
        Assert.Contains(progress.Messages, m => m.StartsWith("Read 10 training sentences", StringComparison.Ordinal));
    }
}
