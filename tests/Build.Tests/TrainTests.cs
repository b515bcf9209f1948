using Pipeline.Build.Evaluation;
using Pipeline.Build.Training;
using Pipeline.Trainer.Training;

namespace Pipeline.Build.Tests;

public sealed class TrainTests : TempDirTest
{
    private readonly StringWriter _log = new();

    public TrainTests() => TinyCorpus.Write(Dir.Path);


    [Fact]
    public void A_failing_template_is_named_while_the_others_finish()
    {
        var templates = Templates("a", "bad", "c");
        var trainer = new ModelTrainer(Settings(), _log, (options, _, _) =>
        {
            if (options.MetaPath!.EndsWith("en_bad.json", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the corpus is cursed");
            }

            return FakeResult(options);
        });
        var report = trainer.Train(templates, CancellationToken.None);
        Assert.Equal(["en_a", "en_c"], report.Done);
        Assert.Equal([("en_bad", "the corpus is cursed")], report.Failed);
        Assert.Contains("1 failed (en_bad)", report.Summary, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir.Path, "models", "en_bad", TrainStep.FileName)));
        Assert.Contains("FAILED: the corpus is cursed", File.ReadAllText(Path.Combine(Dir.Path, "models", "en_bad", ModelProgress.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Unchanged_inputs_are_not_retrained_and_force_or_a_changed_input_retrains()
    {
        var templates = Templates("a", "b");
        var calls = new List<string>();
        ModelTrainer Trainer(TrainSettings settings) => new(settings, _log, (options, _, _) =>
        {
            lock (calls)
            {
                calls.Add(Path.GetFileName(options.Output));
            }

            return FakeResult(options);
        });

        Trainer(Settings()).Train(templates, CancellationToken.None);
        Assert.Equal(2, calls.Count);

        calls.Clear();
        var report = Trainer(Settings()).Train(templates, CancellationToken.None);
        Assert.Empty(calls);
        Assert.Equal(["en_a", "en_b"], report.UpToDate);

        Trainer(Settings() with { Force = true }).Train(templates, CancellationToken.None);
        Assert.Equal(2, calls.Count);

        // A parameter that changes training, then a corpus file's content, make the model stale.
        calls.Clear();
        Trainer(Settings() with { Epochs = 5 }).Train(templates[..1], CancellationToken.None);
        Assert.Equal(["en_a"], calls);
        calls.Clear();
        File.AppendAllText(Path.Combine(Dir.Path, "ud", "tiny", "dev.conllu"), "\n");
        Trainer(Settings() with { Epochs = 5 }).Train(templates[..1], CancellationToken.None);
        Assert.Equal(["en_a"], calls);
        Assert.Contains("changed: corpus:ud/tiny/dev.conllu", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_carry_the_template_corpora_and_parameters()
    {
        TrainingOptions? seen = null;
        var cache = Path.Combine(Dir.Path, "artifacts", "cache", "encoded");
        var trainer = new ModelTrainer(Settings() with { Epochs = 3, NSents = 4, Version = "9.9.9", Gpu = true, CorpusCache = cache }, _log, (options, _, _) =>
        {
            seen = options;
            return FakeResult(options);
        });
        var template = ModelTemplate.Load(Dir.File("t/en_full.json", TinyCorpus.Template("full", "tagger", "ner")));
        trainer.Train([template], CancellationToken.None);
        Assert.NotNull(seen);
        Assert.Equal("en", seen.Lang);
        Assert.Equal(3, seen.Epochs);
        Assert.Equal(4, seen.MaxSentences);
        Assert.Equal("9.9.9", seen.Version);
        Assert.True(seen.Gpu);
        Assert.EndsWith("train.conllu", seen.TrainPath, StringComparison.Ordinal);
        Assert.EndsWith("train.iob2", seen.NerTrainPath, StringComparison.Ordinal);
        Assert.Equal(template.Path, seen.MetaPath);
        Assert.Equal(cache, seen.CorpusCache); // a *_trf model's encoded corpora outlive the run

        // One model is one job at a time, so its training passes may use every core (jobs share them out).
        Assert.Equal(Environment.ProcessorCount, seen.Threads);
    }

    [Fact]
    public void Models_start_largest_corpus_first_each_when_a_job_is_free()
    {
        // Five models on corpora of decreasing size; the largest trains until every other one has started.
        var names = new[] { "e", "d", "c", "b", "a" };
        var templates = names.Select((n, i) => SizedTemplate(n, copies: i + 1)).ToArray();
        var started = new List<string>();
        using var allStarted = new ManualResetEventSlim();
        var trainer = new ModelTrainer(Settings(), _log, (options, _, _) =>
        {
            var model = Path.GetFileName(options.Output);
            lock (started)
            {
                started.Add(model);
                if (started.Count == names.Length)
                {
                    allStarted.Set();
                }
            }

            if (model == "en_a")
            {
                allStarted.Wait(TimeSpan.FromSeconds(30));
            }

            return FakeResult(options);
        });
        var report = trainer.Train(templates, CancellationToken.None);
        Assert.Equal(5, report.Done.Count);

        // The two largest start at once; the other job then takes the rest in order of size.
        Assert.Equal(["en_a", "en_b"], started[..2].Order());
        Assert.Equal(["en_c", "en_d", "en_e"], started[2..]);
    }

    [Fact]
    public void Parallelism_follows_the_jobs_setting_and_the_model_count()
    {
        Assert.Equal(2, new ModelTrainer(Settings() with { Jobs = 2 }, _log).Parallelism(5));
        Assert.Equal(1, new ModelTrainer(Settings() with { Jobs = 8 }, _log).Parallelism(1));
        Assert.InRange(new ModelTrainer(Settings(), _log).Parallelism(64), 1, Environment.ProcessorCount);
    }

    [Fact]
    public void A_tiny_template_trains_for_real_then_evaluates_and_fills_the_readme_table()
    {
        var template = ModelTemplate.Load(Dir.File("t/en_tiny.json", TinyCorpus.Template("tiny", "tagger")));
        var settings = Settings() with { Epochs = 1 };
        var report = new ModelTrainer(settings, _log).Train([template], CancellationToken.None);
        Assert.True(report.Failed.Count == 0, string.Join("; ", report.Failed));
        var run = Path.Combine(settings.ModelsRoot, "en_tiny");
        Assert.True(File.Exists(Path.Combine(run, "model-best", "meta.json")));
        Assert.True(File.Exists(Path.Combine(run, TrainStep.FileName)));
        Assert.Contains("[en_tiny]", _log.ToString(), StringComparison.Ordinal);

        Assert.True(ModelScoring.Evaluate(template, run, Dir.Path, force: false, _log));
        Assert.False(ModelScoring.Evaluate(template, run, Dir.Path, force: false, _log));
        Assert.True(File.Exists(Path.Combine(run, ModelScoring.StampFile)));

        // Scored again when the model or a dev file changed, or evaluation.json is gone, saying why.
        File.AppendAllText(Path.Combine(run, "model-best", "meta.json"), "\n");
        Assert.True(ModelScoring.Evaluate(template, run, Dir.Path, force: false, _log));
        Assert.Contains("[en_tiny] evaluating: changed: model-best.", _log.ToString(), StringComparison.Ordinal);
        File.AppendAllText(Path.Combine(Dir.Path, "ud", "tiny", "dev.conllu"), "\n");
        Assert.True(ModelScoring.Evaluate(template, run, Dir.Path, force: false, _log));
        Assert.Contains("[en_tiny] evaluating: changed: corpus:ud/tiny/dev.conllu.", _log.ToString(), StringComparison.Ordinal);
        File.Delete(Path.Combine(run, ModelScoring.FileName));
        Assert.True(ModelScoring.Evaluate(template, run, Dir.Path, force: false, _log));
        Assert.Contains("[en_tiny] evaluating: no evaluation.json.", _log.ToString(), StringComparison.Ordinal);
        Assert.False(ModelScoring.Evaluate(template, run, Dir.Path, force: false, _log));
        Assert.True(ModelScoring.Evaluate(template, run, Dir.Path, force: true, _log));
        var evaluation = ModelScoring.Read(Path.Combine(run, ModelScoring.FileName))!.Value;
        Assert.True(evaluation.GetProperty("accuracy").TryGetProperty("upos", out _));

        var readme = Dir.File("README.md", $"# x\n\n{ReadmeTable.Start}\nstale-row\n{ReadmeTable.End}\n\nrest\n");
        Assert.True(ReadmeTable.Update(readme, ReadmeTable.Render([template], settings.ModelsRoot, Path.Combine(Dir.Path, "packages"))));
        var text = File.ReadAllText(readme);
        Assert.Matches(@"\| `en_tiny` \| tagger \| \d+\.\d \|", text);
        Assert.DoesNotContain("stale-row", text, StringComparison.Ordinal);
        Assert.EndsWith($"{ReadmeTable.End}\n\nrest\n", text, StringComparison.Ordinal);
        Assert.False(ReadmeTable.Update(readme, ReadmeTable.Render([template], settings.ModelsRoot, Path.Combine(Dir.Path, "packages"))));
    }

    [Fact]
    public void Evaluating_an_untrained_model_says_to_train_it()
    {
        var template = ModelTemplate.Load(Dir.File("t/en_tiny.json", TinyCorpus.Template("tiny", "tagger")));
        var error = Assert.Throws<Engine.BuildException>(() => ModelScoring.Evaluate(template, Path.Combine(Dir.Path, "models", "en_tiny"), Dir.Path, false, _log));
        Assert.Contains("run Train first", error.Message, StringComparison.Ordinal);
    }

    private TrainSettings Settings() => new() { CorpusRoot = Dir.Path, ModelsRoot = Path.Combine(Dir.Path, "models"), Jobs = 2 };

    private ModelTemplate[] Templates(params string[] names) =>
        names.Select(n => ModelTemplate.Load(Dir.File($"t/en_{n}.json", TinyCorpus.Template(n, "tagger")))).ToArray();

    // A tagger template on its own corpus: the tiny corpus repeated `copies` times.
    private ModelTemplate SizedTemplate(string name, int copies)
    {
        foreach (var split in new[] { "train", "dev" })
        {
            var text = File.ReadAllText(Path.Combine(Dir.Path, "ud", "tiny", split + ".conllu"));
            Dir.File($"ud/{name}/{split}.conllu", string.Concat(Enumerable.Repeat(text, copies)));
        }

        var template = TinyCorpus.Template(name, "tagger").Replace("ud/tiny/", $"ud/{name}/", StringComparison.Ordinal);
        return ModelTemplate.Load(Dir.File($"t/en_{name}.json", template));
    }

    private static TrainingResult FakeResult(TrainingOptions options)
    {
        var best = Path.Combine(options.Output, "model-best");
        Directory.CreateDirectory(best);
        File.WriteAllText(Path.Combine(best, "meta.json"), """{ "lang": "en", "name": "x", "version": "1.0.0" }""");
        return new TrainingResult([], 0, best, best, new Dictionary<string, double>(), string.Empty, string.Empty, 0);
    }
}
