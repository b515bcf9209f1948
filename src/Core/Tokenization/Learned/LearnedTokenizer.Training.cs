using Pipeline.Corpora;
using Pipeline.Training;

namespace Pipeline.Tokenization.Learned;

public sealed partial class LearnedTokenizer
{
    /// <summary>
    /// Learns a tokenizer from CoNLL-U <paramref name="documents"/> (each a list of consecutive sentences whose
    /// <c># text</c> lines, joined by a space, make the document's raw text; see <see cref="TokenizerDocuments"/>):
    /// token boundaries, sentence boundaries, the words inside multiword tokens whose words spell them, and a lexicon
    /// of multiword tokens. <paramref name="progress"/> gets each epoch's number and its accuracy on the scored
    /// training positions. E071 when no document has usable text.
    /// </summary>
    public static LearnedTokenizer Train(
        Vocab vocab,
        IEnumerable<IReadOnlyList<ConlluSentence>> documents,
        LearnedTokenizerOptions? options = null,
        Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new LearnedTokenizerOptions();
        if (options.Epochs < 1)
        {
            throw Errors.InvalidArgument("Epochs", $"is {options.Epochs}; it must be at least 1");
        }

        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        var expansions = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var examples = new List<TokenizerExample>();
        var sequences = new List<List<(string Form, bool Multi)>>();
        foreach (var document in documents)
        {
            var sequence = new List<(string Form, bool Multi)>();
            sequences.Add(sequence);
            var example = TokenizerExample.Build(document, (form, words) =>
            {
                sequence.Add((form, words is not null));
                forms[form] = forms.GetValueOrDefault(form) + 1;
                if (words is not null)
                {
                    var seen = expansions.TryGetValue(form, out var e) ? e : expansions[form] = new(StringComparer.Ordinal);
                    var key = string.Join('\t', words);
                    seen[key] = seen.GetValueOrDefault(key) + 1;
                }
            });
            if (example is not null)
            {
                examples.Add(example);
            }
        }

        if (examples.Count == 0)
        {
            throw Errors.TokenizerTrainingData("no document has a sentence with text");
        }

        var lexicon = BuildLexicon(forms, expansions, options.MultiwordShare);
        var chooser = lexicon.Ambiguous.Count > 0 ? TrainChooser(lexicon, sequences, options) : null;
        var skip = BuildFixedTable(examples, lexicon, options.MinFixedCount, options.MaxFixedError);
        var perceptron = new AveragedPerceptron(TokenizerModel.Classes, 1 << 16);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new SplitMix64(options.Seed);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order.AsSpan());
            long correct = 0, total = 0;
            foreach (var index in order)
            {
                var (c, t) = TrainOn(perceptron, skip, examples[index]);
                correct += c;
                total += t;
            }

            progress?.Invoke(epoch, total == 0 ? 1.0 : (double)correct / total);
        }

        perceptron.Average();
        return new LearnedTokenizer(vocab, new TokenizerModel(perceptron, skip, lexicon, chooser));
    }

    private const int MinAmbiguousCount = 10;
    private const double MinAmbiguousShare = 0.05;

    private static (long Correct, long Total) TrainOn(AveragedPerceptron perceptron, byte[] skip, TokenizerExample example)
    {
        Span<ulong> features = stackalloc ulong[CharFeatures.Max];
        Span<float> scores = stackalloc float[TokenizerModel.Classes];
        var text = example.Text.AsSpan();
        var labels = example.Labels;
        var walker = new PositionWalker(text);
        var first = true;
        long correct = 0, total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (labels[i] == TokenizerExample.None || Whitespace.Is(text[i]))
            {
                continue;
            }

            walker.MoveTo(i);
            if (first)
            {
                first = false;
                continue;
            }

            var gap = Whitespace.Is(text[i - 1]);
            if (skip[walker.Context(i, gap)] != TokenizerModel.Scored)
            {
                continue;
            }

            var gold = gap && labels[i] == TokenizerExample.WordStart ? TokenizerExample.TokenStart : labels[i];
            var count = walker.Features(i, gap, features);
            perceptron.Score(features[..count], scores);
            var guess = TokenizerModel.Best(scores, gap);
            perceptron.Update(features[..count], gold, guess);
            correct += guess == gold ? 1 : 0;
            total++;
        }

        return (correct, total);
    }

    // Forms mostly seen as multiword tokens are expanded; forms seen often both ways are left to the chooser.
    private static MultiwordLexicon BuildLexicon(Dictionary<string, int> forms, Dictionary<string, Dictionary<string, int>> expansions, double share)
    {
        var entries = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var ambiguous = new List<string>();
        foreach (var (form, seen) in expansions)
        {
            var multi = seen.Values.Sum();
            var total = forms[form];
            var isAmbiguous = total >= MinAmbiguousCount && multi >= MinAmbiguousShare * total && multi <= (1 - MinAmbiguousShare) * total;
            if (multi > share * total || isAmbiguous)
            {
                var best = seen.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
                entries[form] = best.Split('\t');
            }

            if (isAmbiguous)
            {
                ambiguous.Add(form);
            }
        }

        return new MultiwordLexicon(entries, ambiguous);
    }

    private static MultiwordChooser TrainChooser(MultiwordLexicon lexicon, List<List<(string Form, bool Multi)>> sequences, LearnedTokenizerOptions options)
    {
        var perceptron = new AveragedPerceptron(MultiwordChooser.Classes, 1024);
        Span<ulong> features = stackalloc ulong[MultiwordChooser.MaxFeatures];
        Span<float> scores = stackalloc float[MultiwordChooser.Classes];
        var order = Enumerable.Range(0, sequences.Count).ToArray();
        var random = new SplitMix64(options.Seed + 1);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order.AsSpan());
            foreach (var index in order)
            {
                var sequence = sequences[index];
                for (var k = 0; k < sequence.Count; k++)
                {
                    if (!lexicon.Ambiguous.Contains(sequence[k].Form))
                    {
                        continue;
                    }

                    var previous = k > 0 ? sequence[k - 1].Form : string.Empty;
                    var next = k + 1 < sequence.Count ? sequence[k + 1].Form : string.Empty;
                    var count = MultiwordChooser.Features(sequence[k].Form, previous, next, features);
                    perceptron.Score(features[..count], scores);
                    perceptron.Update(features[..count], sequence[k].Multi ? 1 : 0, AveragedPerceptron.ArgMax(scores));
                }
            }
        }

        perceptron.Average();
        return new MultiwordChooser(perceptron);
    }

    // A context seen at least minCount times with one label in all but maxError of the cases gets that label unscored.
    private static byte[] BuildFixedTable(List<TokenizerExample> examples, MultiwordLexicon lexicon, int minCount, double maxError)
    {
        var counts = new int[CharClass.Contexts * TokenizerModel.Classes];
        foreach (var example in examples)
        {
            var text = example.Text.AsSpan();
            var walker = new PositionWalker(text);
            var first = true;
            for (var i = 0; i < text.Length; i++)
            {
                if (example.Labels[i] == TokenizerExample.None || Whitespace.Is(text[i]))
                {
                    continue;
                }

                walker.MoveTo(i);
                if (first)
                {
                    first = false;
                    continue;
                }

                var gap = Whitespace.Is(text[i - 1]);
                var label = example.Labels[i];
                if (label == TokenizerExample.WordStart)
                {
                    label = gap ? TokenizerExample.TokenStart : walker.ChunkOrTokenInLexicon(example.Labels, lexicon, i) ? TokenizerExample.Inside : label;
                }

                counts[(walker.Context(i, gap) * TokenizerModel.Classes) + label]++;
            }
        }

        var fixedLabels = new byte[CharClass.Contexts];
        for (var c = 0; c < fixedLabels.Length; c++)
        {
            var row = counts.AsSpan(c * TokenizerModel.Classes, TokenizerModel.Classes);
            long total = 0;
            var best = 0;
            for (var k = 0; k < row.Length; k++)
            {
                total += row[k];
                best = row[k] > row[best] ? k : best;
            }

            fixedLabels[c] = total >= minCount && total - row[best] <= maxError * total ? (byte)best : TokenizerModel.Scored;
        }

        return fixedLabels;
    }
}
