using Pipeline.Build.Evaluation;

namespace Pipeline.Build.Tests;

/// <summary>Only the ReadmeTable target changes README.md, and only from a complete set of models (issue 18, point 9).</summary>
public sealed class ReadmeTableTargetTests : TempDirTest
{
    private readonly string _readme;

    public ReadmeTableTargetTests()
    {
        Dir.File("meta-templates/en_a.json", TinyCorpus.Template("a", "tagger"));
        Dir.File("meta-templates/en_b.json", TinyCorpus.Template("b", "ner"));
        _readme = Dir.File("README.md", $"# x\n\n{ReadmeTable.Start}\nold-row\n{ReadmeTable.End}\n");
    }


    [Fact]
    public void An_incomplete_set_of_models_is_refused_naming_the_missing_ones_and_the_readme_stays()
    {
        Evaluated("en_a", "\"upos\": 91.24");
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["ReadmeTable"]);
        Assert.Equal(1, run.Exit);
        Assert.Contains("[E222]", run.Error, StringComparison.Ordinal);
        Assert.Contains("not ready: en_b (no evaluation.json)", run.Error, StringComparison.Ordinal);
        Assert.Contains("old-row", File.ReadAllText(_readme), StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_set_writes_the_table_and_models_is_refused()
    {
        Evaluated("en_a", "\"upos\": 91.24");
        Evaluated("en_b", "\"ents_f\": 70.5");
        var limited = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["ReadmeTable", "--models", "en_a"]);
        Assert.Contains("[E223]", limited.Error, StringComparison.Ordinal);

        var text = WriteTable();
        Assert.DoesNotContain("old-row", text, StringComparison.Ordinal);
        Assert.Contains("| `en_a` | tagger | 91.2 |", text, StringComparison.Ordinal);
        Assert.Contains("| 70.5 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_gives_the_size_of_each_models_package_of_its_trained_version()
    {
        Evaluated("en_a", "\"upos\": 91.24");
        Evaluated("en_b", "\"ents_f\": 70.5");
        Dir.File("artifacts/models/en_a/model-best/meta.json", """{ "lang": "en", "name": "a", "version": "2.0.0" }""");
        Dir.File("artifacts/models/en_b/model-best/meta.json", """{ "lang": "en", "name": "b", "version": "1.0.0" }""");
        Sized("artifacts/packages/en_a.2.0.0.nupkg", 3 * 1024 * 1024 / 2);
        Sized("artifacts/packages/en_a.1.0.0.nupkg", 5 * 1024 * 1024);

        // en_b's package is not there (only another version's): no size.
        Sized("artifacts/packages/en_b.0.9.0.nupkg", 1024);
        var text = WriteTable();
        Assert.Contains("| words/s | package |", text, StringComparison.Ordinal);
        Assert.Contains("| `en_a` | tagger | 91.2 | – | – | – | – | – | – | 1.5 MiB |", text, StringComparison.Ordinal);
        Assert.Contains("| 70.5 | – | – |", text, StringComparison.Ordinal);

        Sized("artifacts/packages/en_b.1.0.0.nupkg", 300 * 1024);
        Assert.Contains("| 70.5 | – | 300 KiB |", WriteTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_of_a_quick_run_are_refused()
    {
        Evaluated("en_a", "\"upos\": 91.24");
        Evaluated("en_b", "\"ents_f\": 70.5");
        Dir.File("artifacts/models/en_b/build-stamp.json", """{ "hash": "x", "inputs": { "parameter:epochs": "1", "parameter:n_sents": "(all)" } }""");
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["ReadmeTable"]);
        Assert.Equal(1, run.Exit);
        Assert.Contains("en_b (a quick run: trained with --epochs 1)", run.Error, StringComparison.Ordinal);
        Assert.Contains("old-row", File.ReadAllText(_readme), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_plan_does_not_include_the_readme_table()
    {
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["Publish", "--plan"]);
        Assert.DoesNotContain("ReadmeTable", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs the ReadmeTable target, which must succeed, and returns the README it wrote.</summary>
    private string WriteTable()
    {
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["ReadmeTable"]);
        Assert.True(run.Exit == 0, run.Output + run.Error);
        return File.ReadAllText(_readme);
    }

    private void Sized(string relative, long length)
    {
        using var file = File.Create(Dir.File(relative, ""));
        file.SetLength(length);
    }

    private void Evaluated(string id, string scores) =>
        Dir.File($"artifacts/models/{id}/{ModelScoring.FileName}", $$"""{ "accuracy": { {{scores}} } }""");
}
