using System.Runtime.CompilerServices;
using Pipeline.Training;

namespace Pipeline.Tokenization.Learned;

/// <summary>
/// The hashed features of one character position for the learned tokenizer: the characters and classes around
/// the position, the parts of the whitespace-delimited chunk before and after it, the whole chunk with the offset
/// (which memorizes the segmentation of frequent chunks), and for a chunk's first character the previous chunk
/// and the shape of this one (the cues of sentence starts). Nothing is allocated.
/// </summary>
internal static class CharFeatures
{
    /// <summary>The most features one position has.</summary>
    public const int Max = 20;

    private const int AffixChars = 5;
    private const int LongPart = 10;
    private const int ChunkChars = 24;
    private const int PreviousChunkChars = 16;
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    /// <summary>
    /// Writes the features of the gap before <paramref name="i"/> into <paramref name="output"/>. The chunk
    /// <c>[chunkStart, chunkEnd)</c> holds <paramref name="i"/>; <c>[previousStart, previousEnd)</c> is the chunk
    /// before it (empty at the start of the text), <paramref name="chunkHash"/> its <see cref="ChunkHash"/>;
    /// <paramref name="gap"/> says whether whitespace precedes i.
    /// </summary>
    public static int Extract(ReadOnlySpan<char> text, int i, int chunkStart, int chunkEnd, int previousStart, int previousEnd, ulong chunkHash, bool gap, Span<ulong> output)
    {
        var n = 0;
        var c2 = CharAt(text, i - 2);
        var c1 = CharAt(text, i - 1);
        ulong c0 = text[i];
        var n1 = CharAt(text, i + 1);
        output[n++] = FeatureHash.Of(0, 1);
        output[n++] = FeatureHash.Of(1, c1);
        output[n++] = FeatureHash.Of(2, c0);
        output[n++] = FeatureHash.Of(3, n1);
        output[n++] = FeatureHash.Of(4, c2);
        output[n++] = FeatureHash.Of(5, c1, c0);
        output[n++] = FeatureHash.Of(6, (c2 << 16) | c1, c0);
        output[n++] = FeatureHash.Of(7, (c1 << 16) | c0, n1);
        output[n++] = FeatureHash.Of(8, (c2 << 16) | c1, (c0 << 16) | n1);
        ulong classes = 0;
        for (var k = i - 3; k <= i + 2; k++)
        {
            classes = (classes << 4) | (ulong)ClassAt(text, k);
        }

        output[n++] = FeatureHash.Of(9, classes);
        var atChunkStart = i == chunkStart;
        var right = HashLower(text.Slice(i, Math.Min(AffixChars, chunkEnd - i)));
        output[n++] = FeatureHash.Of(11, right);
        output[n++] = FeatureHash.Of(12, chunkHash, (ulong)(i - chunkStart));
        if (atChunkStart)
        {
            var previous = text[previousStart..previousEnd];
            var previousTail = previous[Math.Max(0, previous.Length - AffixChars)..];
            var last = previous.Length == 0 ? 0UL : previous[^1];
            output[n++] = FeatureHash.Of(10, HashLower(previousTail), gap ? 1UL : 0UL);
            var previousHash = HashLower(previous[Math.Max(0, previous.Length - PreviousChunkChars)..]);
            output[n++] = FeatureHash.Of(13, previousHash);
            var shape = Shape(text[chunkStart..chunkEnd]);
            output[n++] = FeatureHash.Of(14, shape, last);
            output[n++] = FeatureHash.Of(15, HashLower(previous[Math.Max(0, previous.Length - 3)..]), HashLower(text.Slice(i, Math.Min(3, chunkEnd - i))));
            output[n++] = FeatureHash.Of(17, ((ulong)Math.Min(previous.Length, 8) << 16) | last, ClassAt(text, i));
            output[n++] = FeatureHash.Of(18, previousHash, shape);
        }
        else
        {
            var left = text[chunkStart..i];
            output[n++] = FeatureHash.Of(10, HashLower(left[Math.Max(0, left.Length - AffixChars)..]), 2);
            output[n++] = FeatureHash.Of(13, HashLower(left[Math.Max(0, left.Length - LongPart)..]), 1);
            output[n++] = FeatureHash.Of(14, HashLower(text.Slice(i, Math.Min(LongPart, chunkEnd - i))), 1);
            output[n++] = FeatureHash.Of(15, HashLower(left[Math.Max(0, left.Length - 3)..]), HashLower(text.Slice(i, Math.Min(3, chunkEnd - i))));
        }

        output[n++] = FeatureHash.Of(16, gap ? 1UL : 0UL, ((ulong)ClassAt(text, i - 1) << 4) | ClassAt(text, i));
        return n;
    }

    /// <summary>The hash of a chunk's first characters, lower-cased.</summary>
    public static ulong ChunkHash(ReadOnlySpan<char> chunk) => HashLower(chunk[..Math.Min(ChunkChars, chunk.Length)]);

    /// <summary>An FNV-1a hash of the lower-cased characters (ASCII fast path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong HashLower(ReadOnlySpan<char> chars)
    {
        var h = FnvOffset;
        foreach (var c in chars)
        {
            h = (h ^ Lower(c)) * FnvPrime;
        }

        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Lower(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CharAt(ReadOnlySpan<char> text, int k)
    {
        if ((uint)k >= (uint)text.Length)
        {
            return 0;
        }

        var c = text[k];
        return Whitespace.Is(c) ? ' ' : c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte ClassAt(ReadOnlySpan<char> text, int k) => (uint)k < (uint)text.Length ? CharClass.Of(text[k]) : CharClass.Outside;

    /// <summary>The chunk's classes with runs collapsed, at most eight, e.g. "Xxxx." as Upper, Lower, Period.</summary>
    private static ulong Shape(ReadOnlySpan<char> chunk)
    {
        ulong shape = 0;
        var runs = 0;
        byte last = 255;
        foreach (var c in chunk)
        {
            var cls = CharClass.Of(c);
            if (cls == last)
            {
                continue;
            }

            last = cls;
            shape = (shape << 4) | cls;
            if (++runs == 8)
            {
                break;
            }
        }

        return shape | ((ulong)Math.Min(chunk.Length, 15) << 40);
    }
}
