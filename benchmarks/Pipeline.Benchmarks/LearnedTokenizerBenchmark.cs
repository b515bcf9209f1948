using Pipeline.Tokenization.Learned;
using Pipeline.Training;
using Pipeline.Training.Scoring;

namespace Pipeline.Benchmarks;

/// <summary>
/// Trains the learned tokenizer on each UD treebank's train split and prints, on dev raw text (sentences joined into
/// documents as the evaluator does), token and sentence F1 (CoNLL 2018 alignment), the training time, the model
/// size and the tokenizing speed on one thread. $TOKENIZER_TREEBANKS (comma-separated) picks the treebanks.
/// </summary>
public static class LearnedTokenizerBenchmark
{
    private static readonly string[] DefaultTreebanks = ["en_ewt", "pt_bosque", "fr_sequoia", "ga_idt", "vi_vtb"];

    /// <summary>Runs the benchmark; prints figures and asserts nothing.</summary>
    public static void Run()
    {
        if (CorpusLocator.FindFor("learned-tokenizer") is not { } corpora)
        {
            return;
        }

        var chosen = Environment.GetEnvironmentVariable("TOKENIZER_TREEBANKS") is { Length: > 0 } list ? list.Split(',') : DefaultTreebanks;
        foreach (var treebank in chosen)
        {
            var trainPath = Path.Combine(corpora, "ud", treebank, "train.conllu");
            var devPath = Path.Combine(corpora, "ud", treebank, "dev.conllu");
            if (!File.Exists(trainPath) || !File.Exists(devPath))
            {
                Console.WriteLine($"{treebank}: not found");
                continue;
            }

            Evaluate(treebank, trainPath, devPath);
        }
    }

    private static void Evaluate(string treebank, string trainPath, string devPath)
    {
        var vocab = new Vocab(treebank[..2]);
        var train = ConlluReader.Read(trainPath).ToList();
        var dev = ConlluReader.Read(devPath).ToList();
        var clock = Stopwatch.StartNew();
        var tokenizer = LearnedTokenizer.Train(vocab, TokenizerDocuments.Group(train), new LearnedTokenizerOptions { Seed = 1 });
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var documents = TokenizerDocuments.Group(dev).Select(d => (Text: string.Join(' ', d.Select(TextOf)), Gold: d)).ToList();
        var scorer = new Scorer();
        foreach (var (text, gold) in documents)
        {
            scorer.Score(tokenizer.Tokenize(text), gold);
        }

        var scores = scorer.GetScores();
        if (Environment.GetEnvironmentVariable("TOKENIZER_ERRORS") is { Length: > 0 })
        {
            PrintErrors(tokenizer, documents);
        }

        var chars = documents.Sum(d => (long)d.Text.Length);
        var (words, best) = Time(tokenizer, documents.ConvertAll(d => d.Text));
        var rules = Nlp.Blank(treebank[..2] is "en" or "fr" or "pt" ? treebank[..2] : "xx");
        var ruleScorer = new Scorer();
        foreach (var (text, gold) in documents)
        {
            ruleScorer.Score(rules.Tokenizer.Tokenize(text), gold);
        }

        var (ruleWords, ruleBest) = Time(rules.Tokenizer, documents.ConvertAll(d => d.Text));
        Console.WriteLine($"{treebank}: rule tokenizer of '{rules.Lang}' for comparison: token F1 {ruleScorer.GetScores().Tokens!.Value.F1 * 100:F2}, " +
            $"{ruleWords / ruleBest / 1e3:F0}k words/s");

        Console.WriteLine($"{treebank}: token F1 {scores.Tokens!.Value.F1 * 100:F2}, sentence F1 {scores.Sentences!.Value.F1 * 100:F2}, " +
            $"trained in {trainSeconds:F1}s, model {tokenizer.ToBytes().Length / 1e6:F1} MB, {tokenizer.MultiwordCount} multiword forms, " +
            $"{words / best / 1e3:F0}k words/s ({chars / best / 1e6:F1}M chars/s) on one thread");
    }

    private static (long Words, double Seconds) Time(Pipeline.Tokenization.ITokenizer tokenizer, List<string> texts)
    {
        long words = 0;
        var best = double.MaxValue;
        for (var pass = 0; pass < 5; pass++)
        {
            words = 0;
            var clock = Stopwatch.StartNew();
            foreach (var text in texts)
            {
                words += tokenizer.Tokenize(text).Length;
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return (words, best);
    }

    // Prints surface-token boundary disagreements with some context (for error analysis).
    private static void PrintErrors(LearnedTokenizer tokenizer, List<(string Text, IReadOnlyList<ConlluSentence> Gold)> documents)
    {
        var printed = 0;
        foreach (var (text, gold) in documents)
        {
            var goldStarts = new HashSet<int>();
            var p = 0;
            foreach (var token in gold.SelectMany(s => s.Tokens))
            {
                var at = text.IndexOf(token.Form, p, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                goldStarts.Add(at);
                p = at + token.Form.Length;
            }

            var doc = tokenizer.Tokenize(text);
            var inner = doc.MultiwordTokens.SelectMany(m => Enumerable.Range(m.Start + 1, m.End - m.Start - 1)).ToHashSet();
            var systemStarts = doc.Tokens.Where(t => !string.IsNullOrWhiteSpace(t.Text) && !inner.Contains(t.I)).Select(t => t.Idx).ToHashSet();
            foreach (var miss in goldStarts.Except(systemStarts).Select(x => ("missed", x)).Concat(systemStarts.Except(goldStarts).Select(x => ("extra", x))))
            {
                if (printed++ < 120)
                {
                    var from = Math.Max(0, miss.x - 15);
                    Console.WriteLine($"  {miss.Item1} split: {text[from..miss.x]}|{text[miss.x..Math.Min(text.Length, miss.x + 15)]}".ReplaceLineEndings(" "));
                }
            }
        }
    }

    private static string TextOf(ConlluSentence sentence) =>
        !string.IsNullOrWhiteSpace(sentence.Text) ? sentence.Text.Trim() : string.Join(' ', sentence.Tokens.Select(t => t.Form));
}
