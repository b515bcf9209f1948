namespace Pipeline.Corpora;

/// <summary>
/// Checks that a CoNLL-U sentence's <c># text</c> is spelled by its tokens' forms (a multiword token by its range
/// line's form, not its words'). Whitespace is ignored on both sides, as the UD validator does, so spacing and
/// <c>SpaceAfter</c> never matter, only the characters.
/// </summary>
internal static class ConlluText
{
    /// <summary>
    /// -1 when <paramref name="tokens"/> spell <paramref name="text"/>; else the index of the first token that
    /// departs from it, or <c>tokens.Count</c> when the tokens end before the text (whose unspelled end is then
    /// <paramref name="rest"/>).
    /// </summary>
    public static int FirstMismatch(string text, IReadOnlyList<ConlluToken> tokens, out string rest)
    {
        rest = string.Empty;
        var t = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            foreach (var c in tokens[k].Form)
            {
                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                t = SkipSpace(text, t);
                if (t == text.Length || text[t] != c)
                {
                    return k;
                }

                t++;
            }
        }

        t = SkipSpace(text, t);
        if (t == text.Length)
        {
            return -1;
        }

        rest = text[t..];
        return tokens.Count;
    }

    private static int SkipSpace(string text, int t)
    {
        while (t < text.Length && char.IsWhiteSpace(text[t]))
        {
            t++;
        }

        return t;
    }
}
