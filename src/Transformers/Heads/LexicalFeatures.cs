using System.IO.Hashing;
using System.Runtime.InteropServices;
using Pipeline.Tokens;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// The sparse lexical features a neural head adds to the encoder's vectors, hashed: the lowercase form, the first
/// and last three characters and the word shape (spaCy's NORM, PREFIX, SUFFIX, SHAPE). They carry the casing and
/// the affixes that an uncased subword encoder blurs.
/// </summary>
internal static class LexicalFeatures
{
    /// <summary>Features per token.</summary>
    public const int Count = 4;

    /// <summary>The hashed feature ids of every token of <paramref name="doc"/>, [tokens, <see cref="Count"/>].</summary>
    public static ulong[] Of(Doc doc)
    {
        var ids = new ulong[doc.Length * Count];
        for (var i = 0; i < doc.Length; i++)
        {
            var text = doc[i].Text;
            var lower = text.ToLowerInvariant();
            ids[(i * Count) + 0] = Hash(0, lower);
            ids[(i * Count) + 1] = Hash(1, lower.AsSpan(0, Math.Min(3, lower.Length)));
            ids[(i * Count) + 2] = Hash(2, lower.AsSpan(Math.Max(0, lower.Length - 3)));
            ids[(i * Count) + 3] = Hash(3, Shape(text));
        }

        return ids;
    }

    /// <summary>The word shape: X for upper, x for lower, d for digits, other characters kept; runs cut at four.</summary>
    public static string Shape(string text)
    {
        var shape = new System.Text.StringBuilder(Math.Min(text.Length, 16));
        var last = '\0';
        var run = 0;
        foreach (var c in text)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            run = s == last ? run + 1 : 1;
            last = s;
            if (run <= 4)
            {
                shape.Append(s);
            }
        }

        return shape.ToString();
    }

    private static ulong Hash(int feature, ReadOnlySpan<char> value) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(value), feature);
}
