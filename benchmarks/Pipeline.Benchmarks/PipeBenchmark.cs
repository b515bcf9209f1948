using System.Diagnostics;
using Pipeline;
using Pipeline.Corpora;

namespace Pipeline.Benchmarks;

/// <summary>
/// Times <see cref="Language.Pipe"/> of a saved pipeline (PIPE_MODEL, a model directory or installed package name;
/// default en_core_web_sm from artifacts/models beside the repository) over the raw text of UD English-EWT dev (PIPE_REPEAT
/// times, default 2), with one thread and with PIPE_THREADS (default 2), and prints words/s of each (best of PIPE_PASSES passes,
/// default 5, the two settings interleaved), the ratio, and the words per CPU second of each, which show the cost of
/// threading apart from the machine's other load. Also checks that both give the same annotations.
/// </summary>
public static class PipeBenchmark
{
    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        var corpora = CorpusLocator.Find();
        var model = Environment.GetEnvironmentVariable("PIPE_MODEL") ?? DefaultModel();
        if (corpora is null || model is null)
        {
            Console.WriteLine("pipe: corpora or model not found; set PIPELINE_CORPORA and PIPE_MODEL");
            return;
        }

        var threads = Env("PIPE_THREADS", 2);
        var passes = Env("PIPE_PASSES", 5);
        var nlp = Nlp.Load(model);
        var dev = ConlluReader.Read(Path.Combine(corpora, "ud/en_ewt/dev.conllu"))
            .Select(s => s.Text ?? string.Join(' ', s.Tokens.Select(t => t.Form)))
            .ToArray();
        var texts = Enumerable.Repeat(dev, Env("PIPE_REPEAT", 2)).SelectMany(t => t).ToArray();
        Console.WriteLine($"pipe: {model} ({string.Join(", ", nlp.PipeNames)}), {texts.Length} texts, {Environment.ProcessorCount} cores, load {LoadAverage()}");

        // Warm-up: every code path compiled and tiered up before timing.
        var one = Signature(nlp.Pipe(texts, threads: 1));
        var many = Signature(nlp.Pipe(texts, threads: threads));
        Console.WriteLine(one == many ? "pipe: same annotations with 1 and " + threads + " threads" : "pipe: ANNOTATIONS DIFFER between 1 and " + threads + " threads");
        var (allocated, paused, started) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), Stopwatch.StartNew());
        var (bestOne, bestMany) = (double.MaxValue, double.MaxValue);
        var (cpuOne, cpuMany) = (0.0, 0.0);
        long words = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            (var seconds, var cpu, words) = Time(() => nlp.Pipe(texts, threads: 1));
            (bestOne, cpuOne) = (Math.Min(bestOne, seconds), cpuOne + cpu);
            (seconds, cpu, _) = Time(() => nlp.Pipe(texts, threads: threads));
            (bestMany, cpuMany) = (Math.Min(bestMany, seconds), cpuMany + cpu);
        }

        Console.WriteLine($"pipe: 1 thread: {words / bestOne:N0} words/s ({words * passes / cpuOne:N0} per CPU second)");
        Console.WriteLine($"pipe: {threads} threads: {words / bestMany:N0} words/s ({words * passes / cpuMany:N0} per CPU second)");
        Console.WriteLine($"pipe: ratio {bestOne / bestMany:F2}x (best of {passes} passes each; load after: {LoadAverage()})");

        // Garbage collections pause every thread: their share bounds what a second thread can add.
        Console.WriteLine($"pipe: {(GC.GetTotalAllocatedBytes() - allocated) / (2.0 * passes * words):F0} bytes allocated per word, " +
            $"GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / started.Elapsed.TotalMilliseconds:P1} of the time");
    }

    private static (double Seconds, double Cpu, long Words) Time(Func<IEnumerable<Tokens.Doc>> run)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long words = 0;
        foreach (var doc in run())
        {
            words += doc.Length;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (seconds, (process.TotalProcessorTime - cpu).TotalSeconds, words);
    }

    private static long Signature(IEnumerable<Tokens.Doc> docs)
    {
        var hash = new HashCode();
        foreach (var doc in docs)
        {
            foreach (var token in doc)
            {
                hash.Add(token.Orth);
                hash.Add(token.PosId);
                hash.Add(token.HeadIndex);
                hash.Add(token.DepId);
                hash.Add(token.EntIobId);
            }
        }

        return hash.ToHashCode();
    }

    private static string? DefaultModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "artifacts/models/en_core_web_sm/model-best");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
