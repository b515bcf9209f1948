using Xunit.Abstractions;

namespace Pipeline.Tests.Tokenization;

public class TokenizerAccuracyTests(ITestOutputHelper output)
{
    private const string EnglishDev = "ud/en_ewt/dev.conllu";

    [CorpusFact(EnglishDev)]
    public void EnglishTokenF1OnEwtDev()
    {
        var sentences = GoldTokenization.Read(TestCorpora.Find(EnglishDev)!);
        Assert.True(sentences.Count > 1900, $"only {sentences.Count} sentences aligned");
        var nlp = Nlp.Blank("en");
        var (surface, words) = Score(nlp, sentences);
        output.WriteLine($"en_ewt dev, {sentences.Count} sentences: surface-token F1 {surface:F2}, word F1 {words:F2}");

        // Surface tokens keep contractions whole ("don't"), which this tokenizer splits like the treebank's words.
        Assert.True(surface >= 95.0, $"surface-token F1 {surface:F2} is below 95");
        Assert.True(words >= 97.0, $"word F1 {words:F2} is below 97");
    }

    private static (double Surface, double Words) Score(Language nlp, List<GoldTokenization> sentences)
    {
        long predicted = 0, gold = 0, goldWords = 0, matched = 0, matchedWords = 0;
        foreach (var sentence in sentences)
        {
            var spans = nlp.MakeDoc(sentence.Text).Tokens
                .Where(t => !string.IsNullOrWhiteSpace(t.Text))
                .Select(t => (t.Idx, t.Idx + t.Text.Length))
                .ToList();
            var surface = sentence.Surface.ToHashSet();
            var words = sentence.Words.ToHashSet();
            predicted += spans.Count;
            gold += surface.Count;
            goldWords += words.Count;
            matched += spans.Count(surface.Contains);
            matchedWords += spans.Count(words.Contains);
        }

        return (F1(matched, predicted, gold), F1(matchedWords, predicted, goldWords));
    }

    private static double F1(long matched, long predicted, long gold) => 200.0 * matched / (predicted + gold);
}
