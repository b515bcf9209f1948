using Pipeline.Build.Training;

namespace Pipeline.Build.Tests;

/// <summary>--plan says which models would train and which are up to date (issue 18, point 9).</summary>
public sealed class PlanTests : TempDirTest
{
    [Fact]
    public void The_plan_lists_each_model_as_up_to_date_or_would_train_with_the_reason()
    {
        TinyCorpus.Write(Path.Combine(Dir.Path, "corpora"));
        var trained = ModelTemplate.Load(Dir.File("meta-templates/en_a.json", TinyCorpus.Template("a", "tagger")));
        Dir.File("meta-templates/en_b.json", TinyCorpus.Template("b", "ner"));
        var settings = new TrainSettings { CorpusRoot = Path.Combine(Dir.Path, "corpora"), ModelsRoot = Path.Combine(Dir.Path, "artifacts", "models") };
        var run = Directory.CreateDirectory(Path.Combine(settings.ModelsRoot, "en_a")).FullName;
        Dir.File("artifacts/models/en_a/model-best/meta.json", "{}");
        TrainStep.For(trained, trained.Inputs(settings.CorpusRoot), settings, run).Run(() => true);

        var plan = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["Train", "--corpora", "corpora", "--plan"]);
        Assert.True(plan.Exit == 0, plan.Output + plan.Error);
        Assert.Contains("Models (1 of 2 would train;", plan.Output, StringComparison.Ordinal);
        Assert.Matches(@"en_a\s+up to date", plan.Output);
        Assert.Matches(@"en_b\s+would train \(never trained\)", plan.Output);

        var forced = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["Train", "--corpora", "corpora", "--force", "--plan"]);
        Assert.Matches(@"en_a\s+would train \(--force\)", forced.Output);

        File.Delete(Path.Combine(run, "model-best", "meta.json"));
        var missing = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["Train", "--corpora", "corpora", "--plan"]);
        Assert.Matches(@"en_a\s+would train \(no model-best\)", missing.Output);
        var changed = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["Train", "--corpora", "corpora", "--epochs", "2", "--plan"]);
        Assert.Matches(@"en_a\s+would train \(changed: parameter:epochs\)", changed.Output);

        var skipped = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["Package", "--skip", "Train", "--corpora", "corpora", "--plan"]);
        Assert.DoesNotContain("would train", skipped.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_whose_corpus_is_missing_is_named_with_the_path()
    {
        Directory.CreateDirectory(Path.Combine(Dir.Path, "corpora"));
        Dir.File("meta-templates/en_b.json", TinyCorpus.Template("b", "ner"));
        var plan = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["Train", "--corpora", "corpora", "--plan"]);
        Assert.Contains($"en_b  cannot train: en_b: corpus file {Path.Combine(Dir.Path, "corpora", "ner", "tiny", "train.iob2")} is missing", plan.Output, StringComparison.Ordinal);
    }
}
