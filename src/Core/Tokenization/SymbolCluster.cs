using System.Buffers;
using System.Globalization;
using System.Text;

namespace Pipeline.Tokenization;

/// <summary>
/// Finds a symbol of given Unicode categories at either end of a string, together with what renders as part of it:
/// combining marks, variation selectors, emoji skin-tone modifiers and tag characters, and symbols joined to it by
/// a zero-width joiner (family emoji). Works on code points, so surrogate pairs are never cut.
/// </summary>
internal static class SymbolCluster
{
    private const int ZeroWidthJoiner = 0x200D;

    /// <summary>A bit mask of categories, for <see cref="MatchStart"/> and <see cref="MatchEnd"/>.</summary>
    public static uint Mask(IEnumerable<UnicodeCategory> categories)
    {
        var mask = 0u;
        foreach (var category in categories)
        {
            mask |= 1u << (int)category;
        }

        return mask;
    }

    /// <summary>The length of the symbol cluster that starts <paramref name="s"/>, or 0.</summary>
    public static int MatchStart(ReadOnlySpan<char> s, uint mask)
    {
        var end = SymbolEndAfter(s, 0, mask);
        if (end < 0)
        {
            return 0;
        }

        while (end + 1 < s.Length && s[end] == ZeroWidthJoiner)
        {
            var next = SymbolEndAfter(s, end + 1, mask);
            if (next < 0)
            {
                break;
            }

            end = next;
        }

        return end;
    }

    /// <summary>The length of the symbol cluster that ends <paramref name="s"/>, or 0.</summary>
    public static int MatchEnd(ReadOnlySpan<char> s, uint mask)
    {
        var start = SymbolStartBefore(s, s.Length, mask);
        if (start < 0)
        {
            return 0;
        }

        while (start > 1 && s[start - 1] == ZeroWidthJoiner)
        {
            var previous = SymbolStartBefore(s, start - 1, mask);
            if (previous < 0)
            {
                break;
            }

            start = previous;
        }

        return s.Length - start;
    }

    private static int SymbolEndAfter(ReadOnlySpan<char> s, int start, uint mask)
    {
        if (Rune.DecodeFromUtf16(s[start..], out var rune, out var length) != OperationStatus.Done || !InMask(rune, mask))
        {
            return -1;
        }

        var end = start + length;
        while (end < s.Length && Rune.DecodeFromUtf16(s[end..], out var next, out var n) == OperationStatus.Done
            && IsExtender(next))
        {
            end += n;
        }

        return end;
    }

    private static int SymbolStartBefore(ReadOnlySpan<char> s, int end, uint mask)
    {
        var j = end;
        while (j > 0 && Rune.DecodeLastFromUtf16(s[..j], out var rune, out var n) == OperationStatus.Done && IsExtender(rune))
        {
            j -= n;
        }

        if (j == 0 || Rune.DecodeLastFromUtf16(s[..j], out var symbol, out var length) != OperationStatus.Done
            || !InMask(symbol, mask))
        {
            return -1;
        }

        return j - length;
    }

    private static bool InMask(Rune rune, uint mask) => (mask & (1u << (int)Rune.GetUnicodeCategory(rune))) != 0;

    /// <summary>Marks, variation selectors, skin-tone modifiers and emoji tags: they belong to the preceding symbol.</summary>
    private static bool IsExtender(Rune rune)
    {
        var value = rune.Value;
        if (value is >= 0x1F3FB and <= 0x1F3FF or >= 0xE0020 and <= 0xE007F)
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
    }
}
