using Pipeline.Components;

namespace Pipeline.Benchmarks;

/// <summary>Throughput of the rule-based components (sentencizer, entity ruler) on synthetic text.</summary>
public static class RuleComponentsBenchmark
{
    public static void Run()
    {
        var nlp = Nlp.Blank("en");
        var random = new Random(1);
        string[] vocabulary = ["the", "a", "cat", "Apple", "Inc", "sold", "12", "phones", "in", "San", "Francisco", ",", ".", "!", "\"", "new", "York"];
        var docs = new List<Doc>();
        for (var d = 0; d < 20_000; d++)
        {
            var words = Enumerable.Range(0, 40).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
            docs.Add(nlp.MakeDoc(string.Join(' ', words)));
        }

        var tokens = docs.Sum(d => d.Length);
        var sentencizer = new Sentencizer();
        Measure("sentencizer", tokens, () => docs.ForEach(d => sentencizer.Process(d)));

        var ruler = new EntityRuler(nlp);
        var patterns = Enumerable.Range(0, 10_000).Select(i => new EntityPattern("P", $"word{i} the{i % 7}")).ToList();
        patterns.Add(new EntityPattern("ORG", "Apple Inc"));
        patterns.Add(new EntityPattern("GPE", "San Francisco"));
        patterns.Add(EntityPattern.FromJson("{\"label\": \"N\", \"pattern\": [{\"IS_DIGIT\": true}, {\"LOWER\": {\"IN\": [\"phones\", \"cats\"]}}]}"));
        patterns.Add(EntityPattern.FromJson("{\"label\": \"Q\", \"pattern\": [{\"ORTH\": \"\\\"\"}, {\"IS_PUNCT\": false, \"OP\": \"+\"}, {\"ORTH\": \"\\\"\"}]}"));
        patterns.Add(EntityPattern.FromJson("{\"label\": \"C\", \"pattern\": [{\"IS_TITLE\": true, \"OP\": \"+\"}, {\"LOWER\": \"inc\", \"OP\": \"?\"}]}"));
        var add = Stopwatch.StartNew();
        ruler.AddPatterns(patterns);
        Console.WriteLine($"entity_ruler: added {patterns.Count} patterns in {add.Elapsed.TotalMilliseconds:F0} ms");
        Measure("entity_ruler (10k phrases + 3 token patterns)", tokens, () => docs.ForEach(d => ruler.Process(d)));
    }

    private static void Measure(string name, int tokens, Action action)
    {
        action();
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        Console.WriteLine($"{name}: {tokens / watch.Elapsed.TotalSeconds / 1e6:F2} M tokens/s ({tokens} tokens in {watch.Elapsed.TotalMilliseconds:F0} ms)");
    }
}
