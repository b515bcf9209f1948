using Pipeline.Trainer.Conllu;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Tests.Training;

public sealed class TrainableComponentsTests
{
    [CorpusFact("ud/en_ewt/train.conllu")]
    public void TheMorphologizerAndLemmatizerLearnEpochByEpochThroughTheTrainer()
    {
        using var dir = new TempDir();
        var result = EnglishSlice.Train(dir, 400, ["tagger", "morphologizer", "lemmatizer"], epochs: 2);

        var last = result.Epochs[^1];
        Assert.True(last.Accuracy[ScoreKeys.Lemma] > 88, $"lemma {last.Accuracy[ScoreKeys.Lemma]}");
        Assert.True(last.Accuracy[ScoreKeys.UFeats] > 75, $"UFeats {last.Accuracy[ScoreKeys.UFeats]}");
        foreach (var name in new[] { "morphologizer", "lemmatizer" })
        {
            Assert.True(last.Losses[name].Errors < result.Epochs[0].Losses[name].Errors, $"{name} loss did not fall");
        }

        var meta = ModelMeta.Read(Path.Combine(dir["out"], "model1", "meta.json"));
        Assert.Contains("Number=Plur", meta.Labels["morphologizer"]);
        Assert.Equal(["tagger", "morphologizer", "lemmatizer"], meta.Pipeline);

        // The saved lemmatizer reads the tags the tagger predicts.
        var doc = Nlp.Load(result.BestPath).Process("The dogs were running home .");
        Assert.Equal(["the", "dog", "be", "run", "home", "."], doc.Tokens.Select(t => t.Lemma).ToArray());
    }

    [CorpusFact("ner/en_ewt/train.iob2")]
    public void NerAloneTrainsFromIob2TrainAndDevThroughTheCli()
    {
        using var dir = new TempDir();
        TestCorpora.Slice(TestCorpora.Find("ner/en_ewt/train.iob2")!, dir["train.iob2"], 1500);
        TestCorpora.Slice(TestCorpora.Find("ner/en_ewt/dev.iob2")!, dir["dev.txt"], 400);
        var console = new TestConsole().Width(200);
        var error = new StringWriter();

        var code = PipelineCli.Run(
            ["train", "en", dir["out"], dir["train.iob2"], dir["dev.txt"], "--pipeline", "ner", "--n-iter", "3"], console, new StringWriter(), error);

        Assert.True(code == 0, error.ToString());
        Assert.Contains("Read as O because the NER dev corpus never uses them: OTH", console.Output, StringComparison.Ordinal);
        var accuracy = ModelMeta.Read(Path.Combine(dir["out"], "model-best", "meta.json")).Accuracy;
        Assert.True(accuracy[ScoreKeys.EntsF] > 30, $"NER F {accuracy[ScoreKeys.EntsF]}");
        Assert.False(accuracy.ContainsKey(ScoreKeys.Upos));
        Assert.Equal(["LOC", "ORG", "PER"], ModelMeta.Read(Path.Combine(dir["out"], "model-best", "meta.json")).Labels["ner"]);
    }

    [Fact]
    public void CorpusFormatsAreToldByExtensionThenContent()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["a.txt"], "# text = Alice left\n1\tAlice\tB-PER\n2\tleft\tO\n\n");
        File.WriteAllText(dir["b.txt"], "# text = Hi\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n");
        File.WriteAllText(dir["c.txt"], "just some text\n");
        Assert.Equal(CorpusFormat.Iob2, CorpusSniffer.Detect(dir["a.txt"]));
        Assert.Equal(CorpusFormat.Conllu, CorpusSniffer.Detect(dir["b.txt"]));
        Assert.Equal(CorpusFormat.Iob2, CorpusSniffer.Detect(dir["missing.iob2"]));
        Assert.Equal("E092", Assert.ThrowsAny<PipelineException>(() => CorpusSniffer.Detect(dir["c.txt"])).Code);
    }

    [Fact]
    public void AnIob2TrainingCorpusOnlyTrainsNerAlone()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["train.iob2"], "1\tAlice\tB-PER\n2\tleft\tO\n\n");
        var options = TinyRun.Options(dir, dir["train.iob2"], ["tagger", "ner"]);

        var mixed = Assert.ThrowsAny<PipelineException>(() => new TrainingRunner(options).Run());
        Assert.Equal("E094", mixed.Code);
        Assert.Contains("tagger", mixed.Message, StringComparison.Ordinal);
        var twice = Assert.ThrowsAny<PipelineException>(() => new TrainingRunner(options with { Pipeline = ["ner"], NerTrainPath = dir["train.iob2"] }).Run());
        Assert.Equal("E093", twice.Code);
    }
}
