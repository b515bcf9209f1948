using System.Globalization;
using System.Runtime.CompilerServices;

namespace Pipeline.Tokenization.Learned;

/// <summary>
/// Sixteen coarse character classes (four bits) for the learned tokenizer's features and its table of contexts
/// that never hold a boundary: letters by case, digits, whitespace, and the punctuation that matters for splitting.
/// </summary>
internal static class CharClass
{
    public const byte Outside = 0;
    public const byte Space = 1;
    public const byte Lower = 2;
    public const byte Upper = 3;
    public const byte OtherLetter = 4;
    public const byte Digit = 5;
    public const byte Period = 6;
    public const byte Comma = 7;
    public const byte Apostrophe = 8;
    public const byte Hyphen = 9;
    public const byte Quote = 10;
    public const byte Open = 11;
    public const byte Close = 12;
    public const byte Stop = 13;
    public const byte Punct = 14;
    public const byte Symbol = 15;

    /// <summary>The number of (previous non-whitespace, whitespace between, current, next) class contexts.</summary>
    public const int Contexts = 16 * 2 * 16 * 16;

    private static readonly byte[] Ascii = BuildAscii();

    /// <summary>The class of <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Of(char c) => c < 128 ? Ascii[c] : OfUnicode(c);

    /// <summary>
    /// The context index of a position from the classes of the last non-whitespace character before it, the
    /// character itself and the next one, and whether whitespace comes between.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Context(byte previous, bool gap, byte current, byte next) => (previous << 9) | (gap ? 256 : 0) | (current << 4) | next;

    private static byte OfUnicode(char c)
    {
        if (Whitespace.Is(c))
        {
            return Space;
        }

        return c switch
        {
            '\u2019' or '\u2018' or '\u02BC' => Apostrophe,
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' => Hyphen,
            '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' => Quote,
            '\u2026' or '\u3002' or '\u061F' or '\u00A1' or '\u00BF' => Stop,
            _ => CharUnicodeInfo.GetUnicodeCategory(c) switch
            {
                UnicodeCategory.LowercaseLetter => Lower,
                UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter => Upper,
                UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => OtherLetter,
                UnicodeCategory.DecimalDigitNumber or UnicodeCategory.OtherNumber or UnicodeCategory.LetterNumber => Digit,
                UnicodeCategory.DashPunctuation => Hyphen,
                UnicodeCategory.OpenPunctuation => Open,
                UnicodeCategory.ClosePunctuation => Close,
                UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation => Quote,
                UnicodeCategory.OtherPunctuation or UnicodeCategory.ConnectorPunctuation => Punct,
                _ => Symbol,
            },
        };
    }

    private static byte[] BuildAscii()
    {
        var table = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            var ch = (char)c;
            table[c] = ch switch
            {
                >= 'a' and <= 'z' => Lower,
                >= 'A' and <= 'Z' => Upper,
                >= '0' and <= '9' => Digit,
                '.' => Period,
                ',' => Comma,
                '\'' or '`' => Apostrophe,
                '-' => Hyphen,
                '"' => Quote,
                '(' or '[' or '{' or '<' => Open,
                ')' or ']' or '}' or '>' => Close,
                '!' or '?' or ';' or ':' => Stop,
                '_' or '/' or '\\' or '&' or '*' or '@' or '#' or '%' => Punct,
                _ when Whitespace.Is(ch) => Space,
                _ when char.IsControl(ch) => Space,
                _ => Symbol,
            };
        }

        return table;
    }
}
