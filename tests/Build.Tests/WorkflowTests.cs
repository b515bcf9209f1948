using Pipeline.Build.Ci;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Build.Tests;

/// <summary>The generated GitHub Actions workflow, parsed as YAML: jobs, needs, matrix and the corpora cache.</summary>
public sealed class WorkflowTests : TempDirTest
{
    [Fact]
    public void The_workflow_target_writes_a_corpora_job_a_matrix_of_models_and_a_package_job()
    {
        using var server = new CorpusServer();
        _ = new AssetCorpus(Dir.Path, server, "https://raw.example.invalid");
        Dir.File("meta-templates/en_b.json", TinyCorpus.Template("b", "ner"));
        var run = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["Workflow"]);
        Assert.True(run.Exit == 0, run.Output + run.Error);
        var templates = ModelTemplate.LoadAll(Path.Combine(Dir.Path, "meta-templates"));
        var root = Parse(File.ReadAllText(Path.Combine(Dir.Path, WorkflowWriter.RelativePath)));
        var jobs = Map(root, "jobs");
        Assert.Equal(["corpora", "train", "package"], jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value));

        var key = WorkflowWriter.CorporaCacheKey(templates);
        var corpora = Map(jobs, "corpora");
        Assert.Equal("ubuntu-latest", Scalar(corpora, "runs-on"));
        var cache = Steps(corpora).Single(s => Scalar(s, "uses") == "actions/cache@v4");
        Assert.Equal(key, Scalar(Map(cache, "with"), "key"));
        Assert.Equal(WorkflowWriter.CacheFolder, Scalar(Map(cache, "with"), "path"));
        Assert.Contains(Steps(corpora), s => Scalar(s, "run")?.StartsWith("./build.sh Corpora", StringComparison.Ordinal) == true);

        var train = Map(jobs, "train");
        Assert.Equal("corpora", Scalar(train, "needs"));
        var matrix = (YamlSequenceNode)Map(Map(train, "strategy"), "matrix").Children[new YamlScalarNode("model")];
        Assert.Equal(["en_b", "en_tiny"], matrix.Children.Select(n => ((YamlScalarNode)n).Value));
        var restore = Steps(train).Single(s => Scalar(s, "uses") == "actions/cache/restore@v4");
        Assert.Equal(key, Scalar(Map(restore, "with"), "key"));
        Assert.Contains(Steps(train), s => Scalar(s, "run") == $"./build.sh Train Evaluate --models ${{{{ matrix.model }}}} --corpora-cache {WorkflowWriter.CacheFolder}");

        var package = Map(jobs, "package");
        Assert.Equal("train", Scalar(package, "needs"));
        Assert.Equal("write", Scalar(Map(package, "permissions"), "packages"));
        var publish = Steps(package).Single(s => Scalar(s, "run")?.StartsWith("./build.sh Publish", StringComparison.Ordinal) == true);
        Assert.Equal("vars.NUGET_FEED != ''", Scalar(publish, "if"));
        Assert.Contains("secrets.GITHUB_TOKEN", Scalar(Map(publish, "env"), "API_KEY"), StringComparison.Ordinal);
        Assert.Contains(Steps(package), s => Scalar(s, "if") == "vars.NUGET_FEED == ''" && Scalar(s, "run")!.StartsWith("./build.sh Package", StringComparison.Ordinal));
    }

    [Fact]
    public void The_committed_workflow_needs_no_repository_variable_and_keys_its_cache_by_the_corpus_hashes()
    {
        var templates = ModelTemplate.LoadAll(Path.Combine(Repo.Root, "meta-templates"));
        var root = Parse(WorkflowWriter.Render(templates));
        var jobs = Map(root, "jobs");

        // Variables appear only with a default, in a condition, or in an environment variable that may be empty.
        foreach (var job in jobs.Children.Values.Cast<YamlMappingNode>())
        {
            Assert.DoesNotContain("vars.", Scalar(job, "runs-on")!.Replace("vars.MODELS_RUNNER || 'ubuntu-latest'", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.All(Steps(job), s => Assert.DoesNotContain("vars.", Scalar(s, "run") ?? string.Empty, StringComparison.Ordinal));
        }

        // The key changes with any corpus file's hash, and only then.
        var key = Scalar(Map(Steps(Map(jobs, "corpora")).Single(s => Scalar(s, "id") == "cache"), "with"), "key");
        Assert.Equal(WorkflowWriter.CorporaCacheKey(templates), key);
        var changed = templates.Take(templates.Count - 1).ToList();
        Assert.NotEqual(key, WorkflowWriter.CorporaCacheKey(changed));
        Assert.Equal(templates.Select(t => t.Id), ((YamlSequenceNode)Map(Map(Map(jobs, "train"), "strategy"), "matrix").Children[new YamlScalarNode("model")]).Select(n => ((YamlScalarNode)n).Value));
    }

    private static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Cast<YamlMappingNode>();
}
