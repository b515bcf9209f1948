using Pipeline.Components;
using Pipeline.Tests.Tokens;

namespace Pipeline.Tests.Pipelines;

/// <summary>
/// Random pipelines saved with nlp.ToBytes and nlp.ToDisk and restored (FromBytes into a pipeline rebuilt from
/// meta, and Nlp.Load) must annotate random texts exactly as the original does.
/// </summary>
public class PipelineRoundTripPropertyTests
{
    private static readonly string[] Words =
    [
        "Apple", "apple", "pie", "New", "York", "city", "is", "big", "the", "a", "Ada", "Lovelace", "wrote", "code",
        ".", "!", "?", ";", "42", "3.14", "\"", ")", "(", "Ünïcödé", "東京", "don't", "U.S.", "e.g.", "l'homme",
    ];

    [Fact]
    public void BytesAndDiskRoundTripsGiveEqualOutput()
    {
        using var dir = new TempDir();
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var nlp = RandomPipeline(random);
            var texts = Enumerable.Range(0, 15).Select(_ => RandomText(random)).ToList();
            var expected = texts.Select(nlp.Process).ToList();

            var fromBytes = Nlp.Blank(nlp.Lang);
            foreach (var name in nlp.PipeNames)
            {
                fromBytes.AddPipe(fromBytes.CreatePipe(name));
            }

            fromBytes.FromBytes(nlp.ToBytes());
            AssertSameOutput(expected, texts.Select(fromBytes.Process).ToList(), $"seed {seed}, bytes");

            var path = dir[$"model{seed}"];
            nlp.ToDisk(path);
            var loaded = Nlp.Load(path);
            Assert.Equal(nlp.PipeNames, loaded.PipeNames);
            AssertSameOutput(expected, texts.Select(loaded.Process).ToList(), $"seed {seed}, disk");
        }
    }

    private static Language RandomPipeline(Random random)
    {
        string[] langs = ["en", "pt", "fr", "xx"];
        var nlp = Nlp.Blank(langs[random.Next(langs.Length)]);
        if (random.Next(4) > 0)
        {
            var punct = new[] { ".", "!", "?", ";" }.Where(_ => random.Next(2) == 0).DefaultIfEmpty(".").ToList();
            nlp.AddPipe(nlp.CreatePipe("sentencizer", new Dictionary<string, object?> { ["punct_chars"] = punct }));
        }

        if (random.Next(4) > 0)
        {
            var ruler = (EntityRuler)nlp.CreatePipe("entity_ruler", new Dictionary<string, object?>
            {
                ["phrase_matcher_attr"] = random.Next(2) == 0 ? "ORTH" : "LOWER",
            });
            var patterns = new List<EntityPattern>();
            for (var i = 0; i < random.Next(1, 6); i++)
            {
                var phrase = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Words[random.Next(Words.Length)]));
                patterns.Add(new EntityPattern(random.Next(2) == 0 ? "ORG" : "PER", phrase, random.Next(3) == 0 ? $"id{i}" : null));
            }

            patterns.Add(new EntityPattern("NUM", [new Dictionary<string, object?> { ["LIKE_NUM"] = true, ["OP"] = "+" }]));
            ruler.AddPatterns(patterns);
            nlp.AddPipe(ruler);
        }

        return nlp;
    }

    private static string RandomText(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(1, 25)).Select(_ => Words[random.Next(Words.Length)]));

    private static void AssertSameOutput(List<Doc> expected, List<Doc> actual, string context)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var d = 0; d < expected.Count; d++)
        {
            try
            {
                DocAssert.Equivalent(expected[d], actual[d]);
            }
            catch (Exception e)
            {
                Assert.Fail($"{context}, doc {d} '{expected[d].Text}': {e.Message}");
            }
        }
    }
}
