using Pipeline.Components.Parsing;
using Pipeline.Components.Tagging;

namespace Pipeline.Benchmarks;

/// <summary>
/// Trains the tagger and then the parser on a UD treebank's train split (gold tokens and sentences; the parser learns
/// from the tagger's predicted tags), then prints the time per epoch, dev UAS and LAS (CoNLL 2018: every word,
/// punctuation included; LAS compares the universal part of the label) with predicted tags, and the parser's speed
/// on one thread. Settings (environment): PARSER_TREEBANKS (comma-separated, default en_ewt; e.g.
/// en_ewt,pt_bosque), PARSER_EPOCHS and TAGGER_EPOCHS (default 15 each), PARSER_JACKKNIFE=k to tag the training
/// sentences with k taggers each trained without them (default 0: the tagger trained on all of them tags them), and
/// PARSER_DEV_EACH_EPOCH=1 to score dev after every epoch. PARSER_MODEL=dir instead times a saved pipeline (e.g.
/// the trainer's model-best) over the first treebank's dev words, in wall-clock and in CPU time (the second is
/// steadier on a shared machine).
/// </summary>
public static class ParserBenchmark
{
    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        if (CorpusLocator.FindFor("parser") is not { } corpora)
        {
            return;
        }

        var treebanks = (Environment.GetEnvironmentVariable("PARSER_TREEBANKS") ?? "en_ewt").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (Environment.GetEnvironmentVariable("PARSER_MODEL") is { Length: > 0 } model)
        {
            TimeSavedModel(corpora, treebanks[0].Trim(), model);
            return;
        }

        foreach (var treebank in treebanks)
        {
            RunTreebank(corpora, treebank.Trim());
        }
    }

    private static void RunTreebank(string corpora, string treebank)
    {
        var parserEpochs = Env("PARSER_EPOCHS", 15);
        var taggerEpochs = Env("TAGGER_EPOCHS", 15);
        var vocab = new Vocab(treebank[..2]);
        var train = CorpusLocator.TreebankDocs(corpora, treebank, "train", vocab);
        var dev = CorpusLocator.TreebankDocs(corpora, treebank, "dev", vocab);
        Console.WriteLine($"parser: {treebank} train {train.Count} sentences / {train.Sum(d => d.Length)} words, dev {dev.Count} / {dev.Sum(d => d.Length)}");

        var clock = Stopwatch.StartNew();
        var tagger = new Tagger();
        tagger.Train(train, taggerEpochs, seed: 1);
        Console.WriteLine($"parser: tagger trained ({taggerEpochs} epochs) in {clock.Elapsed.TotalSeconds:F1}s");
        var folds = Env("PARSER_JACKKNIFE", 0);
        var trainInputs = folds > 1 ? Jackknife(train, folds, taggerEpochs) : train.Select(d => tagger.Process(Words(d))).ToList();
        Console.WriteLine(folds > 1
            ? $"parser: training sentences tagged by {folds} taggers trained without them"
            : "parser: training sentences tagged by the tagger trained on them");
        var devInputs = dev.Select(d => tagger.Process(Words(d))).ToList();
        foreach (var doc in trainInputs)
        {
            MarkOneSentence(doc);
        }

        // Jackknifed tags are as noisy as the tagger's on new text already; otherwise the parser adds noise itself.
        var parser = folds > 1 ? new Parser { TagNoise = 0 } : new Parser();
        var perEpochDev = Environment.GetEnvironmentVariable("PARSER_DEV_EACH_EPOCH") == "1";
        clock.Restart();
        var last = TimeSpan.Zero;
        parser.Train(train, parserEpochs, seed: 1, inputs: trainInputs, onEpoch: (epoch, accuracy) =>
        {
            var line = $"  epoch {epoch,2}: train moves right {accuracy * 100:F2}%  {(clock.Elapsed - last).TotalSeconds:F1}s";
            if (perEpochDev)
            {
                var snapshot = new Parser();
                snapshot.FromBytes(parser.ToBytes());
                var (uas, las) = Evaluate(snapshot, devInputs, dev);
                line += $"  dev UAS {uas:F2} LAS {las:F2}";
            }

            Console.WriteLine(line);
            last = clock.Elapsed;
        });
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"parser: trained {parserEpochs} epochs in {seconds:F1}s ({seconds / parserEpochs:F1}s/epoch), " +
            $"{parser.ActionCount} actions, {parser.Labels.Count} labels, model {parser.ToBytes().Length / 1e6:F1} MB, " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");

        var (u, l) = Evaluate(parser, devInputs, dev);
        Console.WriteLine($"parser: {treebank} dev UAS {u:F2}  LAS {l:F2} (predicted tags, gold sentences)");
        var goldTagged = dev.Select(d => WithTags(Words(d), d)).ToList();
        var (gu, gl) = Evaluate(parser, goldTagged, dev);
        Console.WriteLine($"parser: {treebank} dev UAS {gu:F2}  LAS {gl:F2} (gold tags, gold sentences)");
        var (su, sl) = Evaluate(parser, devInputs, dev, markSentences: false);
        var split = devInputs.Count(d => d.Sents.Count() > 1);
        Console.WriteLine($"parser: {treebank} dev UAS {su:F2}  LAS {sl:F2} (predicted tags, each sentence unmarked: {split} of {dev.Count} split)");
        foreach (var doc in devInputs)
        {
            MarkOneSentence(doc);
        }

        // The machine may be shared: time several passes over dev and report the fastest.
        var words = devInputs.Sum(d => (long)d.Length);
        var best = double.MaxValue;
        for (var pass = 0; pass < 5; pass++)
        {
            clock.Restart();
            foreach (var doc in devInputs)
            {
                parser.Process(doc);
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"parser: {words / best:N0} words/s on one thread (parser alone, fastest of 5 passes over dev)");
        var plain = dev.Select(Words).ToList();
        foreach (var doc in plain)
        {
            MarkOneSentence(doc);
        }

        best = double.MaxValue;
        for (var pass = 0; pass < 5; pass++)
        {
            clock.Restart();
            foreach (var doc in plain)
            {
                parser.Process(tagger.Process(doc));
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"parser: {words / best:N0} words/s on one thread (tagger + parser, fastest of 5 passes)");
    }

    /// <summary>Runs every component of a saved pipeline over the dev words, five passes, and prints the fastest.</summary>
    private static void TimeSavedModel(string corpora, string treebank, string path)
    {
        var nlp = Nlp.Load(path);
        var dev = CorpusLocator.TreebankDocs(corpora, treebank, "dev", nlp.Vocab);
        var words = dev.Sum(d => (long)d.Length);
        var process = Process.GetCurrentProcess();
        double bestWall = double.MaxValue, bestCpu = double.MaxValue;
        var perPipe = new double[nlp.Pipeline.Count];
        Array.Fill(perPipe, double.MaxValue);
        var pipeClock = new Stopwatch();
        for (var pass = 0; pass < 6; pass++)
        {
            var inputs = dev.Select(Words).ToList();
            var spent = new double[perPipe.Length];
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            foreach (var doc in inputs)
            {
                var current = doc;
                for (var i = 0; i < nlp.Pipeline.Count; i++)
                {
                    pipeClock.Restart();
                    current = nlp.Pipeline[i].Pipe.Process(current);
                    spent[i] += pipeClock.Elapsed.TotalSeconds;
                }
            }

            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            if (pass > 0)
            {
                bestWall = Math.Min(bestWall, wall);
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
                for (var i = 0; i < spent.Length; i++)
                {
                    perPipe[i] = Math.Min(perPipe[i], spent[i]);
                }
            }
        }

        Console.WriteLine($"parser: {path} ({string.Join("+", nlp.PipeNames)}) on {treebank} dev, {words} words, one thread: " +
            $"{words / bestWall:N0} words/s wall-clock, {words / bestCpu:N0} words/s of CPU time (fastest of 5 passes after a warm-up)");
        Console.WriteLine("parser: per component, words/s: " +
            string.Join(", ", nlp.PipeNames.Select((name, i) => $"{name} {words / perPipe[i]:N0}")));
    }

    /// <summary>Tags each fold of the sentences with a tagger trained on the other folds.</summary>
    private static List<Doc> Jackknife(List<Doc> train, int folds, int epochs)
    {
        var inputs = train.Select(Words).ToList();
        for (var fold = 0; fold < folds; fold++)
        {
            var tagger = new Tagger();
            tagger.Train(train.Where((_, i) => i % folds != fold).ToList(), epochs, seed: 1);
            for (var i = fold; i < train.Count; i += folds)
            {
                tagger.Process(inputs[i]);
            }
        }

        return inputs;
    }

    /// <summary>Marks the doc as one known sentence, so the parser makes it a single tree.</summary>
    private static void MarkOneSentence(Doc doc)
    {
        foreach (var token in doc.Tokens)
        {
            token.IsSentStart = token.I == 0;
        }
    }

    private static Doc Words(Doc gold) =>
        new(gold.Vocab, gold.Tokens.Select(t => t.Text).ToList(), gold.Tokens.Select(t => t.Whitespace).ToList());

    private static Doc WithTags(Doc doc, Doc gold)
    {
        for (var i = 0; i < doc.Length; i++)
        {
            doc[i].Pos = gold[i].Pos;
            doc[i].Tag = gold[i].Tag;
        }

        return doc;
    }

    /// <summary>
    /// UAS and LAS in percent over every word; a root is labelled right whatever its label is called. Each gold
    /// sentence is one input doc, marked as one sentence or (<paramref name="markSentences"/> false) left for the
    /// parser to split.
    /// </summary>
    private static (double Uas, double Las) Evaluate(Parser parser, List<Doc> inputs, List<Doc> gold, bool markSentences = true)
    {
        long total = 0, uas = 0, las = 0;
        for (var k = 0; k < inputs.Count; k++)
        {
            foreach (var token in inputs[k].Tokens)
            {
                token.IsSentStart = markSentences ? token.I == 0 : null;
            }

            var doc = parser.Process(inputs[k]);
            var g = gold[k];
            for (var i = 0; i < doc.Length; i++)
            {
                total++;
                if (doc[i].HeadIndex != g[i].HeadIndex)
                {
                    continue;
                }

                uas++;
                var root = g[i].HeadIndex == i;
                las += root || Universal(doc[i].Dep) == Universal(g[i].Dep) ? 1 : 0;
            }
        }

        return (100.0 * uas / total, 100.0 * las / total);
    }

    private static string Universal(string label) => label.Split(':')[0];

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
