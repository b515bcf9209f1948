using Pipeline.Components.Tagging;
using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Components.Ner;

/// <summary>
/// What the training corpus says about each word (lower-cased): how often it was seen, how often inside an entity,
/// and its most frequent entity label, packed into one code per word that the recognizer uses as a feature (a
/// gazetteer learned from the training data only). While training, each token's own occurrence is left out of its
/// code (leave-one-out), so the model sees the codes it will see for new text and does not just memorize.
/// </summary>
internal sealed class NerLexicon
{
    private readonly Dictionary<ulong, int[]>? _counts;
    private readonly int _labels;

    private NerLexicon(Dictionary<ulong, ulong> codes, Dictionary<ulong, int[]>? counts, int labels)
    {
        Codes = codes;
        _counts = counts;
        _labels = labels;
    }

    /// <summary>The code of every word seen in training (lower-case hash to code).</summary>
    public Dictionary<ulong, ulong> Codes { get; }

    /// <summary>An empty lexicon (every word unseen).</summary>
    public static NerLexicon Empty { get; } = new([], null, 0);

    /// <summary>A lexicon loaded from saved codes; it cannot leave occurrences out.</summary>
    public static NerLexicon FromCodes(Dictionary<ulong, ulong> codes) => new(codes, null, 0);

    /// <summary>Counts the words of the gold docs; <paramref name="goldClasses"/> gives each doc's BILUO classes (-1 unknown).</summary>
    public static NerLexicon Build(IEnumerable<Doc> docs, Func<Doc, int[]> goldClasses, int labels)
    {
        var counts = new Dictionary<ulong, int[]>();
        foreach (var doc in docs)
        {
            var gold = goldClasses(doc);
            var strings = doc.Vocab.Strings;
            for (var i = 0; i < doc.Length; i++)
            {
                if (gold[i] < 0)
                {
                    continue;
                }

                var lower = WordKeys.Of(LexicalFeatures.Get(strings, doc.OrthColumn[i]).Lower);
                if (!counts.TryGetValue(lower, out var c))
                {
                    counts[lower] = c = new int[1 + labels];
                }

                c[0]++;
                if (gold[i] != Biluo.Outside)
                {
                    c[1 + Biluo.LabelOf(gold[i])]++;
                }
            }
        }

        var codes = counts.ToDictionary(c => c.Key, c => Code(c.Value, -1));
        return new NerLexicon(codes, counts, labels);
    }

    /// <summary>
    /// The code of a word; while training (<paramref name="gold"/> at least 0) without the one occurrence of class
    /// <paramref name="gold"/>. 0 for an unseen word.
    /// </summary>
    public ulong CodeOf(ulong lower, int gold)
    {
        lower = WordKeys.Of(lower);
        if (gold < 0 || _counts is null)
        {
            return Codes.GetValueOrDefault(lower);
        }

        return _counts.TryGetValue(lower, out var c) ? Code(c, gold == Biluo.Outside ? _labels : Biluo.LabelOf(gold)) : 0;
    }

    /// <summary>Packs counts (without one occurrence of label <paramref name="leaveOut"/>; the label count means O; -1 none).</summary>
    private static ulong Code(int[] counts, int leaveOut)
    {
        var total = counts[0] - (leaveOut >= 0 ? 1 : 0);
        if (total <= 0)
        {
            return 0;
        }

        int best = -1, bestCount = 0, inside = 0;
        for (var l = 0; l + 1 < counts.Length; l++)
        {
            var n = counts[1 + l] - (l == leaveOut ? 1 : 0);
            inside += n;
            if (n > bestCount)
            {
                (best, bestCount) = (l, n);
            }
        }

        var frequency = (ulong)Math.Min(6, (int)Math.Log2(total));
        return 1UL | ((ulong)(best + 1) << 4) | (Bucket(inside, total) << 12) | (Bucket(bestCount, total) << 16) | (frequency << 20);
    }

    private static ulong Bucket(int part, int total) =>
        part == 0 ? 0UL : part == total ? 5UL : (ulong)(1 + (4 * part / total));
}
