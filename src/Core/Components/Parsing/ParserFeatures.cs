using System.Runtime.CompilerServices;

namespace Pipeline.Components.Parsing;

/// <summary>
/// The parser's feature templates, after Zhang and Nivre (2011): words (lower-cased) and tags of the stack top
/// (S0), the token below it (S1) and the first three buffer tokens (N0-N2); the head and grandparent of S0; the
/// leftmost and rightmost children of S0 and the leftmost children of N0 with their labels; their pairs and
/// triples; the S0-N0 distance; valencies and the label sets of the children. Added to these: universal tags,
/// ambiguity classes (the tags a word took in training), suffixes and morphological features, which keep the
/// parser useful when the tagger errs and carry agreement. Each feature is a stable 64-bit hash of its template
/// number and values.
/// </summary>
internal static class ParserFeatures
{
    /// <summary>The most features <see cref="Extract"/> writes.</summary>
    public const int Count = 114;

    // The features without the morphological ones.
    private const int WithoutMorphology = 100;

    /// <summary>The word value of the virtual root.</summary>
    public const ulong RootWord = 0x800F_0001UL;

    /// <summary>The tag value of the virtual root.</summary>
    public const ulong RootTag = 0x800F_0002UL;

    /// <summary>The word value of a word too rare in training to have features of its own.</summary>
    public const ulong UnknownWord = 0x0C4B_0001UL;

    /// <summary>The word value of an absent position.</summary>
    public const ulong NoWord = 0x40DE_0001UL;

    /// <summary>The tag value of an absent position.</summary>
    public const ulong NoTag = 0x40DE_0002UL;

    /// <summary>
    /// Writes the features of the configuration into <paramref name="f"/> (at least <see cref="Count"/> long) and
    /// returns how many: the morphological ones only for a model that reads <paramref name="morphology"/>.
    /// </summary>
    public static int Extract(ParseState state, Span<ulong> f, bool morphology)
    {
        var words = state.Words;
        var tags = state.Tags;
        var heads = state.Heads;
        var labels = state.Labels;
        var none = state.None;

        var s0 = state.S0;
        var s1 = state.S1;
        var n0 = state.B0;
        var n1 = n0 < state.Root ? n0 + 1 : none;
        var n2 = n1 < state.Root ? n1 + 1 : none;
        var s0h = heads[s0];
        var s0h2 = heads[s0h];
        var s0l = state.Left1[s0];
        var s0l2 = state.Left2[s0];
        var s0r = state.Right1[s0];
        var s0r2 = state.Right2[s0];
        var n0l = state.Left1[n0];
        var n0l2 = state.Left2[n0];

        ulong s0w = words[s0], s0p = tags[s0], n0w = words[n0], n0p = tags[n0];
        ulong n1w = words[n1], n1p = tags[n1], n2w = words[n2], n2p = tags[n2];
        ulong s1w = words[s1], s1p = tags[s1];
        ulong s0hw = words[s0h], s0hp = tags[s0h], s0h2w = words[s0h2], s0h2p = tags[s0h2];
        ulong s0lw = words[s0l], s0lp = tags[s0l], s0rw = words[s0r], s0rp = tags[s0r];
        ulong s0l2w = words[s0l2], s0l2p = tags[s0l2], s0r2w = words[s0r2], s0r2p = tags[s0r2];
        ulong n0lw = words[n0l], n0lp = tags[n0l], n0l2w = words[n0l2], n0l2p = tags[n0l2];
        var s0L = (ulong)labels[s0];
        var s0hL = (ulong)labels[s0h];
        var s0lL = (ulong)labels[s0l];
        var s0l2L = (ulong)labels[s0l2];
        var s0rL = (ulong)labels[s0r];
        var s0r2L = (ulong)labels[s0r2];
        var n0lL = (ulong)labels[n0l];
        var n0l2L = (ulong)labels[n0l2];
        var distance = s0 == none ? 0UL : (ulong)Bucket(n0 - s0);
        var s0vl = (ulong)Math.Min(state.LeftCount[s0], 6);
        var s0vr = (ulong)Math.Min(state.RightCount[s0], 6);
        var n0vl = (ulong)Math.Min(state.LeftCount[n0], 6);
        var s0sl = state.LeftSet[s0];
        var s0sr = state.RightSet[s0];
        var n0sl = state.LeftSet[n0];

        // Single positions.
        f[0] = Hash(0, s0w, s0p);
        f[1] = Hash(1, s0w);
        f[2] = Hash(2, s0p);
        f[3] = Hash(3, n0w, n0p);
        f[4] = Hash(4, n0w);
        f[5] = Hash(5, n0p);
        f[6] = Hash(6, n1w, n1p);
        f[7] = Hash(7, n1w);
        f[8] = Hash(8, n1p);
        f[9] = Hash(9, n2w, n2p);
        f[10] = Hash(10, n2w);
        f[11] = Hash(11, n2p);

        // Pairs of S0 and N0.
        f[12] = Hash(12, s0w, s0p, Hash(0, n0w, n0p));
        f[13] = Hash(13, s0w, s0p, n0w);
        f[14] = Hash(14, s0w, n0w, n0p);
        f[15] = Hash(15, s0w, s0p, n0p);
        f[16] = Hash(16, s0p, n0w, n0p);
        f[17] = Hash(17, s0w, n0w);
        f[18] = Hash(18, s0p, n0p);
        f[19] = Hash(19, n0p, n1p);

        // Triples of tags.
        f[20] = Hash(20, n0p, n1p, n2p);
        f[21] = Hash(21, s0p, n0p, n1p);
        f[22] = Hash(22, s0hp, s0p, n0p);
        f[23] = Hash(23, s0p, s0lp, n0p);
        f[24] = Hash(24, s0p, s0rp, n0p);
        f[25] = Hash(25, s0p, n0p, n0lp);

        // Distance between S0 and N0.
        f[26] = Hash(26, s0w, distance);
        f[27] = Hash(27, s0p, distance);
        f[28] = Hash(28, n0w, distance);
        f[29] = Hash(29, n0p, distance);
        f[30] = Hash(30, s0w, n0w, distance);
        f[31] = Hash(31, s0p, n0p, distance);

        // Valency.
        f[32] = Hash(32, s0w, s0vr);
        f[33] = Hash(33, s0p, s0vr);
        f[34] = Hash(34, s0w, s0vl);
        f[35] = Hash(35, s0p, s0vl);
        f[36] = Hash(36, n0w, n0vl);
        f[37] = Hash(37, n0p, n0vl);

        // Second order: head of S0, outermost children and their labels.
        f[38] = Hash(38, s0hw);
        f[39] = Hash(39, s0hp);
        f[40] = Hash(40, s0L);
        f[41] = Hash(41, s0lw);
        f[42] = Hash(42, s0lp);
        f[43] = Hash(43, s0lL);
        f[44] = Hash(44, s0rw);
        f[45] = Hash(45, s0rp);
        f[46] = Hash(46, s0rL);
        f[47] = Hash(47, n0lw);
        f[48] = Hash(48, n0lp);
        f[49] = Hash(49, n0lL);

        // Third order: grandparent, second children and chains of tags.
        f[50] = Hash(50, s0h2w);
        f[51] = Hash(51, s0h2p);
        f[52] = Hash(52, s0hL);
        f[53] = Hash(53, s0l2w);
        f[54] = Hash(54, s0l2p);
        f[55] = Hash(55, s0l2L);
        f[56] = Hash(56, s0r2w);
        f[57] = Hash(57, s0r2p);
        f[58] = Hash(58, s0r2L);
        f[59] = Hash(59, n0l2w);
        f[60] = Hash(60, n0l2p);
        f[61] = Hash(61, n0l2L);
        f[62] = Hash(62, s0p, s0lp, s0l2p);
        f[63] = Hash(63, s0p, s0rp, s0r2p);
        f[64] = Hash(64, s0p, s0hp, s0h2p);
        f[65] = Hash(65, n0p, n0lp, n0l2p);

        // Label sets of the children.
        f[66] = Hash(66, s0w, s0sr);
        f[67] = Hash(67, s0p, s0sr);
        f[68] = Hash(68, s0w, s0sl);
        f[69] = Hash(69, s0p, s0sl);
        f[70] = Hash(70, n0w, n0sl);
        f[71] = Hash(71, n0p, n0sl);

        // The token below the stack top, which waits for a head when the virtual root is at the end.
        f[72] = Hash(72, s1w, s1p);
        f[73] = Hash(73, s1p, s0p, n0p);
        f[74] = Hash(74, s1p, s0p);
        f[75] = Hash(75, s0L, s0p, n0p);
        f[76] = Hash(76, s0L, s0rL, n0p);
        f[77] = Hash(77, 1);

        // Universal tags, which a wrong language-specific tag may still get right.
        var upos = state.Upos;
        ulong s0u = upos[s0], n0u = upos[n0], n1u = upos[n1];
        f[78] = Hash(78, s0u);
        f[79] = Hash(79, n0u);
        f[80] = Hash(80, n1u);
        f[81] = Hash(81, s0u, n0u);
        f[82] = Hash(82, n0u, n1u);
        f[83] = Hash(83, s0u, n0u, n1u);

        // Ambiguity classes: the tags each word took in training, independent of the tagger's mistakes.
        var classes = state.Classes;
        ulong s0a = classes[s0], n0a = classes[n0], n1a = classes[n1];
        f[84] = Hash(84, s0a);
        f[85] = Hash(85, n0a);
        f[86] = Hash(86, n1a);
        f[87] = Hash(87, s0a, n0a);
        f[88] = Hash(88, n0a, n1a);
        f[89] = Hash(89, s0p, n0a);
        f[90] = Hash(90, s0a, n0p);

        // Suffixes: the morphology that the universal tags leave out (agreement, verb forms).
        var suffixes = state.Suffixes;
        ulong s0s = suffixes[s0], n0s = suffixes[n0], n1s = suffixes[n1];
        f[91] = Hash(91, s0s, s0p);
        f[92] = Hash(92, n0s, n0p);
        f[93] = Hash(93, n1s, n1p);
        f[94] = Hash(94, s0s, n0s);
        f[95] = Hash(95, s0p, n0s, n0p);
        f[96] = Hash(96, s0s, s0p, n0p);

        // Function words below N0 and S0 (prepositions, markers), which decide between labels such as obj and obl.
        f[97] = Hash(97, s0p, n0p, n0lw);
        f[98] = Hash(98, s0w, n0lw);
        f[99] = Hash(99, s0lw, s0p, n0p);
        if (!morphology)
        {
            return WithoutMorphology;
        }

        // Morphological features (set by the morphologizer): agreement, case and verb form, which decide
        // attachments and labels in languages whose treebank has no language-specific tags.
        var morphs = state.Morphs;
        ulong s0m = morphs[s0], n0m = morphs[n0], n1m = morphs[n1];
        var s0um = Hash(0, s0u, s0m);
        f[100] = Hash(100, s0m, s0u);
        f[101] = Hash(101, n0m, n0u);
        f[102] = Hash(102, morphs[s1], upos[s1]);
        f[103] = Hash(103, s0m, n0m);
        f[104] = Hash(104, s0um, n0u, n0m);
        f[105] = Hash(105, n1m, n1u);
        f[106] = Hash(106, morphs[s0h], s0m, s0u);
        f[107] = Hash(107, morphs[n0l], n0m, n0u);
        f[108] = Hash(108, s0m, n0m, distance);
        f[109] = Hash(109, s0w, n0u, n0m);
        f[110] = Hash(110, s0um, n0w);
        f[111] = Hash(111, morphs[s0r], s0u, n0u);
        f[112] = Hash(112, morphs[n2], upos[n2]);
        f[113] = Hash(113, s0um, Hash(0, n0u, n0m), Hash(0, n1u, n1m));
        return Count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(int distance) => distance switch
    {
        <= 4 => distance,
        <= 6 => 5,
        <= 9 => 6,
        <= 14 => 7,
        _ => 8,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ulong template, ulong a) => Mix(a + ((template + 1) * 0x9E3779B97F4A7C15UL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ulong template, ulong a, ulong b) => Mix(Hash(template, a) ^ (b * 0xC2B2AE3D27D4EB4FUL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ulong template, ulong a, ulong b, ulong c) => Mix(Hash(template, a, b) ^ (c * 0x165667B19E3779F9UL));

    // The MurmurHash3 64-bit finalizer: every input bit affects every output bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
