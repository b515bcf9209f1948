using System.Diagnostics;
using System.Globalization;
using Pipeline.Trainer.Packaging;

namespace Pipeline.Benchmarks;

/// <summary>
/// Cold start as a user sees it: console apps that reference the en_core_web_sm package load it by name (and by its
/// entry class) and parse one sentence; each is run in 10 fresh processes and the medians of runtime start (process
/// start to Main), load and first doc are printed. Variants: the package as the feed has it ("before": the
/// Pipeline.Core it depends on), then with this source's Pipeline.Core (packed as a higher patch version),
/// published plainly, with ReadyToRun, and with Native AOT where clang is installed. The feed is COLDSTART_PACKAGES
/// (default artifacts/packages of the clone, filled by ./build.sh), which must hold en_core_web_sm and Pipeline.Core
/// packages. Aim: load and first doc within 250 ms.
/// </summary>
public static class ColdStartBenchmark
{
    private const string Model = "en_core_web_sm";
    private const int Runs = 10;

    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        var root = SourceRoot.Find();
        var feed = Environment.GetEnvironmentVariable("COLDSTART_PACKAGES") is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : root is null ? null : Path.Combine(root, "artifacts", "packages");
        var modelVersion = feed is null ? null : VersionIn(feed, Model);
        if (feed is null || modelVersion is null || VersionIn(feed, "Pipeline.Core") is null)
        {
            Console.WriteLine($"coldstart: no {Model} and Pipeline.Core packages in {feed ?? "(no feed)"}; run ./build.sh or set COLDSTART_PACKAGES");
            return;
        }

        var work = Directory.CreateTempSubdirectory("pipeline-coldstart-").FullName;
        try
        {
            var local = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
            BenchNuget.WriteConfig(work, ("coldstart-models", feed), ("coldstart-core", local));
            Measure(work, "before", modelVersion, core: null, []);
            var core = root is null ? null : PackCore(root, local);
            if (core is null)
            {
                return;
            }

            Measure(work, "after", modelVersion, core, []);
            Measure(work, "after-r2r", modelVersion, core, ["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"]);
            if (!OnPath("clang"))
            {
                Console.WriteLine("coldstart: Native AOT skipped: clang is not installed (apt-get install -y clang)");
                return;
            }

            Measure(work, "after-aot", modelVersion, core, ["-r", "linux-x64", "-p:PublishAot=true"]);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Publishes one app variant, runs it <see cref="Runs"/> times by name and once by entry class, prints medians.</summary>
    private static void Measure(string work, string variant, string modelVersion, string? core, string[] publishArgs)
    {
        var app = Directory.CreateDirectory(Path.Combine(work, variant)).FullName;
        var coreReference = core is null ? string.Empty : $"""<PackageReference Include="Pipeline.Core" Version="{core}" />""";
        File.WriteAllText(Path.Combine(app, "ColdStart.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{Model}" Version="{modelVersion}" />
                {coreReference}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System.Diagnostics;
            using Pipeline;

            var main = Stopwatch.GetTimestamp();
            var nlp = args is ["entry"] ? Pipeline.Models.EnCoreWebSm.Load() : Nlp.Load("en_core_web_sm");
            var loaded = Stopwatch.GetTimestamp();
            var doc = nlp.Process("The quick brown fox jumped over the lazy dog in Paris.");
            var first = Stopwatch.GetTimestamp();
            Console.WriteLine($"coldstart {main} {loaded} {first} {doc.Length} {string.Join(',', nlp.PipeNames)}");
            """);
        var output = Path.Combine(app, "out");
        var clock = Stopwatch.StartNew();
        var (code, log) = DotnetProcess.Run(["publish", "-c", "Release", "-o", output, .. publishArgs], app, null, TimeSpan.FromMinutes(20));
        if (code != 0)
        {
            Console.WriteLine($"coldstart {variant}: publish failed ({code}):\n{DotnetProcess.Tail(log)}");
            return;
        }

        var executable = Path.Combine(output, "ColdStart");
        // What ships: the app's files without the model data, symbols (.pdb, .dbg) and XML docs.
        var size = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}models{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetExtension(f) is not (".pdb" or ".dbg" or ".xml"))
            .Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"coldstart {variant}: published in {clock.Elapsed.TotalSeconds:F0} s, app without model data and symbols {size / 1048576.0:F1} MiB");
        var samples = new List<(double Start, double Load, double First)>();
        for (var run = 0; run <= Runs + 1; run++)
        {
            // Run 0 warms the file cache and is left out; runs 1 to 10 load by name; the last one by entry class.
            var sample = RunOnce(executable, run > Runs ? "entry" : "name");
            if (sample is null)
            {
                return;
            }

            if (run > Runs)
            {
                Console.WriteLine($"coldstart {variant}: by entry class EnCoreWebSm.Load(): load {sample.Value.Load:F0} ms, first doc {sample.Value.First:F0} ms");
            }
            else if (run > 0)
            {
                samples.Add(sample.Value);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"coldstart {variant}: median of {samples.Count} fresh processes: runtime start {Median(samples.Select(s => s.Start)):F0} ms, " +
            $"load {Median(samples.Select(s => s.Load)):F0} ms, first doc {Median(samples.Select(s => s.First)):F0} ms, " +
            $"start to first parse {Median(samples.Select(s => s.Start + s.Load + s.First)):F0} ms"));
    }

    private static (double Start, double Load, double First)? RunOnce(string executable, string mode)
    {
        var info = new ProcessStartInfo(executable, [mode]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var begin = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable}");
        var stderr = process.StandardError.ReadToEndAsync();
        var line = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (process.ExitCode != 0 || parts is not ["coldstart", _, _, _, ..])
        {
            Console.WriteLine($"coldstart: {executable} {mode} failed ({process.ExitCode}): {line}{stderr.Result}");
            return null;
        }

        // Stopwatch timestamps are the system's monotonic clock, the same in every process of the machine.
        double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
        var main = long.Parse(parts[1], CultureInfo.InvariantCulture);
        var loaded = long.Parse(parts[2], CultureInfo.InvariantCulture);
        var first = long.Parse(parts[3], CultureInfo.InvariantCulture);
        return (Ms(begin, main), Ms(main, loaded), Ms(loaded, first));
    }

    /// <summary>Packs this source's Pipeline.Core as a patch version above the feed's, so the apps prefer it.</summary>
    private static string? PackCore(string root, string local)
    {
        var version = "0.1.1-coldstart." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var (code, output) = DotnetProcess.Run(
            ["pack", Path.Combine(root, "src", "Core", "Pipeline.Core.csproj"), "-c", "Release", "-o", local, $"-p:Version={version}"],
            root, null, TimeSpan.FromMinutes(10));
        if (code != 0)
        {
            Console.WriteLine($"coldstart: packing Pipeline.Core failed:\n{DotnetProcess.Tail(output)}");
            return null;
        }

        return version;
    }

    /// <summary>The version of package <paramref name="id"/> in folder feed <paramref name="feed"/> (the highest by name).</summary>
    private static string? VersionIn(string feed, string id) => !Directory.Exists(feed) ? null : Directory.GetFiles(feed, $"{id}.*.nupkg")
        .Select(f => Path.GetFileNameWithoutExtension(f)[(id.Length + 1)..])
        .Where(v => v.Length > 0 && char.IsAsciiDigit(v[0]))
        .Order(StringComparer.Ordinal)
        .LastOrDefault();

    private static bool OnPath(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
