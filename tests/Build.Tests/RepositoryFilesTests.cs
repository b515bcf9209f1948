using Pipeline.Build.Ci;
using Pipeline.Build.Evaluation;

namespace Pipeline.Build.Tests;

/// <summary>The generated files in the repository are in sync with the code that generates them.</summary>
public sealed class RepositoryFilesTests
{
    [Fact]
    public void Build_schema_matches_the_declared_parameters()
    {
        var expected = SchemaGenerator.Generate(typeof(Build), TargetGraph.Of(new Build()));
        var actual = File.ReadAllText(Path.Combine(Repo.Root, ".nuke", SchemaGenerator.FileName));
        Assert.True(expected == actual, ".nuke/build.schema.json is out of date: run ./build.sh --help (any run regenerates it) and commit it.");
        Assert.DoesNotContain("ApiKey", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_json_binds_without_errors()
    {
        var build = new Build();
        var sources = ParameterBinder.Bind(build, CommandLine.Parse([]), new Dictionary<string, string>(), Path.Combine(Repo.Root, ".nuke", "parameters.json"));
        Assert.Equal("parameters.json", sources["Corpora"]);
        Assert.Equal("../shared/corpora", build.CorpusFolder);
    }

    [Fact]
    public void Models_workflow_matches_the_templates()
    {
        var expected = WorkflowWriter.Render(ModelTemplate.LoadAll(Path.Combine(Repo.Root, "meta-templates")));
        var actual = File.ReadAllText(Path.Combine(Repo.Root, WorkflowWriter.RelativePath));
        Assert.True(expected == actual, ".github/workflows/models.yml is out of date: run ./build.sh Workflow and commit it.");
    }

    [Fact]
    public void Readme_has_the_test_command_and_the_models_table_markers()
    {
        var readme = File.ReadAllLines(Path.Combine(Repo.Root, "README.md"));
        Assert.Contains("dotnet test Pipeline.sln", readme);
        Assert.Contains("./build.sh", readme);
        Assert.Contains(ReadmeTable.Start, readme);
        Assert.Contains(ReadmeTable.End, readme);
    }

    [Fact]
    public void Every_template_loads_and_the_expected_models_are_there()
    {
        var templates = ModelTemplate.LoadAll(Path.Combine(Repo.Root, "meta-templates"));
        var ids = templates.Select(t => t.Id).ToList();
        Assert.Contains("en_core_web_sm", ids);
        Assert.Equal(["tagger", "morphologizer", "lemmatizer", "parser", "ner"], templates.Single(t => t.Id == "en_core_web_sm").Pipeline);
        foreach (var lang in new[] { "pt", "fr", "ga", "af", "mt", "vi" })
        {
            Assert.Contains(templates, t => t.Lang == lang && t.Pipeline.Contains("parser"));
        }

        Assert.Contains("ner", templates.Single(t => t.Lang == "pt").Pipeline);
        foreach (var lang in new[] { "da", "sv", "hr", "sr", "sk", "zh" })
        {
            Assert.Equal(["ner"], templates.Single(t => t.Lang == lang).Pipeline);
        }
    }

    [Fact]
    public void Every_corpus_with_a_train_split_has_a_template_when_the_corpora_are_here()
    {
        var root = Environment.GetEnvironmentVariable("PIPELINE_CORPORA") is { Length: > 0 } env
            ? Path.GetFullPath(env)
            : Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "corpora"));
        if (!Directory.Exists(root))
        {
            return;
        }

        var templates = ModelTemplate.LoadAll(Path.Combine(Repo.Root, "meta-templates"));
        var used = templates.SelectMany(t => t.Inputs(root).Files).ToHashSet(StringComparer.Ordinal);
        var train = Directory.EnumerateFiles(root, "train.*", SearchOption.AllDirectories).Select(Path.GetFullPath);
        Assert.All(train, f => Assert.Contains(f, used));
    }
}
