using System.Runtime.CompilerServices;
using Pipeline.Training;

namespace Pipeline.Components.Tagging;

/// <summary>
/// The tagger's feature templates (after Honnibal 2013): the word, its affixes and shape, the neighbouring words
/// within two positions, and the two previous predicted tags of each kind, and the ambiguity classes of the word and the next two. Each feature is a stable 64-bit hash of its
/// template number and values.
/// </summary>
internal static class TaggerFeatures
{
    /// <summary>The number of features <see cref="Extract"/> writes.</summary>
    public const int Count = 37;

    /// <summary>The number of features of the second pass (<see cref="Count"/> plus right-context tags).</summary>
    public const int SecondPassCount = Count + 6;

    private const ulong Start1 = 0x51A7_0001UL;
    private const ulong Start2 = 0x51A7_0002UL;
    private const ulong End1 = 0xE4D0_0001UL;
    private const ulong End2 = 0xE4D0_0002UL;
    private const ulong NoTag = 0xFFFF_FFFFUL;

    /// <summary>
    /// Writes the <see cref="Count"/> features of token <paramref name="i"/> given the universal tags (<paramref name="pos"/>)
    /// and language-specific tags (<paramref name="tags"/>) predicted for the previous tokens, and each token's
    /// ambiguity class (0 when unknown).
    /// </summary>
    public static void Extract(
        ReadOnlySpan<LexicalFeatures> lex, ReadOnlySpan<ulong> ambiguity, ReadOnlySpan<int> pos, ReadOnlySpan<int> tags, int i, ulong capitals, Span<ulong> f)
    {
        ref readonly var w = ref lex[i];
        var lowerM1 = i >= 1 ? lex[i - 1].Lower : Start1;
        var lowerM2 = i >= 2 ? lex[i - 2].Lower : Start2;
        var lowerP1 = i + 1 < lex.Length ? lex[i + 1].Lower : End1;
        var lowerP2 = i + 2 < lex.Length ? lex[i + 2].Lower : End2;
        var suffixM1 = i >= 1 ? lex[i - 1].Suffix3 : Start1;
        var suffixP1 = i + 1 < lex.Length ? lex[i + 1].Suffix3 : End1;
        var shapeM1 = i >= 1 ? lex[i - 1].Shape : Start1;
        var shapeP1 = i + 1 < lex.Length ? lex[i + 1].Shape : End1;
        var t1 = i >= 1 ? (ulong)pos[i - 1] : NoTag;
        var t2 = i >= 2 ? (ulong)pos[i - 2] : NoTag;
        var x1 = i >= 1 ? (ulong)(uint)tags[i - 1] : NoTag;
        var x2 = i >= 2 ? (ulong)(uint)tags[i - 2] : NoTag;

        f[0] = Hash(0, 1);
        f[1] = Hash(1, w.Lower);
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
        f[12] = Hash(12, t2);
        f[13] = Hash(13, t1, t2);
        f[14] = Hash(14, t1, w.Lower);
        f[15] = Hash(15, lowerM1);
        f[16] = Hash(16, suffixM1);
        f[17] = Hash(17, lowerM2);
        f[18] = Hash(18, lowerP1);
        f[19] = Hash(19, suffixP1);
        f[20] = Hash(20, lowerP2);
        f[21] = Hash(21, shapeM1);
        f[22] = Hash(22, shapeP1);
        f[23] = Hash(23, lowerM1, w.Lower);
        f[24] = Hash(24, w.Lower, lowerP1);
        f[25] = Hash(25, t1, w.Suffix3);

        // Ambiguity classes: the classes each word took in training, which give a glimpse of the right context.
        var a0 = ambiguity[i];
        var aP1 = i + 1 < lex.Length ? ambiguity[i + 1] : End1;
        var aP2 = i + 2 < lex.Length ? ambiguity[i + 2] : End2;
        f[26] = Hash(26, a0);
        f[27] = Hash(27, aP1);
        f[28] = Hash(28, aP2);
        f[29] = Hash(29, a0, aP1);
        f[30] = Hash(30, t1, aP1);
        f[31] = Hash(31, aP1, aP2);
        f[32] = Hash(32, x1);
        f[33] = Hash(33, x1, x2);

        // Capitalization in context: at the start, and against how capitalized the whole doc is (headlines).
        f[34] = Hash(34, i == 0 ? 1UL : 0UL, w.Case);
        f[35] = Hash(35, capitals, w.Case);
        var caseM1 = i >= 1 ? lex[i - 1].Case : 7UL;
        var caseP1 = i + 1 < lex.Length ? lex[i + 1].Case : 7UL;
        f[36] = Hash(36, (caseM1 << 8) | caseP1, w.Case);
    }

    /// <summary>
    /// Writes the second pass's extra features after the first <see cref="Count"/>: the first pass's tags of the
    /// token and of the next two, against the tag just predicted on the left.
    /// </summary>
    public static void ExtendSecondPass(ReadOnlySpan<int> firstPos, ReadOnlySpan<int> firstTags, ReadOnlySpan<int> pos, int i, Span<ulong> f)
    {
        var n = firstPos.Length;
        var p0 = (ulong)firstPos[i];
        var p1 = i + 1 < n ? (ulong)firstPos[i + 1] : End1;
        var p2 = i + 2 < n ? (ulong)firstPos[i + 2] : End2;
        var x1 = i + 1 < n ? (ulong)(uint)firstTags[i + 1] : End1;
        var t1 = i >= 1 ? (ulong)pos[i - 1] : NoTag;
        f[Count] = Hash(40, p0);
        f[Count + 1] = Hash(41, p1);
        f[Count + 2] = Hash(42, p1, p2);
        f[Count + 3] = Hash(43, x1);
        f[Count + 4] = Hash(44, t1, p1);
        f[Count + 5] = Hash(45, p0, p1);
    }

    /// <summary>How capitalized the doc's words are, in five buckets (share of title- or upper-case words).</summary>
    public static ulong Capitals(ReadOnlySpan<LexicalFeatures> lex)
    {
        int words = 0, capitalized = 0;
        foreach (ref readonly var w in lex)
        {
            if (w.Case != 0)
            {
                words++;
                capitalized += w.Case is 2 or 3 ? 1 : 0;
            }
        }

        return words == 0 ? 0 : (ulong)(capitalized * 4 / words);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ulong template, ulong a) => FeatureHash.Of(template, a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ulong template, ulong a, ulong b) => FeatureHash.Of(template, a, b);
}
