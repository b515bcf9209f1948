using Pipeline.Components.Tagging;

namespace Pipeline.Benchmarks;

/// <summary>
/// Trains the tagger on UD English-EWT train (gold tokens) with default settings, then prints UPOS/XPOS accuracy on
/// dev, the training time per epoch, the model size and tagging speed on one thread. Corpora are looked up as
/// shared/corpora beside the repository (or in PIPELINE_CORPORA).
/// </summary>
public static class TaggerBenchmark
{
    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        if (CorpusLocator.FindFor("tagger") is not { } corpora)
        {
            return;
        }

        var epochs = Env("TAGGER_EPOCHS", 15);
        var vocab = new Vocab("en");
        var train = CorpusLocator.TreebankDocs(corpora, "en_ewt", "train", vocab);
        var dev = CorpusLocator.TreebankDocs(corpora, "en_ewt", "dev", vocab);
        Console.WriteLine($"tagger: en_ewt train {train.Count} sentences / {train.Sum(d => d.Length)} words, dev {dev.Count} / {dev.Sum(d => d.Length)}");

        var tagger = new Tagger
        {
            AmbiguityMinCount = Env("TAGGER_AMB_MIN", 10),
            FrequencyThreshold = Env("TAGGER_FREQ", 20),
            SecondPass = Env("TAGGER_SECOND", 1) == 1,
            SecondPassMargin = Env("TAGGER_MARGIN", 8),
        };
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var perEpochDev = Environment.GetEnvironmentVariable("TAGGER_DEV_EACH_EPOCH") == "1";
        tagger.Train(train, epochs, seed: (ulong)Env("TAGGER_SEED", 1), onEpoch: (epoch, accuracy) =>
        {
            var elapsed = clock.Elapsed - last;
            var line = $"  epoch {epoch,2}: train acc {accuracy * 100:F2}  {elapsed.TotalSeconds:F1}s" +
                (epoch == 1 && tagger.SecondPass ? " (after the fold models that teach the second pass)" : string.Empty);
            if (perEpochDev)
            {
                var snapshot = new Tagger();
                snapshot.FromBytes(tagger.ToBytes());
                var (upos, xpos) = Evaluate(snapshot, dev);
                line += $"  dev UPOS {upos:F2} XPOS {xpos:F2}";
            }

            Console.WriteLine(line);
            last = clock.Elapsed;
        });
        Console.WriteLine($"tagger: trained {epochs} epochs in {clock.Elapsed.TotalSeconds:F1}s in all, with fold models and second pass " +
            $"({clock.Elapsed.TotalSeconds / epochs:F1}s/epoch), {tagger.PosLabels.Count}+{tagger.Labels.Count} classes, " +
            $"tag dictionary {tagger.TagDictionarySize} words, model {tagger.ToBytes().Length / 1e6:F1} MB");

        var (u, x) = Evaluate(tagger, dev);
        if (Environment.GetEnvironmentVariable("TAGGER_CONFUSIONS") == "1")
        {
            var confusions = new Dictionary<string, int>();
            foreach (var g in dev)
            {
                var doc = tagger.Process(new Doc(vocab, g.Tokens.Select(t => t.Text).ToList()));
                for (var i = 0; i < doc.Length; i++)
                {
                    if (doc[i].Pos != g[i].Pos)
                    {
                        var key = $"{g[i].Pos}->{doc[i].Pos}";
                        confusions[key] = confusions.GetValueOrDefault(key) + 1;
                    }
                }
            }

            Console.WriteLine(string.Join(", ", confusions.OrderByDescending(c => c.Value).Take(20).Select(c => $"{c.Key} {c.Value}")));
        }

        Console.WriteLine($"tagger: dev UPOS {u:F2}  XPOS {x:F2}");

        var inputs = dev.Select(d => new Doc(vocab, d.Tokens.Select(t => t.Text).ToList(), d.Tokens.Select(t => t.Whitespace).ToList())).ToList();
        foreach (var doc in inputs)
        {
            tagger.Process(doc);
        }

        // The machine may be shared: time several passes over dev, interleaving the tagger with and without its
        // second pass, and report the fastest pass of each (plus the rate by process CPU time).
        var firstPassOnly = new Tagger { SecondPass = false };
        firstPassOnly.FromBytes(tagger.ToBytes());
        var words = inputs.Sum(d => (long)d.Length);
        var (best, bestFirst) = (double.MaxValue, double.MaxValue);
        var cpuSeconds = 0.0;
        const int Passes = 8;
        for (var pass = 0; pass < Passes; pass++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            foreach (var doc in inputs)
            {
                tagger.Process(doc);
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            cpuSeconds += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            clock.Restart();
            foreach (var doc in inputs)
            {
                firstPassOnly.Process(doc);
            }

            bestFirst = Math.Min(bestFirst, clock.Elapsed.TotalSeconds);
        }

        var (u1, x1) = Evaluate(firstPassOnly, dev);
        Console.WriteLine($"tagger: {words / best:N0} words/s on one thread (fastest of {Passes} passes over dev), " +
            $"{words * Passes / cpuSeconds:N0} words per CPU second");
        Console.WriteLine($"tagger: first pass only: {words / bestFirst:N0} words/s, dev UPOS {u1:F2} XPOS {x1:F2}");
    }

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    private static (double Upos, double Xpos) Evaluate(Tagger tagger, List<Doc> gold)
    {
        long total = 0, upos = 0, xpos = 0;
        foreach (var g in gold)
        {
            var doc = new Doc(g.Vocab, g.Tokens.Select(t => t.Text).ToList(), g.Tokens.Select(t => t.Whitespace).ToList());
            tagger.Process(doc);
            for (var i = 0; i < doc.Length; i++)
            {
                total++;
                upos += doc[i].Pos == g[i].Pos ? 1 : 0;
                xpos += doc[i].Tag == g[i].Tag ? 1 : 0;
            }
        }

        return (100.0 * upos / total, 100.0 * xpos / total);
    }
}
