using System.IO.Compression;
using Pipeline.Components;
using Pipeline.Components.Tagging;
using Pipeline.Trainer.Packaging;

namespace Pipeline.Benchmarks;

/// <summary>
/// Packages an English model (sentencizer + a tagger trained for PACKAGE_EPOCHS epochs, default 2, on UD
/// English-EWT; without the corpora, an entity-ruler model) with <c>pipeline package --build</c> against a
/// Pipeline.Core packed into a temporary feed, prints the model and .nupkg sizes, and times a cold
/// <c>Nlp.Load</c> (plus the first document) in fresh processes. Aim: cold load within 300 ms. PACKAGE_MODEL names
/// a model directory to measure instead (e.g. artifacts/models/en_core_web_sm/model-best from ./build.sh).
/// </summary>
public static class PackageBenchmark
{
    /// <summary>The argument that makes the benchmark process time one cold load and exit.</summary>
    public const string ColdLoadArgument = "load-cold";

    private const string Text = "The quick brown fox jumped over the lazy dog in Paris. Then it slept.";

    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        var root = Directory.CreateTempSubdirectory("pipeline-package-bench-").FullName;
        try
        {
            var model = Environment.GetEnvironmentVariable("PACKAGE_MODEL") is { Length: > 0 } given
                ? Path.GetFullPath(given)
                : Path.Combine(root, "model");
            if (!Directory.Exists(model))
            {
                BuildModel().ToDisk(model);
            }

            var files = Directory.GetFiles(model, "*", SearchOption.AllDirectories);
            Console.WriteLine($"package: model directory {files.Length} files, {files.Sum(f => new FileInfo(f).Length) / 1024.0:F0} KiB");
            Console.WriteLine($"package: data zipped as in a .nupkg {ZippedSize(model) / 1024.0:F0} KiB");
            Pack(root, model);
            for (var run = 1; run <= 3; run++)
            {
                var (code, output) = DotnetProcess.Run([typeof(PackageBenchmark).Assembly.Location, ColdLoadArgument, model], root, null, TimeSpan.FromMinutes(2));
                Console.WriteLine($"package: cold load, fresh process {run}: {(code == 0 ? output.Trim() : $"failed ({code}) {output}")}");
            }

            var warm = Stopwatch.StartNew();
            var nlp = Nlp.Load(model);
            Console.WriteLine($"package: warm Nlp.Load in this process {warm.Elapsed.TotalMilliseconds:F0} ms ({string.Join(", ", nlp.PipeNames)})");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Times Nlp.Load of <paramref name="model"/> and the first document in this (fresh) process.</summary>
    public static int ColdLoad(string model)
    {
        var clock = Stopwatch.StartNew();
        var blank = Nlp.Blank("en");
        var blankTime = clock.Elapsed;
        var nlp = Nlp.Load(model);
        var load = clock.Elapsed;
        var doc = nlp.Process(Text);
        Console.WriteLine($"Nlp.Load {load.TotalMilliseconds:F0} ms (of which a first Nlp.Blank {blankTime.TotalMilliseconds:F0} ms), " +
            $"first doc {(clock.Elapsed - load).TotalMilliseconds:F0} ms ({doc.Length + blank.PipeNames.Count} tokens)");
        return 0;
    }

    private static Language BuildModel()
    {
        var nlp = Nlp.Blank("en");
        nlp.Meta.Name = "bench_sm";
        nlp.Meta.Version = "1.0.0";
        nlp.Meta.License = "CC-BY-SA-4.0";
        nlp.AddPipe(new Sentencizer());
        var corpora = CorpusLocator.Find();
        if (corpora is null)
        {
            Console.WriteLine("package: shared/corpora not found; packaging an entity-ruler model instead of a tagger");
            var ruler = new EntityRuler(nlp);
            ruler.AddPatterns(Enumerable.Range(0, 5_000).Select(i => new EntityPattern("P", $"name{i} person{i % 13}")));
            nlp.AddPipe(ruler);
            return nlp;
        }

        var epochs = int.TryParse(Environment.GetEnvironmentVariable("PACKAGE_EPOCHS"), out var e) ? e : 2;
        var train = CorpusLocator.TreebankDocs(corpora, "en_ewt", "train", nlp.Vocab);
        var tagger = new Tagger();
        var clock = Stopwatch.StartNew();
        tagger.Train(train, epochs, seed: 1);
        Console.WriteLine($"package: trained the en_ewt tagger for {epochs} epoch(s) in {clock.Elapsed.TotalSeconds:F0} s");
        nlp.AddPipe(tagger);
        return nlp;
    }

    private static long ZippedSize(string directory)
    {
        using var buffer = new MemoryStream();
        ZipFile.CreateFromDirectory(directory, buffer, CompressionLevel.Optimal, includeBaseDirectory: false);
        return buffer.Length;
    }

    private static void Pack(string root, string model)
    {
        var feed = Directory.CreateDirectory(Path.Combine(root, "feed")).FullName;
        BenchNuget.WriteConfig(root, ("bench-feed", feed));
        var core = FindCoreProject();
        if (core is null)
        {
            Console.WriteLine("package: src/Core not found; no .nupkg built");
            return;
        }

        var (code, output) = DotnetProcess.Run(["pack", core, "-c", "Release", "-o", feed], root, null, TimeSpan.FromMinutes(5));
        if (code != 0)
        {
            Console.WriteLine($"package: packing Pipeline.Core failed:\n{DotnetProcess.Tail(output)}");
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var result = ModelPackager.Package(new PackageOptions { Input = model, Output = Path.Combine(root, "out"), Build = true, Force = true });
            Console.WriteLine($"package: {Path.GetFileName(result.NupkgPath)} {new FileInfo(result.NupkgPath!).Length / 1024.0:F0} KiB " +
                $"(pipeline package --build {clock.Elapsed.TotalSeconds:F0} s, checked with NuGet.Packaging)");
        }
        catch (PipelineException error)
        {
            Console.WriteLine($"package: pipeline package --build failed: {error.Message}");
        }
    }

    private static string? FindCoreProject() =>
        SourceRoot.Find() is { } root && File.Exists(Path.Combine(root, "src", "Core", "Pipeline.Core.csproj"))
            ? Path.Combine(root, "src", "Core", "Pipeline.Core.csproj")
            : null;
}
