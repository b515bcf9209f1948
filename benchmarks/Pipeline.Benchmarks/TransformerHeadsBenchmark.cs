using System.Globalization;
using Pipeline.Components;
using Pipeline.Transformers;

namespace Pipeline.Benchmarks;

/// <summary>
/// Trains the neural heads trf_tagger and trf_morphologizer over the transformer on UD English-EWT train (gold
/// tokens) and prints dev UPOS, XPOS (0 unless the tagger predicts it) and UFeats after every epoch with the epoch's time. The corpora are encoded once
/// (TRF_CACHE_DIR, default the OS temp folder, keeps them between runs, in the same file a <c>pipeline train</c>
/// run over en_ewt train and dev writes). TRF_EPOCHS (default 8), TRF_TRAIN (sentences, default all),
/// TRF_HEAD_ARGS ("key=value,..." for both heads), TRF_TAGGER_ARGS and TRF_MORPH_ARGS (one head's own) and
/// TRF_HEADS ("tagger,morphologizer") pick the run; TRF_LAYERS sets the transformer's "layers", TRF_QUANTIZE its
/// "quantize" and TRF_THREADS its threads.
/// </summary>
public static class TransformerHeadsBenchmark
{
    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        if (CorpusLocator.FindFor("trf-heads") is not { } corpora)
        {
            return;
        }

        var epochs = Env("TRF_EPOCHS", 8);
        var nlp = Nlp.Blank("en");
        var train = CorpusLocator.TreebankDocs(corpora, "en_ewt", "train", nlp.Vocab).Take(Env("TRF_TRAIN", int.MaxValue)).ToList();
        var dev = CorpusLocator.TreebankDocs(corpora, "en_ewt", "dev", nlp.Vocab);
        var transformer = TransformerConfig();
        nlp.AddPipe(nlp.CreatePipe("transformer", transformer));
        var heads = (Environment.GetEnvironmentVariable("TRF_HEADS") ?? "tagger,morphologizer").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var shared = Args("TRF_HEAD_ARGS");
        foreach (var head in heads)
        {
            var config = new Dictionary<string, object?>(shared);
            foreach (var (key, value) in Args(head == "tagger" ? "TRF_TAGGER_ARGS" : "TRF_MORPH_ARGS"))
            {
                config[key] = value;
            }

            nlp.AddPipe(nlp.CreatePipe("trf_" + head, config));
            Console.WriteLine($"trf-heads: trf_{head} {string.Join(", ", config.Select(kv => $"{kv.Key}={kv.Value}"))}");
        }

        var clock = Stopwatch.StartNew();
        ((IPreparesCorpus)nlp.Pipeline[0].Pipe).PrepareCorpus([.. train, .. dev]);
        Console.WriteLine($"trf-heads: en_ewt train {train.Count} sentences, dev {dev.Count}; prepared in {clock.Elapsed.TotalSeconds:F1}s (cache {transformer["cache_dir"]})");
        var trainer = nlp.BeginTraining(train, seed: 0);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            clock.Restart();
            var losses = trainer.TrainEpoch(epoch);
            var seconds = clock.Elapsed.TotalSeconds;
            var (upos, xpos, feats) = Evaluate(nlp, dev);
            var loss = string.Join(" ", losses.Select(l => $"{l.Key} {100.0 * (1 - ((double)l.Value.Errors / Math.Max(1, l.Value.Total))):F2}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch + 1,2}: {seconds,6:F1}s  train acc {loss}  dev UPOS {upos:F2} XPOS {xpos:F2} UFeats {feats:F2}"));
        }

        trainer.Finish();
    }

    /// <summary>
    /// The transformer's config from TRF_CACHE_DIR (default: pipeline-tokvec in the OS temp folder), TRF_THREADS
    /// (default 1), TRF_LAYERS and TRF_QUANTIZE, shared by the benchmarks that train heads over it.
    /// </summary>
    internal static Dictionary<string, object?> TransformerConfig()
    {
        var cacheDir = Environment.GetEnvironmentVariable("TRF_CACHE_DIR") is { Length: > 0 } c ? c : Path.Combine(Path.GetTempPath(), "pipeline-tokvec");
        var transformer = new Dictionary<string, object?> { ["cache_dir"] = cacheDir, ["threads"] = Env("TRF_THREADS", 1) };
        if (Environment.GetEnvironmentVariable("TRF_LAYERS") is { Length: > 0 } layers)
        {
            transformer["layers"] = layers;
        }

        if (Environment.GetEnvironmentVariable("TRF_QUANTIZE") is { Length: > 0 } quantize)
        {
            transformer["quantize"] = quantize;
        }

        return transformer;
    }

    /// <summary>Dev UPOS, XPOS and UFeats accuracy (percent) of the pipeline over gold tokens.</summary>
    internal static (double Upos, double Xpos, double Feats) Evaluate(Language nlp, IReadOnlyList<Doc> dev)
    {
        long upos = 0, xpos = 0, feats = 0, words = 0;
        foreach (var gold in dev)
        {
            var doc = gold.Unannotated();
            foreach (var (_, pipe) in nlp.Pipeline)
            {
                pipe.Process(doc);
            }

            for (var i = 0; i < gold.Length; i++)
            {
                words++;
                upos += doc[i].Pos == gold[i].Pos ? 1 : 0;
                xpos += doc[i].Tag == gold[i].Tag ? 1 : 0;
                feats += Feats(doc[i].Morph) == Feats(gold[i].Morph) ? 1 : 0;
            }
        }

        return (100.0 * upos / words, 100.0 * xpos / words, 100.0 * feats / words);
    }

    private static string Feats(string? morph) => morph is null or "_" ? string.Empty : morph;

    internal static Dictionary<string, object?> Args(string variable)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in (Environment.GetEnvironmentVariable(variable) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            result[parts[0].Trim()] = parts.Length > 1 ? parts[1].Trim() : null;
        }

        return result;
    }

    internal static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
