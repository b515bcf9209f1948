using Pipeline.Components.Tagging;
using Pipeline.Tokens;

namespace Pipeline.Components.Parsing;

/// <summary>
/// What the training docs say about the tags of each lower-cased word: the parser's lexicon (known words and
/// their ambiguity classes) and samples of each ambiguous word's tag pairs for training with tag noise.
/// </summary>
internal static class WordTags
{
    /// <summary>Counts the (universal, language-specific) tag pairs of each lower-cased word of <paramref name="doc"/>.</summary>
    public static void Count(Doc doc, Dictionary<ulong, Dictionary<(ulong Pos, ulong Tag), int>> frequencies)
    {
        for (var i = 0; i < doc.Length; i++)
        {
            var lower = LexicalFeatures.Get(doc.Vocab.Strings, doc.OrthColumn[i]).Lower;
            var key = (doc.PosColumn?[i] ?? 0, doc.TagColumn?[i] ?? 0);
            if (!frequencies.TryGetValue(lower, out var tags))
            {
                frequencies[lower] = tags = [];
            }

            tags[key] = tags.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>
    /// For each word seen with several tag pairs, a sample of its pairs in proportion to their frequency (20
    /// draws), from which training picks the wrong tags a tagger would plausibly give it.
    /// </summary>
    public static Dictionary<ulong, (ulong Pos, ulong Tag)[]> Confusions(Dictionary<ulong, Dictionary<(ulong Pos, ulong Tag), int>> frequencies)
    {
        var confusions = new Dictionary<ulong, (ulong, ulong)[]>();
        foreach (var (word, tags) in frequencies)
        {
            if (tags.Count < 2)
            {
                continue;
            }

            var total = tags.Values.Sum();
            var sample = tags.OrderBy(t => t.Key).SelectMany(t => Enumerable.Repeat(t.Key, (int)Math.Ceiling(20.0 * t.Value / total))).ToArray();
            confusions[word] = sample;
        }

        return confusions;
    }

    /// <summary>
    /// The words seen at least <paramref name="minCount"/> times, each with its ambiguity class: a hash of the
    /// sorted tags that make up at least 5% of its occurrences.
    /// </summary>
    public static Dictionary<ulong, ulong> Lexicon(Dictionary<ulong, Dictionary<(ulong Pos, ulong Tag), int>> pairs, int minCount)
    {
        var lexicon = new Dictionary<ulong, ulong>();
        foreach (var (word, counts) in pairs)
        {
            var tags = new Dictionary<ulong, int>();
            foreach (var ((pos, tag), n) in counts)
            {
                var finest = tag != 0 ? tag : pos;
                tags[finest] = tags.GetValueOrDefault(finest) + n;
            }

            var total = tags.Values.Sum();
            if (total < minCount)
            {
                continue;
            }

            var signature = 0xA3B1_C5D7_E9F2_0468UL;
            foreach (var tag in tags.Where(t => t.Value * 20 >= total).Select(t => t.Key).Order())
            {
                signature = (signature ^ tag) * 0x100000001B3UL;
            }

            lexicon[word] = signature;
        }

        return lexicon;
    }
}
