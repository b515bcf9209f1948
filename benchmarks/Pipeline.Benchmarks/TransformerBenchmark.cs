using Pipeline.Transformers;

namespace Pipeline.Benchmarks;

/// <summary>
/// Runs the "transformer" component alone (default encoder, all-MiniLM-L6-v2) over UD English-EWT dev with gold
/// tokens, in batches as nlp.Pipe hands them, and prints words/s and wordpieces/s with one and with two ONNX
/// Runtime threads, and words per CPU-second (steadier when other work shares the machine); then the same for the
/// whole trf pipeline (tokenizer, transformer, trf_tagger, trf_morphologizer) over the raw texts through nlp.Pipe
/// with one and two threads. Each runs once per encoder quantization in TRF_QUANTIZE (default "none,int8": float
/// weights, then int8 weight matrices). TRF_SENTENCES limits the sentences, TRF_BATCH sets the docs per batch
/// (default 64).
/// </summary>
public static class TransformerBenchmark
{
    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        if (CorpusLocator.FindFor("transformer") is not { } corpora)
        {
            return;
        }

        var vocab = new Vocab("en");
        var limit = Env("TRF_SENTENCES", int.MaxValue);
        var batchSize = Env("TRF_BATCH", 64);
        var words = ConlluReader.Read(Path.Combine(corpora, "ud/en_ewt/dev.conllu"))
            .Take(limit)
            .Select(s => s.ToDoc(vocab).Tokens.Select(t => t.Text).ToList())
            .ToList();
        var wordCount = words.Sum(w => w.Count);
        Console.WriteLine($"transformer: en_ewt dev {words.Count} sentences / {wordCount} words, batches of {batchSize} docs");
        var quantizations = (Environment.GetEnvironmentVariable("TRF_QUANTIZE") is { Length: > 0 } q ? q : "none,int8").Split(',');
        foreach (var (quantize, threads) in quantizations.SelectMany(q => new[] { (q, 1), (q, 2) }))
        {
            using var component = new TransformerComponent(new Dictionary<string, object?> { ["threads"] = threads, ["quantize"] = quantize });
            var pieces = words.Sum(ws => ws.Sum(w => component.Tokenizer.Split(w).Count));
            component.ProcessBatch([.. words.Take(16).Select(w => new Doc(vocab, w))]); // warm-up
            var docs = words.ConvertAll(w => new Doc(vocab, w));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            foreach (var batch in docs.Chunk(batchSize))
            {
                component.ProcessBatch(batch);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"transformer, quantize {quantize}: {threads} thread(s): {wordCount / seconds:F0} words/s, {pieces / seconds:F0} wordpieces/s " +
                $"({seconds:F1}s, {pieces} pieces, window {component.Window}, stride {component.Stride}, width {component.Width}); " +
                $"{wordCount / cpuSeconds:F0} words per CPU-second, load average {LoadAverage()}");
        }

        foreach (var quantize in quantizations)
        {
            RunPipeline(corpora, words.Count, batchSize, quantize);
        }
    }

    // The whole trf pipeline (tokenizer, transformer, trf_tagger, trf_morphologizer) over raw dev texts through
    // nlp.Pipe. The heads learn their labels from all of en_ewt train but train on a few docs only: their speed
    // depends on their sizes, not on how well they are trained.
    private static void RunPipeline(string corpora, int sentences, int batchSize, string quantize)
    {
        var nlp = Nlp.Blank("en");
        var train = CorpusLocator.TreebankDocs(corpora, "en_ewt", "train", nlp.Vocab);
        var texts = CorpusLocator.TreebankDocs(corpora, "en_ewt", "dev", nlp.Vocab).Take(sentences).Select(d => d.Text).ToList();
        nlp.AddPipe(nlp.CreatePipe("transformer", new Dictionary<string, object?> { ["quantize"] = quantize }));
        nlp.AddPipe(nlp.CreatePipe("trf_tagger"));
        nlp.AddPipe(nlp.CreatePipe("trf_morphologizer"));
        var trainer = nlp.BeginTraining(train, seed: 0);
        trainer.Update(train.Take(64), new Dictionary<string, Pipeline.Training.TrainingLoss>());
        trainer.Finish();
        _ = nlp.Pipe(texts.Take(16)).Count(); // warm-up
        foreach (var threads in new[] { 1, 2 })
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var wordCount = nlp.Pipe(texts, batchSize, threads).Sum(d => d.Length);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"trf pipeline (tokenizer, transformer, trf_tagger, trf_morphologizer), quantize {quantize}, nlp.Pipe with {threads} thread(s): " +
                $"{wordCount / seconds:F0} words/s ({wordCount} words, {seconds:F1}s); {wordCount / cpuSeconds:F0} words per CPU-second, load average {LoadAverage()}");
        }
    }

    // On a shared machine wall-clock speed depends on the other work; CPU time and the load show how much.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
