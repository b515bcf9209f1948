using System.Text;
using Pipeline.Corpora;

namespace Pipeline.Tokenization.Learned;

/// <summary>
/// One training document of the learned tokenizer: the raw text of its sentences (each sentence's <c># text</c>,
/// joined by a space) and a label for every character: <see cref="Inside"/>, <see cref="WordStart"/> (a new word
/// inside a multiword token whose words spell it), <see cref="TokenStart"/>, <see cref="SentenceStart"/>, or
/// <see cref="None"/> for whitespace between tokens. Also collects the surface tokens for the multiword lexicon.
/// </summary>
internal sealed class TokenizerExample
{
    public const byte Inside = 0;
    public const byte WordStart = 1;
    public const byte TokenStart = 2;
    public const byte SentenceStart = 3;
    public const byte None = 255;

    private TokenizerExample(string text, byte[] labels)
    {
        Text = text;
        Labels = labels;
    }

    public string Text { get; }

    public byte[] Labels { get; }

    /// <summary>
    /// Builds the example of a document; <paramref name="tokens"/> receives each surface token (lower-cased) with its
    /// lower-cased words when it is a multiword token. Sentences whose tokens do not match their text are laid out
    /// from their tokens instead; sentences without words are left out. Null when nothing is left.
    /// </summary>
    public static TokenizerExample? Build(IReadOnlyList<ConlluSentence> sentences, Action<string, string[]?> tokens)
    {
        var text = new StringBuilder();
        var labels = new List<byte>();
        foreach (var sentence in sentences)
        {
            if (sentence.Tokens.Count == 0)
            {
                continue;
            }

            var own = sentence.Text?.Trim();
            var starts = own is { Length: > 0 } ? Align(sentence, own) : null;
            if (starts is null)
            {
                own = Rebuild(sentence);
                starts = Align(sentence, own);
                if (starts is null)
                {
                    continue;
                }
            }

            if (text.Length > 0)
            {
                text.Append(' ');
                labels.Add(None);
            }

            var offset = labels.Count;
            own ??= string.Empty;
            text.Append(own);
            foreach (var c in own)
            {
                labels.Add(Whitespace.Is(c) ? None : Inside);
            }

            for (var t = 0; t < sentence.Tokens.Count; t++)
            {
                var token = sentence.Tokens[t];
                var start = offset + starts[t];
                labels[start] = t == 0 ? SentenceStart : TokenStart;
                string[]? words = null;
                if (token.IsMultiword)
                {
                    words = new string[token.EndWord - token.FirstWord];
                    for (var k = 0; k < words.Length; k++)
                    {
                        words[k] = sentence.Words[token.FirstWord + k].Form.ToLowerInvariant();
                    }

                    if (string.Concat(sentence.Words.Skip(token.FirstWord).Take(words.Length).Select(w => w.Form)) == token.Form)
                    {
                        var position = start;
                        for (var k = 0; k < words.Length - 1; k++)
                        {
                            position += sentence.Words[token.FirstWord + k].Form.Length;
                            if (labels[position] == Inside)
                            {
                                labels[position] = WordStart;
                            }
                        }
                    }
                }

                tokens(token.Form.ToLowerInvariant(), words);
            }
        }

        return labels.Count == 0 ? null : new TokenizerExample(text.ToString(), [.. labels]);
    }

    /// <summary>The offset of each token in <paramref name="text"/>, or null when the tokens do not spell it.</summary>
    private static int[]? Align(ConlluSentence sentence, string text)
    {
        var starts = new int[sentence.Tokens.Count];
        var p = 0;
        for (var t = 0; t < starts.Length; t++)
        {
            while (p < text.Length && Whitespace.Is(text[p]))
            {
                p++;
            }

            var form = sentence.Tokens[t].Form;
            if (form.Length == 0 || Whitespace.Is(form[0]) || !text.AsSpan(p).StartsWith(form, StringComparison.Ordinal))
            {
                return null;
            }

            starts[t] = p;
            p += form.Length;
        }

        return text.AsSpan(p).IsWhiteSpace() ? starts : null;
    }

    private static string Rebuild(ConlluSentence sentence)
    {
        var builder = new StringBuilder();
        foreach (var token in sentence.Tokens)
        {
            builder.Append(token.Form);
            if (token.SpaceAfter)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }
}
