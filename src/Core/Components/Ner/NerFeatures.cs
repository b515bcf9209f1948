using Pipeline.Components.Tagging;
using Pipeline.Training;

namespace Pipeline.Components.Ner;

/// <summary>
/// The entity recognizer's feature templates: the word, its lower-case form, shape, affixes and capitalization,
/// the words and shapes within two positions, the two previous predicted BILUO classes alone and with the word,
/// and, when the doc carries them, the universal and language-specific part-of-speech tags of the word and its
/// neighbours. Each feature is a stable 64-bit hash of its template number and values.
/// </summary>
internal static class NerFeatures
{
    /// <summary>How many features <see cref="Extract"/> writes from the words and the history.</summary>
    public const int LexicalCount = 40;

    /// <summary>How many it adds when the doc has universal part-of-speech tags.</summary>
    public const int PosCount = 9;

    /// <summary>How many it adds when the doc has language-specific tags.</summary>
    public const int TagCount = 4;

    /// <summary>How many it adds when the recognizer has a lexicon (see <see cref="NerLexicon"/>).</summary>
    public const int LexiconCount = 6;

    /// <summary>The most features <see cref="Extract"/> writes.</summary>
    public const int MaxCount = LexicalCount + PosCount + TagCount + LexiconCount;

    private const ulong Start1 = 0x51A7_0001UL;
    private const ulong Start2 = 0x51A7_0002UL;
    private const ulong End1 = 0xE4D0_0001UL;
    private const ulong End2 = 0xE4D0_0002UL;

    /// <summary>The per-doc inputs of feature extraction.</summary>
    public readonly ref struct Context(
        ReadOnlySpan<LexicalFeatures> lex, ReadOnlySpan<ulong> pos, ReadOnlySpan<ulong> tags, ulong capitals, ReadOnlySpan<ulong> priors)
    {
        /// <summary>The lexical features of every token.</summary>
        public readonly ReadOnlySpan<LexicalFeatures> Lex = lex;

        /// <summary>The universal tag hash of every token, or empty when the doc has none.</summary>
        public readonly ReadOnlySpan<ulong> Pos = pos;

        /// <summary>The language-specific tag hash of every token, or empty when the doc has none.</summary>
        public readonly ReadOnlySpan<ulong> Tags = tags;

        /// <summary>How capitalized the doc is (see <see cref="TaggerFeatures.Capitals"/>).</summary>
        public readonly ulong Capitals = capitals;

        /// <summary>The lexicon code of every token, or empty when the recognizer has no lexicon.</summary>
        public readonly ReadOnlySpan<ulong> Priors = priors;
    }

    /// <summary>
    /// Writes the features of token <paramref name="i"/> into <paramref name="f"/> (at least <see cref="MaxCount"/>
    /// long) given the classes predicted for the tokens before it, and returns how many it wrote.
    /// </summary>
    public static int Extract(in Context context, ReadOnlySpan<int> history, int i, Span<ulong> f)
    {
        var lex = context.Lex;
        var n = lex.Length;
        ref readonly var w = ref lex[i];
        var lowerM1 = i >= 1 ? lex[i - 1].Lower : Start1;
        var lowerM2 = i >= 2 ? lex[i - 2].Lower : Start2;
        var lowerP1 = i + 1 < n ? lex[i + 1].Lower : End1;
        var lowerP2 = i + 2 < n ? lex[i + 2].Lower : End2;
        var shapeM1 = i >= 1 ? lex[i - 1].Shape : Start1;
        var shapeM2 = i >= 2 ? lex[i - 2].Shape : Start2;
        var shapeP1 = i + 1 < n ? lex[i + 1].Shape : End1;
        var shapeP2 = i + 2 < n ? lex[i + 2].Shape : End2;
        var t1 = (ulong)(uint)(i >= 1 ? history[i - 1] : Biluo.Start);
        var t2 = (ulong)(uint)(i >= 2 ? history[i - 2] : Biluo.Start);
        var caseM1 = i >= 1 ? lex[i - 1].Case : 7UL;
        var caseP1 = i + 1 < n ? lex[i + 1].Case : 7UL;

        var lower = w.Lower;
        f[0] = Hash(0, 1);
        f[1] = Hash(1, lower);
        f[2] = Hash(2, w.Orth);
        f[3] = Hash(3, w.Shape);
        f[4] = Hash(4, w.Prefix1);
        f[5] = Hash(5, w.Prefix2);
        f[6] = Hash(6, w.Prefix3);
        f[7] = Hash(7, w.Suffix1);
        f[8] = Hash(8, w.Suffix2);
        f[9] = Hash(9, w.Suffix3);
        f[10] = Hash(10, w.Suffix4);
        f[11] = Hash(11, t1);
        f[12] = Hash(12, t1, t2);
        f[13] = Hash(13, t1, lower);
        f[14] = Hash(14, t1, w.Shape);
        f[15] = Hash(15, lowerM1);
        f[16] = Hash(16, lowerM2);
        f[17] = Hash(17, lowerP1);
        f[18] = Hash(18, lowerP2);
        f[19] = Hash(19, shapeM1);
        f[20] = Hash(20, shapeM2);
        f[21] = Hash(21, shapeP1);
        f[22] = Hash(22, shapeP2);
        f[23] = Hash(23, lowerM1, lower);
        f[24] = Hash(24, lower, lowerP1);
        f[25] = Hash(25, shapeM1, w.Shape);
        f[26] = Hash(26, w.Shape, shapeP1);
        f[27] = Hash(27, Hash(27, shapeM1, w.Shape), shapeP1);
        f[28] = Hash(28, i >= 1 ? lex[i - 1].Suffix3 : Start1);
        f[29] = Hash(29, i + 1 < n ? lex[i + 1].Suffix3 : End1);
        f[30] = Hash(30, i == 0 ? 1UL : 0UL, w.Case);
        f[31] = Hash(31, context.Capitals, w.Case);
        f[32] = Hash(32, (caseM1 << 8) | caseP1, w.Case);
        f[33] = Hash(33, t1, lowerP1);
        f[34] = Hash(34, t1, shapeP1);
        f[35] = Hash(35, i >= 1 ? lex[i - 1].Orth : Start1);
        f[36] = Hash(36, i + 1 < n ? lex[i + 1].Orth : End1);
        f[37] = Hash(37, t1, w.Suffix3);
        f[38] = Hash(38, w.Prefix3, shapeM1);
        f[39] = Hash(39, Hash(39, t1, t2), w.Shape);
        var count = LexicalCount;

        if (!context.Pos.IsEmpty)
        {
            var pos = context.Pos;
            var p0 = pos[i];
            var pM1 = i >= 1 ? pos[i - 1] : Start1;
            var pM2 = i >= 2 ? pos[i - 2] : Start2;
            var pP1 = i + 1 < n ? pos[i + 1] : End1;
            var pP2 = i + 2 < n ? pos[i + 2] : End2;
            f[count++] = Hash(60, p0);
            f[count++] = Hash(61, pM1);
            f[count++] = Hash(62, pP1);
            f[count++] = Hash(63, pM1, p0);
            f[count++] = Hash(64, p0, pP1);
            f[count++] = Hash(65, p0, w.Shape);
            f[count++] = Hash(66, t1, p0);
            f[count++] = Hash(67, pM2);
            f[count++] = Hash(68, pP2);
        }

        if (!context.Tags.IsEmpty)
        {
            var tags = context.Tags;
            var x0 = tags[i];
            var xM1 = i >= 1 ? tags[i - 1] : Start1;
            var xP1 = i + 1 < n ? tags[i + 1] : End1;
            f[count++] = Hash(50, x0);
            f[count++] = Hash(51, xM1, x0);
            f[count++] = Hash(52, x0, xP1);
            f[count++] = Hash(53, t1, x0);
        }

        if (!context.Priors.IsEmpty)
        {
            var priors = context.Priors;
            var c0 = priors[i];
            var cM1 = i >= 1 ? priors[i - 1] : Start1;
            var cP1 = i + 1 < n ? priors[i + 1] : End1;
            f[count++] = Hash(80, c0);
            f[count++] = Hash(81, c0, w.Shape);
            f[count++] = Hash(82, cM1);
            f[count++] = Hash(83, cP1);
            f[count++] = Hash(84, c0, t1);
            f[count++] = Hash(85, Hash(85, cM1, c0), cP1);
        }

        return count;
    }

    private static ulong Hash(ulong template, ulong a) => FeatureHash.Of(template, a);

    private static ulong Hash(ulong template, ulong a, ulong b) => FeatureHash.Of(template, a, b);
}
