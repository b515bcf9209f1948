using Pipeline.Components.Tagging;
using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Components.Parsing;

/// <summary>
/// What the training docs say about the analyses (universal tag, language-specific tag, morphological features)
/// of each lower-cased word: the parser's lexicon (known words and their ambiguity classes) and samples of each
/// ambiguous word's analyses for training with tag noise.
/// </summary>
internal sealed class WordTags
{
    private readonly Dictionary<ulong, Dictionary<(ulong Pos, ulong Tag, ulong Morph), int>> _counts = [];
    private readonly Dictionary<ulong, ulong> _suffixKeys = [];

    /// <summary>Whether any counted word had morphological features.</summary>
    public bool SawMorphology { get; private set; }

    /// <summary>The key under which the rare words ending in <paramref name="suffix"/> share their analyses.</summary>
    public static ulong SuffixKey(ulong suffix) => (suffix ^ 0x5BD1E9955BD1E995UL) * 0x9E3779B97F4A7C15UL;

    /// <summary>Counts the analyses of each lower-cased word of <paramref name="doc"/>.</summary>
    public void Count(Doc doc)
    {
        for (var i = 0; i < doc.Length; i++)
        {
            var lexical = LexicalFeatures.Get(doc.Vocab.Strings, doc.OrthColumn[i]);
            var lower = lexical.Lower;
            var key = (doc.PosColumn?[i] ?? 0, doc.TagColumn?[i] ?? 0, doc.MorphColumn?[i] ?? 0);
            SawMorphology |= key.Item3 != 0;
            if (!_counts.TryGetValue(lower, out var analyses))
            {
                _counts[lower] = analyses = [];
                _suffixKeys[lower] = SuffixKey(lexical.Suffix3);
            }

            analyses[key] = analyses.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>
    /// For each word seen with several analyses, a sample of them in proportion to their frequency (20 draws),
    /// from which training picks the wrong analyses a tagger would plausibly give it. Words seen fewer than
    /// <paramref name="minCount"/> times also pool their analyses under their suffix's <see cref="SuffixKey"/>.
    /// </summary>
    public Dictionary<ulong, (ulong Pos, ulong Tag, ulong Morph)[]> Confusions(int minCount)
    {
        var confusions = Samples(_counts);
        var rare = new Dictionary<ulong, Dictionary<(ulong Pos, ulong Tag, ulong Morph), int>>();
        foreach (var (word, analyses) in _counts)
        {
            if (analyses.Values.Sum() >= minCount)
            {
                continue;
            }

            var key = _suffixKeys[word];
            if (!rare.TryGetValue(key, out var pooled))
            {
                rare[key] = pooled = [];
            }

            foreach (var (analysis, n) in analyses)
            {
                pooled[analysis] = pooled.GetValueOrDefault(analysis) + n;
            }
        }

        foreach (var (key, sample) in Samples(rare))
        {
            confusions[key] = sample;
        }

        return confusions;
    }

    /// <summary>
    /// The words seen at least <paramref name="minCount"/> times, each with its ambiguity class: a hash of the
    /// sorted tags that make up at least 5% of its occurrences.
    /// </summary>
    public Dictionary<ulong, ulong> Lexicon(int minCount)
    {
        var lexicon = new Dictionary<ulong, ulong>();
        foreach (var (word, counts) in _counts)
        {
            var tags = new Dictionary<ulong, int>();
            foreach (var ((pos, tag, _), n) in counts)
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

            lexicon.TryAdd(WordKeys.Of(word), signature);
        }

        return lexicon;
    }

    private static Dictionary<ulong, (ulong Pos, ulong Tag, ulong Morph)[]> Samples(
        Dictionary<ulong, Dictionary<(ulong Pos, ulong Tag, ulong Morph), int>> counts)
    {
        var samples = new Dictionary<ulong, (ulong, ulong, ulong)[]>();
        foreach (var (key, analyses) in counts)
        {
            if (analyses.Count < 2)
            {
                continue;
            }

            var total = analyses.Values.Sum();
            samples[key] = [.. analyses.OrderBy(a => a.Key).SelectMany(a => Enumerable.Repeat(a.Key, (int)Math.Ceiling(20.0 * a.Value / total)))];
        }

        return samples;
    }
}
