using Pipeline.Components.Tagging;
using Pipeline.Training;

namespace Pipeline.Components.Morphology;

/// <summary>
/// The morphologizer's features: the word, its affixes and shape, the neighbouring words, the tags set by the
/// tagger (here and around) and the previous prediction.
/// </summary>
internal static class MorphologizerFeatures
{
    /// <summary>The number of features <see cref="Extract"/> writes.</summary>
    public const int Count = 24;

    private const ulong Outside = 0x0B5E_0001UL;

    /// <summary>
    /// Writes the features of token <paramref name="i"/> given the docs' universal and language-specific tag hashes
    /// (zero when unset) and the class predicted for the previous token (-1 at the start).
    /// </summary>
    public static void Extract(ReadOnlySpan<LexicalFeatures> lex, ReadOnlySpan<ulong> pos, ReadOnlySpan<ulong> tags, int i, int previous, Span<ulong> f)
    {
        ref readonly var w = ref lex[i];
        var p = pos[i];
        var t = tags[i];
        var posM1 = i >= 1 ? pos[i - 1] : Outside;
        var posP1 = i + 1 < lex.Length ? pos[i + 1] : Outside;
        var lowerM1 = i >= 1 ? lex[i - 1].Lower : Outside;
        var lowerP1 = i + 1 < lex.Length ? lex[i + 1].Lower : Outside;
        var m1 = previous < 0 ? Outside : (ulong)previous;
        f[0] = FeatureHash.Of(100, 1);
        f[1] = FeatureHash.Of(101, w.Lower);
        f[2] = FeatureHash.Of(102, w.Orth);
        f[3] = FeatureHash.Of(103, w.Shape);
        f[4] = FeatureHash.Of(104, w.Suffix1);
        f[5] = FeatureHash.Of(105, w.Suffix2);
        f[6] = FeatureHash.Of(106, w.Suffix3);
        f[7] = FeatureHash.Of(107, w.Suffix4);
        f[8] = FeatureHash.Of(108, w.Prefix1);
        f[9] = FeatureHash.Of(109, w.Prefix2);
        f[10] = FeatureHash.Of(110, p);
        f[11] = FeatureHash.Of(111, p, w.Suffix2);
        f[12] = FeatureHash.Of(112, p, w.Suffix3);
        f[13] = FeatureHash.Of(113, p, w.Lower);
        f[14] = FeatureHash.Of(114, t);
        f[15] = FeatureHash.Of(115, t, w.Suffix1);
        f[16] = FeatureHash.Of(116, t, w.Lower);
        f[17] = FeatureHash.Of(117, posM1, p);
        f[18] = FeatureHash.Of(118, p, posP1);
        f[19] = FeatureHash.Of(119, lowerM1);
        f[20] = FeatureHash.Of(120, lowerP1);
        f[21] = FeatureHash.Of(121, m1);
        f[22] = FeatureHash.Of(122, m1, p);
        f[23] = FeatureHash.Of(123, w.Case, p);
    }
}
