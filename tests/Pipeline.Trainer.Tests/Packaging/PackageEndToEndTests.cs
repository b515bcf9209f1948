namespace Pipeline.Trainer.Tests.Packaging;

/// <summary>
/// Integration test (runs in CI; needs the dotnet SDK and package registry access for MessagePack and the other
/// dependencies of Pipeline.Core, about one to two minutes): packs Pipeline.Core and a model package into a local
/// folder feed, then builds, runs and publishes a fresh console app that references the model package.
/// Everything lives in a temporary directory whose nuget.config adds the feed and sets its own
/// globalPackagesFolder, so no package cache outside it is written or read stale.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public void AnAppLoadsThePackagedModelUnderRunAndFromAPublishFolder()
    {
        using var dir = new TempDir();
        var feed = Directory.CreateDirectory(dir["feed"]).FullName;
        IsolatedNuget.WriteConfig(dir.Path, feed);
        var expected = RulerModel.Describe(RulerModel.Create());

        // Pipeline.Core from this checkout, into the feed: the build the tests run on, else a fresh one.
        var core = Path.Combine(RepositoryRoot(), "src", "Core", "Pipeline.Core.csproj");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var (packed, _) = DotnetProcess.Run(["pack", core, "-c", configuration, "-o", feed, "--no-build"], dir.Path, null, Timeout);
        if (packed != 0)
        {
            Dotnet(dir.Path, "pack", core, "-c", configuration, "-o", feed, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        }

        // The model package, exactly as the build orchestrator calls it.
        var model = RulerModel.Save(dir["model"]);
        var console = new TestConsole().Width(400);
        var error = new StringWriter();
        var code = PipelineCli.Run(["package", model, dir["out"], "--build", "--force"], console, new StringWriter(), error);
        Assert.True(code == 0, error.ToString());
        var nupkg = dir["out/en_test_ruler-1.0.0/dist/en_test_ruler.1.0.0.nupkg"];
        Assert.True(File.Exists(nupkg), console.Output);
        Assert.Empty(NupkgVerifier.Check(
            nupkg, ModelMeta.Read(dir["out/en_test_ruler-1.0.0/meta.json"]), Nlp.CompatibleRange, ["meta.json", "tokenizer"]));
        File.Copy(nupkg, Path.Combine(feed, Path.GetFileName(nupkg)));

        var listed = ModelInventory.FromFeed(feed);
        var entry = Assert.Single(listed);
        Assert.Equal(("en_test_ruler", "1.0.0", CompatibilityStatus.Compatible), (entry.PackageId, entry.Version, entry.Compatibility));

        // A fresh app that references only the model package (Pipeline.Core comes with it).
        var app = ModelApp.Create(dir["app"], "en_test_ruler", $$"""
            using Pipeline;
            using Pipeline.Models;

            const string Text = "{{RulerModel.Text}}";
            static string Describe(Language nlp)
            {
                var doc = nlp.Process(Text);
                return string.Join(" ", doc.Ents.Select(e => $"{e.Text}/{e.Label}")) + " || " + string.Join(" | ", doc.Sents.Select(s => s.Text));
            }

            Console.WriteLine("class: " + Describe(EnTestRuler.Load()));
            Console.WriteLine("name: " + Describe(Nlp.Load("en_test_ruler")));
            Console.WriteLine("meta: " + EnTestRuler.Meta.PackageId + " " + EnTestRuler.Meta.Version);
            try
            {
                Nlp.Load("en_missing_model");
            }
            catch (PipelineException e)
            {
                Console.WriteLine("missing: " + e.Code + " " + e.Message);
            }
            """);

        var run = Dotnet(app, "run", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        AssertAnnotations(run, expected);

        var published = dir["published"];
        Dotnet(app, "publish", "-c", "Debug", "-o", published, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(File.Exists(Path.Combine(published, "models", "en_test_ruler", "meta.json")));
        var fromPublish = Dotnet(dir.Path, Path.Combine(published, "app.dll"));
        AssertAnnotations(fromPublish, expected);

        var inApp = Assert.Single(ModelInventory.FromApp(published));
        Assert.Equal(CompatibilityStatus.Compatible, inApp.Compatibility);
    }

    private static void AssertAnnotations(string output, string expected)
    {
        Assert.Contains("class: " + expected + "\n", output, StringComparison.Ordinal);
        Assert.Contains("name: " + expected + "\n", output, StringComparison.Ordinal);
        Assert.Contains("meta: en_test_ruler 1.0.0", output, StringComparison.Ordinal);
        Assert.Contains("missing: E006", output, StringComparison.Ordinal);
        Assert.Contains("en_test_ruler 1.0.0", output[output.IndexOf("missing:", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("W010", output, StringComparison.Ordinal);
    }

    private static string Dotnet(string workingDirectory, params string[] arguments)
    {
        var (code, output) = DotnetProcess.Run(arguments, workingDirectory, null, Timeout);
        Assert.True(code == 0, $"dotnet {string.Join(' ', arguments)} exited {code}:\n{DotnetProcess.Tail(output, 60)}");
        return output.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
