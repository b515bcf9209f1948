namespace Pipeline.Tests.Tokenization;

/// <summary>
/// Reads the gold tokenization of a CoNLL-U file: per sentence its <c># text</c> and the character spans of its
/// surface tokens (a multiword range such as 6-7 is one token, its words are skipped) and of its syntactic words
/// (the words of a range, when they spell its surface form, else the range as one span).
/// </summary>
internal sealed record ConlluSentence(string Text, IReadOnlyList<(int Start, int End)> Surface, IReadOnlyList<(int Start, int End)> Words)
{
    /// <summary>The sentences whose tokens could be aligned to their text (nearly all of them).</summary>
    public static List<ConlluSentence> Read(string path)
    {
        var sentences = new List<ConlluSentence>();
        string? text = null;
        var tokens = new List<(string Form, string[]? Words)>();
        string? rangeForm = null;
        List<string>? rangeWords = null;
        var rangeEnd = 0;
        foreach (var line in File.ReadLines(path).Append(""))
        {
            if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                text = line["# text = ".Length..];
            }
            else if (line.Length == 0)
            {
                if (text is not null && Align(text, tokens) is { } sentence)
                {
                    sentences.Add(sentence);
                }

                text = null;
                tokens.Clear();
            }
            else if (line[0] != '#')
            {
                var columns = line.Split('\t');
                var id = columns[0];
                if (id.Contains('.', StringComparison.Ordinal))
                {
                    continue;
                }

                var dash = id.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0)
                {
                    rangeEnd = int.Parse(id[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                    rangeForm = columns[1];
                    rangeWords = [];
                    continue;
                }

                var n = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
                if (rangeWords is not null && n <= rangeEnd)
                {
                    rangeWords.Add(columns[1]);
                    if (n == rangeEnd)
                    {
                        tokens.Add((rangeForm!, rangeWords.ToArray()));
                        rangeWords = null;
                    }

                    continue;
                }

                tokens.Add((columns[1], null));
            }
        }

        return sentences;
    }

    private static ConlluSentence? Align(string text, List<(string Form, string[]? Words)> tokens)
    {
        var surface = new List<(int, int)>();
        var words = new List<(int, int)>();
        var position = 0;
        foreach (var (form, parts) in tokens)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (string.CompareOrdinal(text, position, form, 0, form.Length) != 0)
            {
                return null;
            }

            surface.Add((position, position + form.Length));
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

        return new ConlluSentence(text, surface, words);
    }
}
