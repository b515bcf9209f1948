using System.Buffers;
using System.Runtime.CompilerServices;

namespace Pipeline.Tokenization;

/// <summary>
/// The characters that separate chunks: tab, line feed, vertical tab, form feed, carriage return, space, and the
/// Unicode space and line separators (no-break space, ideographic space, ...).
/// </summary>
internal static class Whitespace
{
    /// <summary>All whitespace characters, for searches over spans.</summary>
    public static readonly SearchValues<char> Chars = SearchValues.Create(
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A" +
        "\u2028\u2029\u202F\u205F\u3000");

    /// <summary>Whether <paramref name="c"/> is one of <see cref="Chars"/>; cheap for ASCII text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is(char c) => c <= ' ' ? c == ' ' || (uint)(c - '\t') <= '\r' - '\t' : c >= '\u0085' && Chars.Contains(c);
}
