using System.Globalization;
using Pipeline.Components;
using Pipeline.Training;
using Pipeline.Transformers;

namespace Pipeline.Benchmarks;

/// <summary>
/// Trains trf_ner over the transformer on UNER English-EWT train (gold tokens; train labels outside dev's read as O,
/// as <c>pipeline train</c> reads them) and prints per epoch the training time and dev entity P/R/F. The corpora are
/// encoded once (TRF_CACHE_DIR, default the OS temp folder, keeps them between runs). TRF_EPOCHS (default 5),
/// TRF_TRAIN (sentences, default all), TRF_NER_ARGS ("key=value,..." for trf_ner), TRF_LAYERS (the transformer's
/// "layers"), TRF_QUANTIZE (its "quantize") and TRF_THREADS (its threads) pick the run.
/// </summary>
public static class TrfNerBenchmark
{
    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        if (CorpusLocator.FindFor("trf_ner") is not { } corpora)
        {
            return;
        }

        var nlp = Nlp.Blank("en");
        var dev = new Iob2Reader().Read(Path.Combine(corpora, "ner", "en_ewt", "dev.iob2")).Select(s => s.ToDoc(nlp.Vocab)).ToList();
        var labels = dev.SelectMany(d => d.Ents).Select(e => e.Label).Distinct().ToList();
        var train = new Iob2Reader(labels).Read(Path.Combine(corpora, "ner", "en_ewt", "train.iob2")).Select(s => s.ToDoc(nlp.Vocab))
            .Take(TransformerHeadsBenchmark.Env("TRF_TRAIN", int.MaxValue)).ToList();
        var transformer = TransformerHeadsBenchmark.TransformerConfig();
        nlp.AddPipe(nlp.CreatePipe("transformer", transformer));
        var config = TransformerHeadsBenchmark.Args("TRF_NER_ARGS");
        nlp.AddPipe(nlp.CreatePipe("trf_ner", config));
        Console.WriteLine($"trf_ner: {string.Join(", ", config.Select(kv => $"{kv.Key}={kv.Value}"))}");

        var clock = Stopwatch.StartNew();
        ((IPreparesCorpus)nlp.Pipeline[0].Pipe).PrepareCorpus([.. train, .. dev]);
        Console.WriteLine($"trf_ner: en_ewt train {train.Count} sentences, dev {dev.Count}; prepared in {clock.Elapsed.TotalSeconds:F1}s (cache {transformer["cache_dir"]})");
        var trainer = nlp.BeginTraining(train, seed: 0);
        var total = TimeSpan.Zero;
        for (var epoch = 0; epoch < TransformerHeadsBenchmark.Env("TRF_EPOCHS", 5); epoch++)
        {
            clock.Restart();
            trainer.TrainEpoch(epoch);
            total += clock.Elapsed;
            var predicted = dev.Select(gold =>
            {
                var doc = gold.Unannotated();
                foreach (var (_, pipe) in nlp.Pipeline)
                {
                    pipe.Process(doc);
                }

                return doc;
            }).ToList();
            var scores = EntityScorer.Score(dev, predicted).Overall;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch + 1,2}: {clock.Elapsed.TotalSeconds,6:F1}s (total {total.TotalMinutes:F1} min)  dev {scores}"));
        }

        trainer.Finish();
    }
}
