using System.Globalization;

namespace Pipeline;

/// <summary>Computes the lexical attributes of a word text: lower case, shape, affixes and flags.</summary>
internal static class LexemeBuilder
{
    public static Lexeme Build(StringStore strings, ulong orth, string text)
    {
        var lower = text.ToLowerInvariant();
        var lowerId = strings.Add(lower);
        return new Lexeme(
            orth,
            lowerId,
            lowerId,
            strings.Add(Shape(text)),
            strings.Add(Prefix(text)),
            strings.Add(Suffix(text)),
            Flags(text));
    }

    /// <summary>The word shape: letters become X/x, digits d, other characters stay; runs are capped at four.</summary>
    public static string Shape(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        var last = '\0';
        var run = 0;
        foreach (var c in text)
        {
            var shape = char.IsLetter(c) ? (char.IsUpper(c) ? 'X' : 'x') : char.IsDigit(c) ? 'd' : c;
            run = shape == last ? run + 1 : 1;
            last = shape;
            if (run <= 4)
            {
                buffer[n++] = shape;
            }
        }

        return new string(buffer[..n]);
    }

    private static string Prefix(string text) => text.Length == 0 ? text : text[..1];

    private static string Suffix(string text) => text.Length <= 3 ? text : text[^3..];

    private static LexemeFlags Flags(string text)
    {
        if (text.Length == 0)
        {
            return LexemeFlags.None;
        }

        bool alpha = true, digit = true, punct = true, space = true, ascii = true;
        bool anyUpper = false, anyLower = false;
        foreach (var c in text)
        {
            alpha &= char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
            digit &= char.IsDigit(c);
            punct &= char.IsPunctuation(c) || char.IsSymbol(c) && c is not ('$' or '+' or '<' or '=' or '>' or '^' or '`' or '|' or '~');
            space &= char.IsWhiteSpace(c);
            ascii &= c < 128;
            anyUpper |= char.IsUpper(c);
            anyLower |= char.IsLower(c);
        }

        var flags = LexemeFlags.None;
        if (alpha)
        {
            flags |= LexemeFlags.IsAlpha;
        }

        if (digit)
        {
            flags |= LexemeFlags.IsDigit;
        }

        if (punct)
        {
            flags |= LexemeFlags.IsPunct;
        }

        if (space)
        {
            flags |= LexemeFlags.IsSpace;
        }

        if (ascii)
        {
            flags |= LexemeFlags.IsAscii;
        }

        if (anyUpper && !anyLower)
        {
            flags |= LexemeFlags.IsUpper;
        }

        if (anyLower && !anyUpper)
        {
            flags |= LexemeFlags.IsLower;
        }

        if (char.IsUpper(text[0]) && anyLower && !text.AsSpan(1).ContainsAnyInRange('A', 'Z'))
        {
            flags |= LexemeFlags.IsTitle;
        }

        if (LikeNumber(text))
        {
            flags |= LexemeFlags.LikeNum;
        }

        if (text.Length == 1 && "\"'`([{<)]}>«»‘’“”„".Contains(text[0]))
        {
            flags |= LexemeFlags.IsBracketOrQuote;
        }

        return flags;
    }

    private static bool LikeNumber(string text)
    {
        var t = text.AsSpan().TrimStart("+-±~");
        if (t.IsEmpty)
        {
            return false;
        }

        var digits = 0;
        foreach (var c in t)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
            else if (c is not (',' or '.' or '/' or '\'' or '’'))
            {
                return false;
            }
        }

        return digits > 0 && char.IsDigit(t[^1]);
    }
}
