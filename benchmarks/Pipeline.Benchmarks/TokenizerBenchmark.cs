using System.Globalization;
using Pipeline.Lang;
using Pipeline.Tokenization;

namespace Pipeline.Benchmarks;

/// <summary>
/// Words per second of the English tokenizer on one thread, over the sentences of en_ewt train (or generated
/// English-like text when the corpus is absent): once warm (chunk cache filled), and once with a fresh tokenizer.
/// </summary>
public static class TokenizerBenchmark
{
    private static readonly TimeSpan MinMeasure = TimeSpan.FromSeconds(2);

    public static void Run()
    {
        var (texts, source) = LoadTexts();
        var words = texts.Sum(CountWords);
        Console.WriteLine($"tokenizer: {texts.Count:N0} texts, {words:N0} words from {source}");

        var tokenizer = new Tokenizer(new Vocab("en"), EnglishRules.Create());
        var tokens = TokenizeAll(tokenizer, texts);
        TokenizeAll(tokenizer, texts);
        var passes = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < MinMeasure || passes < 3)
        {
            TokenizeAll(tokenizer, texts);
            passes++;
        }

        watch.Stop();
        var warm = words * passes / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"warm: {warm:N0} words/s, {tokens * passes / watch.Elapsed.TotalSeconds:N0} tokens/s ({passes} passes)");

        var cold = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var fresh = new Tokenizer(new Vocab("en"), EnglishRules.Create());
            var coldWatch = Stopwatch.StartNew();
            TokenizeAll(fresh, texts);
            cold.Add(words / coldWatch.Elapsed.TotalSeconds);
        }

        cold.Sort();
        Console.WriteLine($"cold (fresh tokenizer and vocab, one pass, median of 5): {cold[2]:N0} words/s");
    }

    private static long TokenizeAll(Tokenizer tokenizer, List<string> texts)
    {
        long tokens = 0;
        foreach (var text in texts)
        {
            tokens += tokenizer.Tokenize(text).Length;
        }

        return tokens;
    }

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static (List<string> Texts, string Source) LoadTexts()
    {
        var file = FindCorpus("ud/en_ewt/train.conllu");
        if (file is not null)
        {
            var texts = File.ReadLines(file)
                .Where(l => l.StartsWith("# text = ", StringComparison.Ordinal))
                .Select(l => l["# text = ".Length..])
                .ToList();
            return (texts, file);
        }

        return (Generate(12_000), "generated English-like text (en_ewt not found)");
    }

    /// <summary>
    /// A corpus file under $PIPELINE_CORPORA, else under ../shared/corpora or shared/corpora next to the repository
    /// root (the directory holding Pipeline.sln).
    /// </summary>
    private static string? FindCorpus(string relative)
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("PIPELINE_CORPORA") is { Length: > 0 } env)
        {
            roots.Add(env);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                roots.Add(Path.Combine(dir.FullName, "..", "shared", "corpora"));
                roots.Add(Path.Combine(dir.FullName, "shared", "corpora"));
                break;
            }
        }

        return roots.Select(r => Path.GetFullPath(Path.Combine(r, relative))).FirstOrDefault(File.Exists);
    }

    private static List<string> Generate(int count)
    {
        string[] vocabulary =
        [
            "the", "of", "and", "to", "a", "in", "is", "it", "you", "that", "he", "was", "for", "on", "are", "with",
            "as", "I", "his", "they", "be", "at", "one", "have", "this", "from", "or", "had", "by", "word", "but",
            "what", "some", "we", "can", "out", "other", "were", "all", "there", "when", "up", "use", "your", "how",
            "said", "an", "each", "she", "which", "do", "their", "time", "if", "will", "way", "about", "many", "then",
            "them", "would", "write", "like", "so", "these", "her", "long", "make", "thing", "see", "him", "two",
            "don't", "can't", "I'm", "it's", "Mr.", "U.S.", "e-mail", "3.14", "$5", "10%", "well-known", "(see",
            "below)", "\"quoted\"", "company's", "http://example.com/page", "Smith", "London", "Monday", "2024",
        ];
        string[] ends = [".", "!", "?", "...", ""];
        var random = new Random(7);
        var texts = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var length = random.Next(5, 30);
            var words = new string[length];
            for (var w = 0; w < length; w++)
            {
                words[w] = vocabulary[random.Next(vocabulary.Length)] + (random.Next(10) == 0 ? "," : "");
            }

            words[0] = char.ToUpper(words[0][0], CultureInfo.InvariantCulture) + words[0][1..];
            texts.Add(string.Join(' ', words) + ends[random.Next(ends.Length)]);
        }

        return texts;
    }
}
