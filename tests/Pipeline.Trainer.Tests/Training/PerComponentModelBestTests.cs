using System.Text.Json;
using Pipeline.Corpora;
using Pipeline.Trainer.Evaluation;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Tests.Training;

/// <summary>
/// A small English run with <c>"model_best": "per_component"</c>: model-best is made of each component's own best
/// epoch, scored on its own, kept by retention, and left alone (or rebuilt when damaged) by <c>--resume</c>.
/// </summary>
public sealed class PerComponentModelBestTests
{
    private const string Template = """
        { "name": "slice", "training": { "model_best": "per_component", "score_weights": { "upos": 0.5, "las": 0.5 } } }
        """;

    [CorpusFact("ud/en_ewt/train.conllu")]
    public void ModelBestTakesEachComponentFromItsOwnBestEpoch()
    {
        using var dir = new TempDir();
        var options = Options(dir);
        var result = new TrainingRunner(options).Run();

        var upos = result.Epochs.Select(e => e.Accuracy[ScoreKeys.Upos]).ToList();
        var las = result.Epochs.Select(e => e.Accuracy[ScoreKeys.Las]).ToList();
        var taggerEpoch = upos.IndexOf(upos.Max());
        var parserEpoch = las.IndexOf(las.Max());
        Assert.Equal(new Dictionary<string, int> { ["tagger"] = taggerEpoch, ["parser"] = parserEpoch }, result.ComponentEpochs);
        Assert.True(taggerEpoch != parserEpoch, $"the slice should make the components peak apart: UPOS {string.Join(", ", upos)}; LAS {string.Join(", ", las)}");

        // Each component's files are its epoch's, byte for byte; the vocabulary is the latest chosen epoch's.
        foreach (var (component, epoch) in result.ComponentEpochs)
        {
            AssertSameFiles(Path.Combine(options.Output, $"model{epoch}", component), Path.Combine(result.BestPath, component));
        }

        AssertSameFiles(Path.Combine(options.Output, $"model{Math.Max(taggerEpoch, parserEpoch)}", "vocab"), Path.Combine(result.BestPath, "vocab"));
        var bestStrings = Strings(result.BestPath);
        foreach (var epoch in result.ComponentEpochs.Values.Append(result.BestEpoch))
        {
            Assert.Subset(bestStrings, Strings(Path.Combine(options.Output, $"model{epoch}")));
        }

        // Model-best loads, and its scores are its own: scoring it again gives what accuracy.json and meta.json say.
        var nlp = Nlp.Load(result.BestPath);
        Assert.Equal(["tagger", "parser"], nlp.PipeNames);
        var scores = ModelEvaluator.Evaluate(nlp, ConlluReader.Read(options.DevPath).ToList(), null).ToAccuracy();
        using var accuracy = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.BestPath, CheckpointWriter.AccuracyFile)));
        var meta = ModelMeta.Read(Path.Combine(result.BestPath, "meta.json"));
        foreach (var key in new[] { ScoreKeys.Upos, ScoreKeys.Las })
        {
            Assert.Equal(scores[key], accuracy.RootElement.GetProperty(key).GetDouble());
            Assert.Equal(scores[key], meta.Accuracy[key]);
            Assert.Equal(scores[key], result.BestAccuracy[key]);
        }

        Assert.Equal(taggerEpoch, meta.Extra["component_epochs"].GetProperty("tagger").GetInt32());
        Assert.Equal(parserEpoch, meta.Extra["component_epochs"].GetProperty("parser").GetInt32());
        Assert.Equal(result.BestEpoch, meta.Extra["epoch"].GetInt32());

        // Retention (--keep-checkpoints 1) keeps every epoch a component was taken from.
        foreach (var epoch in result.ComponentEpochs.Values.Append(result.BestEpoch))
        {
            Assert.True(Directory.Exists(Path.Combine(options.Output, $"model{epoch}")), $"model{epoch} was pruned");
        }

        Assert.Contains("Model-best per component", File.ReadAllText(result.ReportPath), StringComparison.Ordinal);
        ResumingTheFinishedRunLeavesModelBestOrRebuildsIt(options, result);
    }

    private static void ResumingTheFinishedRunLeavesModelBestOrRebuildsIt(TrainingOptions options, TrainingResult whole)
    {
        var hash = ModelHash.OfDirectory(whole.BestPath);
        var sentinel = Path.Combine(whole.BestPath, CheckpointWriter.AccuracyFile);
        var scores = File.ReadAllText(sentinel);
        File.WriteAllText(sentinel, "left alone");

        var progress = new RecordingProgress();
        var resumed = new TrainingRunner(options with { Resume = true }, progress).Run();
        Assert.Contains(progress.Messages, m => m.EndsWith("model-final and model-best are up to date.", StringComparison.Ordinal));
        Assert.Equal("left alone", File.ReadAllText(sentinel));
        Assert.Equal(whole.ComponentEpochs, resumed.ComponentEpochs);
        Assert.Equal(whole.BestAccuracy, resumed.BestAccuracy);

        // A damaged model-best is rebuilt: the same bytes, scored again.
        File.AppendAllText(Path.Combine(whole.BestPath, "parser", "model.bin"), "damage");
        progress = new RecordingProgress();
        new TrainingRunner(options with { Resume = true }, progress).Run();
        Assert.Contains(progress.Messages, m => m.EndsWith("nothing to train; writing model-final and model-best.", StringComparison.Ordinal));
        Assert.Equal(hash, ModelHash.OfDirectory(whole.BestPath));
        Assert.Equal(scores, File.ReadAllText(sentinel).Replace(WordsPerSecond(sentinel), WordsPerSecond(scores), StringComparison.Ordinal));
    }

    // The words/s line of an accuracy.json (file or text): the only value that differs between two scorings.
    private static string WordsPerSecond(string pathOrText)
    {
        var text = File.Exists(pathOrText) ? File.ReadAllText(pathOrText) : pathOrText;
        return text.Split('\n').Single(l => l.Contains($"\"{ScoreKeys.WordsPerSecond}\"", StringComparison.Ordinal));
    }

    private static HashSet<string> Strings(string model)
    {
        var vocab = new Vocab("en");
        vocab.FromDisk(Path.Combine(model, "vocab"));
        return vocab.Strings.ToHashSet(StringComparer.Ordinal);
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        var files = ModelHash.Files(expected);
        Assert.NotEmpty(files);
        Assert.Equal(files, ModelHash.Files(actual));
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(expected, file)), File.ReadAllBytes(Path.Combine(actual, file)));
        }
    }

    private static TrainingOptions Options(TempDir dir)
    {
        TestCorpora.Slice(TestCorpora.Find("ud/en_ewt/train.conllu")!, dir["train.conllu"], 100);
        TestCorpora.Slice(TestCorpora.Find("ud/en_ewt/dev.conllu")!, dir["dev.conllu"], 200);
        File.WriteAllText(dir["template.json"], Template);
        return new TrainingOptions
        {
            Lang = "en",
            Output = dir["out"],
            TrainPath = dir["train.conllu"],
            DevPath = dir["dev.conllu"],
            MetaPath = dir["template.json"],
            Pipeline = ["tagger", "parser"],
            Epochs = 5,
            KeepCheckpoints = 1,
        };
    }
}
