using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Pipeline.Components.Tagging;

/// <summary>
/// The context-independent feature values of one word type (stable string hashes of its lower-case form, shape
/// and affixes), computed once per word and cached, so tagging a token costs a dictionary lookup, not hashing.
/// </summary>
internal readonly record struct LexicalFeatures(
    ulong Orth,
    ulong Lower,
    ulong Shape,
    ulong Prefix1,
    ulong Prefix2,
    ulong Prefix3,
    ulong Suffix1,
    ulong Suffix2,
    ulong Suffix3,
    ulong Suffix4,
    byte Case)
{
    private const int MaxCached = 1 << 18;
    private static readonly ConcurrentDictionary<ulong, LexicalFeatures> Cache = new();
    private static int _cached;

    /// <summary>The features of the word with hash <paramref name="orth"/>, whose text is in <paramref name="strings"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LexicalFeatures Get(StringStore strings, ulong orth)
    {
        if (Cache.TryGetValue(orth, out var features))
        {
            return features;
        }

        features = Compute(orth, strings[orth]);

        // ConcurrentDictionary.Count takes every lock, so the size is tracked here instead.
        if (Volatile.Read(ref _cached) < MaxCached && Cache.TryAdd(orth, features))
        {
            Interlocked.Increment(ref _cached);
        }

        return features;
    }

    /// <summary>Computes the features of a word text.</summary>
    public static LexicalFeatures Compute(ulong orth, string text)
    {
        Span<char> lower = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        text.AsSpan().ToLowerInvariant(lower);
        return new LexicalFeatures(
            orth,
            StringStore.Hash(lower),
            ShapeHash(text),
            Prefix(lower, 1),
            Prefix(lower, 2),
            Prefix(lower, 3),
            Suffix(lower, 1),
            Suffix(lower, 2),
            Suffix(lower, 3),
            Suffix(lower, 4),
            CaseOf(text));
    }

    /// <summary>0: no letters, 1: lower case, 2: title case, 3: upper case, 4: mixed.</summary>
    private static byte CaseOf(string text)
    {
        bool upper = false, lower = false, firstUpper = false, seen = false;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            firstUpper |= !seen && char.IsUpper(c);
            seen = true;
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
        }

        return !seen ? (byte)0 : !upper ? (byte)1 : !lower ? (byte)3 : firstUpper && text.AsSpan(1).IndexOfAnyInRange('A', 'Z') < 0 ? (byte)2 : (byte)4;
    }

    // Affixes longer than the word are marked so that "ab" as a 3-suffix differs from the word "ab" itself.
    private static ulong Prefix(ReadOnlySpan<char> text, int n) =>
        text.Length >= n ? StringStore.Hash(text[..n]) : StringStore.Hash(text) ^ 0x5bd1e995UL;

    private static ulong Suffix(ReadOnlySpan<char> text, int n) =>
        text.Length >= n ? StringStore.Hash(text[^n..]) : StringStore.Hash(text) ^ 0x27d4eb2fUL;

    private static ulong ShapeHash(string text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var n = 0;
        var last = '\0';
        var run = 0;
        foreach (var c in text)
        {
            var shape = char.IsLetter(c) ? (char.IsUpper(c) ? 'X' : 'x') : char.IsDigit(c) ? 'd' : c;
            run = shape == last ? run + 1 : 1;
            last = shape;
            if (run <= 3 && n < buffer.Length)
            {
                buffer[n++] = shape;
            }
        }

        return StringStore.Hash(buffer[..n]);
    }
}
