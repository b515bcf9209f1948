using Pipeline.Corpora;

namespace Pipeline.Tests.Tokenization;

/// <summary>
/// The gold tokenization of a CoNLL-U sentence read by <see cref="ConlluReader"/>: its <c># text</c> and the
/// character spans of its surface tokens (a multiword range such as 6-7 is one token) and of its syntactic words
/// (the words of a range, when they spell its surface form, else the range as one span).
/// </summary>
internal sealed record GoldTokenization(string Text, IReadOnlyList<(int Start, int End)> Surface, IReadOnlyList<(int Start, int End)> Words)
{
    /// <summary>The sentences whose tokens could be aligned to their text (nearly all of them).</summary>
    public static List<GoldTokenization> Read(string path)
    {
        var sentences = new List<GoldTokenization>();
        foreach (var sentence in ConlluReader.Read(path))
        {
            if (sentence.Text is { } text && Align(text, sentence) is { } gold)
            {
                sentences.Add(gold);
            }
        }

        return sentences;
    }

    private static GoldTokenization? Align(string text, ConlluSentence sentence)
    {
        var surface = new List<(int, int)>();
        var words = new List<(int, int)>();
        var position = 0;
        foreach (var token in sentence.Tokens)
        {
            var form = token.Form;
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (string.CompareOrdinal(text, position, form, 0, form.Length) != 0)
            {
                return null;
            }

            surface.Add((position, position + form.Length));
            var parts = token.IsMultiword
                ? sentence.Words.Skip(token.FirstWord).Take(token.EndWord - token.FirstWord).Select(w => w.Form).ToArray()
                : null;
            if (parts is not null && string.Concat(parts).Equals(form, StringComparison.OrdinalIgnoreCase))
            {
                var start = position;
                foreach (var part in parts)
                {
                    words.Add((start, start + part.Length));
                    start += part.Length;
                }
            }
            else
            {
                words.Add((position, position + form.Length));
            }

            position += form.Length;
        }

        return new GoldTokenization(text, surface, words);
    }
}
