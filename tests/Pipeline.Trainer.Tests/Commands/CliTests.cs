using System.Text.Json;
using Pipeline.Corpora;
using Pipeline.Trainer.Tests.Training;
using Pipeline.Training;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Tests.Commands;

public sealed class CliTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static (int Code, string Console, string Output, string Error) Run(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = PipelineCli.Run(args, console, output, error);
        return (code, console.Output, output.ToString(), error.ToString());
    }

    private string TrainedModel(string name, params string[] extra)
    {
        var output = fixture.Out(name);
        if (!Directory.Exists(Path.Combine(output, "model-best")))
        {
            string[] pipeline = extra.Contains("--pipeline") ? [] : ["--pipeline", "tagger"];
            var (code, _, _, error) = Run(["train", "en", output, fixture.Train, fixture.Dev, "--n-iter", "2", .. pipeline, .. extra]);
            Assert.True(code == 0, error);
        }

        return Path.Combine(output, "model-best");
    }

    [Fact]
    public void HelpListsTheCommands()
    {
        var (code, _, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (var command in new[] { "train", "evaluate", "parse" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }

        // The usage names the command as it is run (the tool's command name), not the assembly.
        Assert.Contains("  pipeline [command] [options]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Pipeline.Trainer", output, StringComparison.Ordinal);
        Assert.Contains("  pipeline train <lang>", Run("train", "--help").Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train", "--meta-path", "--version", "--n-iter", "--n-sents", "--gpu", "--pipeline", "--ner-train", "--ner-dev", "--seed", "--resume", "<lang>", "<output>", "<train>", "<dev>")]
    [InlineData("evaluate", "--ner-data", "--json", "<model>", "<data>")]
    [InlineData("parse", "--output", "--gold-tokens", "<model>", "<input>")]
    public void EveryCommandDescribesItsArgumentsAndOptions(string command, params string[] names)
    {
        var (code, _, output, _) = Run(command, "--help");
        Assert.Equal(0, code);
        foreach (var name in names)
        {
            var line = output.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(name, StringComparison.Ordinal) || l.Contains($" {name} ", StringComparison.Ordinal) || l.Contains($", {name}", StringComparison.Ordinal));
            Assert.True(line is not null, $"'{name}' missing from the help of {command}:\n{output}");
            Assert.True(line!.Trim().Length > name.Length + 10, $"'{name}' has no description: {line}");
        }
    }

    [Fact]
    public void TrainPrintsARowPerEpochAndTheBest()
    {
        var output = fixture.Out("cli-train");
        var (code, console, _, error) = Run("train", "en", output, fixture.Train, fixture.Dev, "--pipeline", "tagger", "--n-iter", "2", "--version", "0.3.0", "--gpu");
        Assert.True(code == 0, error);
        Assert.Contains("tagger loss", console, StringComparison.Ordinal);
        Assert.Contains("UPOS", console, StringComparison.Ordinal);
        Assert.Contains("Tok F1", console, StringComparison.Ordinal);
        Assert.Contains("runs on the CPU", console, StringComparison.Ordinal);
        Assert.Contains("Best: epoch", console, StringComparison.Ordinal);
        Assert.Equal("0.3.0", ModelMeta.Read(Path.Combine(output, "model-final", "meta.json")).Version);
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
    }

    [Fact]
    public void TrainWithAPerComponentModelBestSaysWhereEachComponentCameFrom()
    {
        var template = fixture.File("per-component.json", """{ "name": "pc", "training": { "model_best": "per_component" } }""");
        var output = fixture.Out("cli-per-component");
        var (code, console, _, error) = Run("train", "en", output, fixture.Train, fixture.Dev, "--pipeline", "tagger,parser", "--n-iter", "2", "--meta-path", template);

        Assert.True(code == 0, error);
        Assert.Matches(@"Best per component: tagger epoch \d, parser epoch \d; the rest from epoch \d", console);
        Assert.Matches(@"model-best's own dev scores: UPOS \d+\.\d\d, XPOS [\d.]+, UAS [\d.]+, LAS [\d.]+", console);
        Assert.DoesNotContain("Best: epoch", console, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingWithoutASentenceSplitterSaysWhyTheSentenceScoreIsLow()
    {
        var (code, console, _, error) = Run("train", "en", fixture.Out("cli-nosplit"), fixture.Train, fixture.Dev, "--pipeline", "tagger", "--n-iter", "1");
        Assert.True(code == 0, error);
        Assert.Contains("Sentence F1", console, StringComparison.Ordinal);
        Assert.Contains("is low by design: no component of this pipeline splits sentences", console, StringComparison.Ordinal);

        var (splitCode, split, _, splitError) = Run("train", "en", fixture.Out("cli-split"), fixture.Train, fixture.Dev, "--pipeline", "sentencizer,tagger", "--n-iter", "1");
        Assert.True(splitCode == 0, splitError);
        Assert.DoesNotContain("is low by design", split, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsAreMessagesWithCodesAndExitCodeOne()
    {
        var (code, _, _, error) = Run("train", "en", fixture.Out("cli-missing"), fixture.Out("missing.conllu"), fixture.Dev, "--pipeline", "tagger");
        Assert.Equal(1, code);
        Assert.Contains("E062", error, StringComparison.Ordinal);
        Assert.Contains("missing.conllu", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

        var (pipelineCode, _, _, pipelineError) = Run("train", "en", fixture.Out("cli-nopipe"), fixture.Train, fixture.Dev, "--pipeline", "tagger,nonsense");
        Assert.Equal(1, pipelineCode);
        Assert.Contains("E001", pipelineError, StringComparison.Ordinal);
    }

    [Fact]
    public void BadCommandLinesAreRejected()
    {
        Assert.NotEqual(0, Run("train", "en").Code);
        Assert.NotEqual(0, Run("train", "en", "a", "b", "c", "--n-iter", "many").Code);
        Assert.NotEqual(0, Run("frobnicate").Code);
        Assert.NotEqual(0, Run("parse", "model", "input.txt").Code);
    }

    [Fact]
    public void NumbersOutOfRangeAreToldTheRange()
    {
        var (code, _, _, error) = Run("train", "en", fixture.Out("cli-range"), fixture.Train, fixture.Dev, "--n-iter", "99999999999");
        Assert.NotEqual(0, code);
        Assert.Contains("--n-iter 99999999999 is out of range: it takes a whole number from 1 to 2147483647", error, StringComparison.Ordinal);

        (code, _, _, error) = Run("train", "en", fixture.Out("cli-range"), fixture.Train, fixture.Dev, "--seed", "-1");
        Assert.NotEqual(0, code);
        Assert.Contains("--seed -1 is out of range: it takes a whole number from 0 to 18446744073709551615", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluatePrintsTablesOrJson()
    {
        var model = TrainedModel("cli-eval");
        var (code, console, _, error) = Run("evaluate", model, fixture.Dev);
        Assert.True(code == 0, error);
        Assert.Contains("UPOS", console, StringComparison.Ordinal);
        Assert.Contains("Tokens", console, StringComparison.Ordinal);
        Assert.Contains("words/s", console, StringComparison.Ordinal);

        var (entitiesCode, _, _, entitiesError) = Run("evaluate", model, fixture.NerDev);
        Assert.Equal(1, entitiesCode);
        Assert.Contains("[E156]", entitiesError, StringComparison.Ordinal);

        var (jsonCode, _, json, _) = Run("evaluate", model, fixture.Dev, "--json");
        Assert.Equal(0, jsonCode);
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("accuracy").GetProperty(ScoreKeys.Upos).GetDouble() > 90);
        Assert.True(document.RootElement.GetProperty("words_per_second").GetDouble() > 0);
        Assert.Equal(
            document.RootElement.GetProperty("counts").GetProperty(ScoreKeys.Upos).GetProperty("gold").GetInt64(),
            ConlluReader.Read(fixture.Dev).Sum(s => s.Words.Count));
    }

    [Fact]
    public void EvaluateScoresEntitiesPerLabel()
    {
        var model = TrainedModel("cli-eval-ner", "--pipeline", "tagger,ner", "--ner-train", fixture.NerTrain, "--ner-dev", fixture.NerDev);
        var (code, console, _, error) = Run("evaluate", model, fixture.Dev, "--ner-data", fixture.NerDev);
        Assert.True(code == 0, error);
        Assert.Contains("Entities per label", console, StringComparison.Ordinal);
        Assert.Contains("PER", console, StringComparison.Ordinal);
        Assert.Contains("LOC", console, StringComparison.Ordinal);

        var (jsonCode, _, json, _) = Run("evaluate", model, fixture.NerDev, "--json");
        Assert.Equal(0, jsonCode);
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("ents_per_type").TryGetProperty("PER", out _));
    }

    [Fact]
    public void EvaluateNerDataNeedsAComponentThatSetsEntitiesAndSaysSoInItsOwnTerms()
    {
        var tagger = TrainedModel("cli-parse");
        var (code, _, _, error) = Run("evaluate", tagger, fixture.Dev, "--ner-data", fixture.NerDev);
        Assert.Equal(1, code);
        Assert.Contains("[E102]", error, StringComparison.Ordinal);
        Assert.Contains($"the model '{tagger}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--pipeline", error, StringComparison.Ordinal);

        // An entity ruler sets entities, so its model can be scored on --ner-data.
        var ruler = Support.RulerModel.Save(fixture.Out("cli-eval-ruler"));
        (code, var console, _, error) = Run("evaluate", ruler, fixture.Dev, "--ner-data", fixture.NerDev);
        Assert.True(code == 0, error);
        Assert.Contains("Entities per label", console, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseWritesConlluThatTheReaderReads()
    {
        var model = TrainedModel("cli-parse");
        var text = fixture.File("input.txt", "Alice sees the dog.\nThe big cat likes Bob in Paris.\n");
        var conllu = fixture.Out("parsed.conllu");
        var (code, _, _, error) = Run("parse", model, text, "-o", conllu);
        Assert.True(code == 0, error);

        var sentences = ConlluReader.Read(conllu).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal("Alice sees the dog.", sentences[0].Text);
        Assert.Equal(["Alice", "sees", "the", "dog", "."], sentences[0].Words.Select(w => w.Form));
        Assert.Equal("PROPN", sentences[0].Words[0].Upos);
        Assert.False(sentences[0].Words[3].SpaceAfter);
        Assert.Contains("# newdoc id = doc2", File.ReadAllText(conllu), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseKeepsGoldTokensAndWritesEntities()
    {
        var model = TrainedModel("cli-parse-ner", "--pipeline", "tagger,ner", "--ner-train", fixture.NerTrain, "--ner-dev", fixture.NerDev);
        var conllu = fixture.Out("parsed-gold.conllu");
        var (code, _, _, error) = Run("parse", model, fixture.Dev, "--output", conllu, "--gold-tokens");
        Assert.True(code == 0, error);

        var gold = ConlluReader.Read(fixture.Dev).ToList();
        var parsed = ConlluReader.Read(conllu).ToList();
        Assert.Equal(gold.Count, parsed.Count);
        Assert.Equal(gold.Select(s => s.SentId), parsed.Select(s => s.SentId));
        Assert.Equal(gold.SelectMany(s => s.Words).Select(w => w.Form), parsed.SelectMany(s => s.Words).Select(w => w.Form));
        var tags = parsed.Select(ConlluNer.Tags).ToList();
        Assert.All(tags, t => Assert.NotNull(t));
        Assert.Contains(tags, t => t!.Contains("B-PER"));
    }

    [Fact]
    public void ParseRefusesGoldTokensOfRawText()
    {
        var model = TrainedModel("cli-parse");
        var text = fixture.File("raw.txt", "Hello there.\n");
        var (code, _, _, error) = Run("parse", model, text, "-o", fixture.Out("x.conllu"), "--gold-tokens");
        Assert.Equal(1, code);
        Assert.Contains("E111", error, StringComparison.Ordinal);

        var (missing, _, _, missingError) = Run("parse", model, fixture.Out("none.txt"), "-o", fixture.Out("y.conllu"));
        Assert.Equal(1, missing);
        Assert.Contains("E110", missingError, StringComparison.Ordinal);
    }

    private string Ruler()
    {
        var path = fixture.Out("cli-ruler");
        return Directory.Exists(path) ? path : Support.RulerModel.Save(path);
    }

    [Fact]
    public void ParseReadsConllAsConlluAndRefusesIob2DocBinsAndBinaryInput()
    {
        var model = Ruler();
        var conll = fixture.File("dev.conll", File.ReadAllText(fixture.Dev));
        var (code, _, _, error) = Run("parse", model, conll, "-o", fixture.Out("from-conll.conllu"), "--gold-tokens");
        Assert.True(code == 0, error);
        Assert.Equal(ConlluReader.Read(fixture.Dev).Select(s => s.SentId), ConlluReader.Read(fixture.Out("from-conll.conllu")).Select(s => s.SentId));

        (code, _, _, error) = Run("parse", model, conll, "-o", fixture.Out("raw-conll.conllu"));
        Assert.True(code == 0, error);
        Assert.DoesNotContain("newdoc id", string.Concat(ConlluReader.Read(fixture.Out("raw-conll.conllu")).Select(s => s.Text)), StringComparison.Ordinal);

        var docbin = fixture.Out("parse-input.docbin");
        Assert.Equal(0, Run("convert", fixture.Dev, docbin).Code);
        File.Copy(docbin, fixture.Out("docbin-bytes.txt"), overwrite: true);
        var inputs = new (string Path, string LooksLike)[]
        {
            (fixture.NerDev, "an IOB2 named-entity corpus"),
            (fixture.File("ner-as.txt", File.ReadAllText(fixture.NerDev)), "an IOB2 named-entity corpus"),
            (docbin, "a DocBin"),
            (fixture.Out("docbin-bytes.txt"), "a DocBin"),
            (fixture.File("nul.txt", "Bob\0met Alice.\n"), "binary data"),
        };
        foreach (var (input, looksLike) in inputs)
        {
            var output = fixture.Out("refused.conllu");
            (code, _, _, error) = Run("parse", model, input, "-o", output);
            Assert.True(code == 1, input);
            Assert.StartsWith("error: [E158]", error, StringComparison.Ordinal);
            Assert.Contains($"'{input}' is {looksLike}", error, StringComparison.Ordinal);
            Assert.Contains("raw text (.txt", error, StringComparison.Ordinal);
            Assert.False(File.Exists(output));
        }
    }

    [Fact]
    public void ParseReportsTheWordsItWrites()
    {
        var input = fixture.File("tabs.txt", "Hello\tworld  and\t\tmore text.\nThe\tcat sat\t on the mat .\n");
        var output = fixture.Out("tabs.conllu");
        var (code, console, _, error) = Run("parse", Ruler(), input, "-o", output);
        Assert.True(code == 0, error);

        var written = ConlluReader.Read(output).Sum(s => s.Words.Count);
        Assert.Equal(13, written);
        Assert.Contains($"Wrote 2 sentence(s), {written} word(s)", console, StringComparison.Ordinal);
    }
}
