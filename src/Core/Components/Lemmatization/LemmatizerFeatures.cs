using Pipeline.Training;

namespace Pipeline.Components.Lemmatization;

/// <summary>The lemmatizer's features: affixes of the lower-cased form crossed with the tags, plus shape.</summary>
internal static class LemmatizerFeatures
{
    /// <summary>The number of features <see cref="Extract"/> writes.</summary>
    public const int Count = 15;

    /// <summary>Writes the features of a form with its universal and language-specific tag hashes.</summary>
    public static void Extract(string form, ulong pos, ulong tag, Span<ulong> f)
    {
        Span<char> lower = form.Length <= 256 ? stackalloc char[form.Length] : new char[form.Length];
        form.AsSpan().ToLowerInvariant(lower);
        var upper = 0;
        foreach (var c in form)
        {
            upper += char.IsUpper(c) ? 1 : 0;
        }

        var casing = upper == 0 ? 0UL : upper == form.Length ? 2UL : char.IsUpper(form[0]) && upper == 1 ? 1UL : 3UL;
        f[0] = FeatureHash.Of(0, pos);
        for (var k = 1; k <= 5; k++)
        {
            f[k] = FeatureHash.Of((ulong)k, pos, Suffix(lower, k));
        }

        f[6] = FeatureHash.Of(6, pos, StringStore.Hash(lower));
        f[7] = FeatureHash.Of(7, pos, Prefix(lower, 1));
        f[8] = FeatureHash.Of(8, pos, Prefix(lower, 2));
        f[9] = FeatureHash.Of(9, pos, casing);
        f[10] = FeatureHash.Of(10, tag);
        f[11] = FeatureHash.Of(11, tag, Suffix(lower, 2));
        f[12] = FeatureHash.Of(12, tag, Suffix(lower, 3));
        f[13] = FeatureHash.Of(13, Suffix(lower, 3));
        f[14] = FeatureHash.Of(14, pos, (ulong)Math.Min(form.Length, 8));
    }

    private static ulong Suffix(ReadOnlySpan<char> text, int n) =>
        text.Length >= n ? StringStore.Hash(text[^n..]) : StringStore.Hash(text) ^ 0x27d4eb2fUL;

    private static ulong Prefix(ReadOnlySpan<char> text, int n) =>
        text.Length >= n ? StringStore.Hash(text[..n]) : StringStore.Hash(text) ^ 0x5bd1e995UL;
}
