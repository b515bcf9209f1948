using System.Globalization;
using Pipeline.Trainer.Training;

namespace Pipeline.Benchmarks;

/// <summary>
/// Times `pipeline train` itself: by default two epochs of tagger+parser+ner on ud/en_ewt and ner/en_ewt, printing
/// for each epoch the wall and CPU seconds of the training pass alone (from the first example to the last, before
/// the checkpoint is written and scored) and then the whole run. On two cores a pass runs its last component beside the
/// others, so wall seconds fall below CPU seconds; under <c>taskset -c 0</c> the process sees one core and the
/// figures are those of one core. After each epoch it prints the dev scores. TRAIN_PIPELINE (comma-separated), TRAIN_EPOCHS and
/// TRAIN_TREEBANK (default en_ewt; ner/&lt;name&gt; is used when it exists) and TRAIN_SENTS (the first N training
/// sentences) change the run; TRAIN_TEMPLATE=path trains
/// with a meta template instead (its pipeline, epochs and tokenizer), e.g. meta-templates/en_core_web_sm.json for
/// the default training of a language.
/// </summary>
public static class TrainingBenchmark
{
    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        if (CorpusLocator.FindFor("training") is not { } corpora)
        {
            return;
        }

        var treebank = Environment.GetEnvironmentVariable("TRAIN_TREEBANK") is { Length: > 0 } t ? t : "en_ewt";
        var template = Environment.GetEnvironmentVariable("TRAIN_TEMPLATE") is { Length: > 0 } m ? Path.GetFullPath(m) : null;
        var ner = Path.Combine(corpora, "ner", treebank);
        var hasNer = Directory.Exists(ner);
        var pipeline = Environment.GetEnvironmentVariable("TRAIN_PIPELINE") is { Length: > 0 } p
            ? p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : template is null ? hasNer ? ["tagger", "parser", "ner"] : ["tagger", "parser"] : null;
        var epochs = int.TryParse(Environment.GetEnvironmentVariable("TRAIN_EPOCHS"), out var e) ? e : template is null ? 2 : (int?)null;
        var output = Path.Combine(Path.GetTempPath(), $"pipeline-training-benchmark-{Environment.ProcessId}");
        var wantsNer = pipeline?.Contains("ner") ?? hasNer;
        var options = new TrainingOptions
        {
            Lang = treebank.Split('_')[0],
            Output = output,
            TrainPath = Path.Combine(corpora, "ud", treebank, "train.conllu"),
            DevPath = Path.Combine(corpora, "ud", treebank, "dev.conllu"),
            NerTrainPath = wantsNer && hasNer ? Path.Combine(ner, "train.iob2") : null,
            NerDevPath = wantsNer && hasNer ? Path.Combine(ner, "dev.iob2") : null,
            MetaPath = template,
            Pipeline = pipeline,
            Epochs = epochs,
            MaxSentences = int.TryParse(Environment.GetEnvironmentVariable("TRAIN_SENTS"), out var n) ? n : null,
        };

        var progress = new EpochClock();
        var clock = Stopwatch.StartNew();
        try
        {
            var result = new TrainingRunner(options, progress).Run();
            Console.WriteLine($"training: {treebank}, {string.Join(",", pipeline ?? ["(template)"])}, {result.Epochs.Count} epoch(s): " +
                $"{clock.Elapsed.TotalSeconds:F1}s in all (reading, training, checkpoints, dev scoring)");
            foreach (var (key, value) in result.FinalAccuracy.Where(a => a.Key is "upos" or "las" or "ents_f" or "lemma" or "token_f1"))
            {
                Console.WriteLine($"  final {key} {value:F2}");
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>Times each epoch's training pass in wall and CPU seconds.</summary>
    private sealed class EpochClock : ITrainingProgress
    {
        private readonly Stopwatch _wall = new();
        private TimeSpan _cpu;

        public void EpochStarted(int epoch, int epochs, int examples)
        {
            _cpu = Process.GetCurrentProcess().TotalProcessorTime;
            _wall.Restart();
        }

        public void Evaluating(int epoch)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpu;
            Console.WriteLine($"  epoch {epoch + 1}: training pass {_wall.Elapsed.TotalSeconds:F1}s wall, {cpu.TotalSeconds:F1}s CPU");
        }

        public void EpochCompleted(EpochResult result) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {result.Epoch + 1} dev: {string.Join(", ", result.Accuracy.Select(a => $"{a.Key} {a.Value:F2}"))}"));
    }
}
