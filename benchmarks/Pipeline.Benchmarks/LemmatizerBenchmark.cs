using Pipeline.Components.Lemmatization;
using Pipeline.Components.Morphology;
using Pipeline.Components.Tagging;

namespace Pipeline.Benchmarks;

/// <summary>
/// Trains the lemmatizer (and the tagger that feeds it) on UD English-EWT train, then prints lemma accuracy on dev
/// with gold and with predicted tags, the training time and the lemmatizer's speed on one thread; then the same
/// for the morphologizer (UFeats accuracy).
/// </summary>
public static class LemmatizerBenchmark
{
    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        if (CorpusLocator.FindFor("lemmatizer") is not { } corpora)
        {
            return;
        }

        var vocab = new Vocab("en");
        var train = CorpusLocator.TreebankDocs(corpora, "en_ewt", "train", vocab);
        var dev = CorpusLocator.TreebankDocs(corpora, "en_ewt", "dev", vocab);

        var clock = Stopwatch.StartNew();
        var lemmatizer = new Lemmatizer();
        lemmatizer.Train(train, seed: 1, onEpoch: (epoch, accuracy) => Console.WriteLine($"  epoch {epoch,2}: classifier train acc {accuracy * 100:F2}"));
        Console.WriteLine($"lemmatizer: trained in {clock.Elapsed.TotalSeconds:F1}s, {lemmatizer.ScriptCount} edit scripts, " +
            $"lookup {lemmatizer.LookupSize} pairs, model {lemmatizer.ToBytes().Length / 1e6:F1} MB");

        var tagger = new Tagger();
        tagger.Train(train, seed: 1);
        var withGoldTags = dev.ConvertAll(g => CopyWords(g, withTags: true));
        var withPredictedTags = dev.ConvertAll(g => tagger.Process(CopyWords(g, withTags: false)));
        Console.WriteLine($"lemmatizer: dev lemma accuracy {Accuracy(lemmatizer, withGoldTags, dev):F2} with gold tags, " +
            $"{Accuracy(lemmatizer, withPredictedTags, dev):F2} with predicted tags");

        clock.Restart();
        var morphologizer = new Morphologizer();
        morphologizer.Train(train, seed: 1);
        Console.WriteLine($"morphologizer: trained in {clock.Elapsed.TotalSeconds:F1}s, {morphologizer.Labels.Count} feature bundles, " +
            $"model {morphologizer.ToBytes().Length / 1e6:F1} MB");
        Console.WriteLine($"morphologizer: dev UFeats {MorphAccuracy(morphologizer, withGoldTags, dev):F2} with gold tags, " +
            $"{MorphAccuracy(morphologizer, withPredictedTags, dev):F2} with predicted tags");

        var words = dev.Sum(d => (long)d.Length);
        var best = double.MaxValue;
        for (var pass = 0; pass < 5; pass++)
        {
            clock.Restart();
            foreach (var doc in withPredictedTags)
            {
                lemmatizer.Process(doc);
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"lemmatizer: {words / best:N0} words/s on one thread (fastest of 5 passes over dev)");
    }

    private static Doc CopyWords(Doc gold, bool withTags)
    {
        var doc = new Doc(gold.Vocab, gold.Tokens.Select(t => t.Text).ToList(), gold.Tokens.Select(t => t.Whitespace).ToList());
        if (withTags)
        {
            for (var i = 0; i < doc.Length; i++)
            {
                doc[i].PosId = gold[i].PosId;
                doc[i].TagId = gold[i].TagId;
            }
        }

        return doc;
    }

    private static double MorphAccuracy(Morphologizer morphologizer, List<Doc> docs, List<Doc> gold)
    {
        long total = 0, right = 0;
        for (var d = 0; d < docs.Count; d++)
        {
            var doc = morphologizer.Process(docs[d]);
            for (var i = 0; i < doc.Length; i++)
            {
                total++;
                right += doc[i].Morph == gold[d][i].Morph ? 1 : 0;
            }
        }

        return 100.0 * right / total;
    }

    private static double Accuracy(Lemmatizer lemmatizer, List<Doc> docs, List<Doc> gold)
    {
        long total = 0, right = 0;
        for (var d = 0; d < docs.Count; d++)
        {
            var doc = lemmatizer.Process(docs[d]);
            for (var i = 0; i < doc.Length; i++)
            {
                total++;
                right += doc[i].Lemma == gold[d][i].Lemma ? 1 : 0;
            }
        }

        return 100.0 * right / total;
    }
}
