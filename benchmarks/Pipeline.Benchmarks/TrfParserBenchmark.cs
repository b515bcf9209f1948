using Pipeline.Transformers;
using Pipeline.Transformers.Heads;

namespace Pipeline.Benchmarks;

/// <summary>
/// Trains the "trf_parser" head over the transformer's vectors on UD English-EWT train (gold tokens) and prints,
/// per epoch, its training time, UAS and LAS on dev (LAS with full labels and with universal ones, as the CoNLL 2018
/// scorer counts), and the head's own parse speed (the vectors are computed before the clock starts). The encoded
/// corpus is kept under TRF_CACHE (default: no cache). TRF_SENTENCES limits the training sentences, TRF_EPOCHS
/// sets the epochs (default 10); TRF_HIDDEN, TRF_ARC, TRF_PROJECTION, TRF_RADIUS, TRF_LR and TRF_DROPOUT the
/// parser's settings.
/// </summary>
public static class TrfParserBenchmark
{
    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        if (CorpusLocator.FindFor("trf_parser") is not { } corpora)
        {
            return;
        }

        var vocab = new Vocab("en");
        var train = ConlluReader.Read(Path.Combine(corpora, "ud/en_ewt/train.conllu")).Take(Env("TRF_SENTENCES", int.MaxValue)).Select(s => s.ToDoc(vocab)).ToList();
        var dev = ConlluReader.Read(Path.Combine(corpora, "ud/en_ewt/dev.conllu")).Select(s => s.ToDoc(vocab)).ToList();
        var transformerConfig = new Dictionary<string, object?> { ["threads"] = 1 };
        if (Environment.GetEnvironmentVariable("TRF_CACHE") is { Length: > 0 } cache)
        {
            transformerConfig["cache_dir"] = cache;
        }

        var clock = Stopwatch.StartNew();
        using var transformer = new TransformerComponent(transformerConfig);
        transformer.PrepareCorpus([.. train, .. dev]);
        var trainInputs = train.ConvertAll(g => transformer.Process(Input(vocab, g)));
        var devInputs = dev.ConvertAll(g => transformer.Process(Input(vocab, g)));
        var devWords = dev.Sum(d => d.Length);
        Console.WriteLine($"trf_parser: {train.Count} training sentences ({train.Sum(d => d.Length)} words), {dev.Count} dev ({devWords} words); encoded or read in {clock.Elapsed.TotalSeconds:F0}s");

        var settings = new Dictionary<string, object?>
        {
            ["hidden"] = Env("TRF_HIDDEN", 256),
            ["arc_size"] = Env("TRF_ARC", 256),
            ["projection"] = Env("TRF_PROJECTION", 128),
            ["radius"] = Env("TRF_RADIUS", 2),
            ["learning_rate"] = Environment.GetEnvironmentVariable("TRF_LR") ?? "0.001",
            ["dropout"] = Environment.GetEnvironmentVariable("TRF_DROPOUT") ?? "0.1",
        };
        var parser = new NeuralParser(settings);
        parser.Initialize(train);
        var order = Enumerable.Range(0, train.Count).ToArray();
        for (var epoch = 1; epoch <= Env("TRF_EPOCHS", 10); epoch++)
        {
            new Random(epoch).Shuffle(order);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var (errors, count) = (0L, 0L);
            foreach (var i in order)
            {
                var loss = parser.Update(trainInputs[i], train[i]);
                (errors, count) = (errors + loss.Errors, count + loss.Total);
            }

            parser.FinishTraining();
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var trainCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            foreach (var doc in devInputs)
            {
                parser.Process(doc);
            }

            var parseSeconds = clock.Elapsed.TotalSeconds;
            var parseCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var (uas, las, ulas) = Score(dev, devInputs);
            Console.WriteLine($"trf_parser: epoch {epoch}: train {trainSeconds:F0}s ({trainCpu:F0} CPU-s, LAS errors {100.0 * errors / Math.Max(1, count):F1}%); " +
                $"dev UAS {uas:F2} LAS {las:F2} (universal labels {ulas:F2}); parse {devWords / parseSeconds:F0} words/s, {devWords / parseCpu:F0} words per CPU-second; load {LoadAverage()}");
        }
    }

    private static Doc Input(Vocab vocab, Doc gold) => new(vocab, [.. gold.Tokens.Select(t => t.Text)], [.. gold.Tokens.Select(t => t.Whitespace)]);

    private static (double Uas, double Las, double UniversalLas) Score(List<Doc> golds, List<Doc> predicted)
    {
        var (all, heads, labels, universal) = (0, 0, 0, 0);
        for (var d = 0; d < golds.Count; d++)
        {
            for (var i = 0; i < golds[d].Length; i++)
            {
                var (g, p) = (golds[d][i], predicted[d][i]);
                all++;
                if (g.HeadIndex == p.HeadIndex)
                {
                    heads++;
                    labels += g.Dep == p.Dep ? 1 : 0;
                    universal += g.Dep.Split(':')[0] == p.Dep.Split(':')[0] ? 1 : 0;
                }
            }
        }

        return (100.0 * heads / all, 100.0 * labels / all, 100.0 * universal / all);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
