using System.IO.Hashing;
using System.Runtime.InteropServices;
using Pipeline.Tokens;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// The sparse lexical features a neural head adds to the encoder's vectors, hashed: the lowercase form, the form as
/// written, the first one to three and last one to four characters and the word shape (the perceptron tagger's
/// lexical features; spaCy's NORM, ORTH, PREFIX, SUFFIX, SHAPE). They carry the casing and the affixes that an
/// uncased subword encoder blurs.
/// </summary>
internal static class LexicalFeatures
{
    /// <summary>Features per token.</summary>
    public const int Count = 10;

    private const int MaxStack = 64;

    /// <summary>The hashed feature ids of every token of <paramref name="doc"/>, [tokens, <see cref="Count"/>].</summary>
    public static ulong[] Of(Doc doc)
    {
        var ids = new ulong[doc.Length * Count];
        for (var i = 0; i < doc.Length; i++)
        {
            Fill(doc[i].Text, ids.AsSpan(i * Count, Count));
        }

        return ids;
    }

    /// <summary>The word shape: X for upper, x for lower, d for digits, other characters kept; runs cut at four.</summary>
    public static string Shape(string text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, MaxStack)];
        return new string(buffer[..Shape(text, buffer)]);
    }

    private static void Fill(string text, Span<ulong> ids)
    {
        Span<char> lower = text.Length <= MaxStack ? stackalloc char[text.Length] : new char[text.Length];
        text.AsSpan().ToLowerInvariant(lower);
        ids[0] = Hash(0, lower);
        ids[1] = Hash(1, text);
        for (var n = 1; n <= 3; n++)
        {
            ids[1 + n] = Hash(1 + n, lower[..Math.Min(n, lower.Length)]) ^ (lower.Length < n ? 1UL : 0);
        }

        for (var n = 1; n <= 4; n++)
        {
            ids[4 + n] = Hash(4 + n, lower[Math.Max(0, lower.Length - n)..]) ^ (lower.Length < n ? 1UL : 0);
        }

        Span<char> shape = stackalloc char[Math.Min(text.Length, MaxStack)];
        ids[9] = Hash(9, shape[..Shape(text, shape)]);
    }

    private static int Shape(string text, Span<char> buffer)
    {
        var n = 0;
        var last = '\0';
        var run = 0;
        foreach (var c in text)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            run = s == last ? run + 1 : 1;
            last = s;
            if (run <= 4 && n < buffer.Length)
            {
                buffer[n++] = s;
            }
        }

        return n;
    }

    private static ulong Hash(int feature, ReadOnlySpan<char> value) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(value), feature);
}
