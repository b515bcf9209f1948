using System.Diagnostics;
using Pipeline;
using Pipeline.Components.Parsing;
using Pipeline.Components.Tagging;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Benchmarks;

/// <summary>
/// Trains the tagger and then the parser on a UD treebank's train split (gold tokens; the parser learns from the
/// tagger's predicted tags), then prints the time per epoch, dev UAS and LAS (CoNLL 2018: every word, punctuation
/// included; LAS compares the universal part of the label) with predicted tags, and the parser's speed on one
/// thread. Treebanks: PARSER_TREEBANKS (comma-separated, default en_ewt; e.g. en_ewt,pt_bosque). Epochs:
/// PARSER_EPOCHS (default 15) and TAGGER_EPOCHS (default 15); PARSER_DEV_EACH_EPOCH=1 scores dev after every epoch.
/// </summary>
public static class ParserBenchmark
{
    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        var corpora = CorpusLocator.Find();
        if (corpora is null)
        {
            Console.WriteLine("parser: shared/corpora not found; set PIPELINE_CORPORA");
            return;
        }

        var treebanks = (Environment.GetEnvironmentVariable("PARSER_TREEBANKS") ?? "en_ewt").Split(',', StringSplitOptions.RemoveEmptyEntries);
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
        var train = ConlluReader.Read(Path.Combine(corpora, "ud", treebank, "train.conllu")).Select(s => s.ToDoc(vocab)).ToList();
        var dev = ConlluReader.Read(Path.Combine(corpora, "ud", treebank, "dev.conllu")).Select(s => s.ToDoc(vocab)).ToList();
        Console.WriteLine($"parser: {treebank} train {train.Count} sentences / {train.Sum(d => d.Length)} words, dev {dev.Count} / {dev.Sum(d => d.Length)}");

        var clock = Stopwatch.StartNew();
        var tagger = new Tagger();
        tagger.Train(train, taggerEpochs, seed: 1);
        Console.WriteLine($"parser: tagger trained ({taggerEpochs} epochs) in {clock.Elapsed.TotalSeconds:F1}s");
        var trainInputs = train.Select(d => tagger.Process(Words(d))).ToList();
        var devInputs = dev.Select(d => tagger.Process(Words(d))).ToList();

        var parser = new Parser();
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
        Console.WriteLine($"parser: {treebank} dev UAS {u:F2}  LAS {l:F2} (predicted tags)");
        var goldTagged = dev.Select(d => WithTags(Words(d), d)).ToList();
        var (gu, gl) = Evaluate(parser, goldTagged, dev);
        Console.WriteLine($"parser: {treebank} dev UAS {gu:F2}  LAS {gl:F2} (gold tags)");

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
        best = double.MaxValue;
        for (var pass = 0; pass < 3; pass++)
        {
            clock.Restart();
            foreach (var doc in dev)
            {
                parser.Process(tagger.Process(Words(doc)));
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"parser: {words / best:N0} words/s on one thread (tagger + parser from words, fastest of 3 passes)");
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

    /// <summary>UAS and LAS in percent over every word; a root is labelled right whatever its label is called.</summary>
    private static (double Uas, double Las) Evaluate(Parser parser, List<Doc> inputs, List<Doc> gold)
    {
        long total = 0, uas = 0, las = 0;
        for (var k = 0; k < inputs.Count; k++)
        {
            // Forget the sentence starts of an earlier parse: the whole sentence is one input.
            foreach (var token in inputs[k].Tokens)
            {
                token.IsSentStart = null;
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
