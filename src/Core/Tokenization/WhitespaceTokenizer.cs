using Pipeline.Tokens;

namespace Pipeline.Tokenization;

/// <summary>Splits text on single spaces only (runs of spaces become space tokens); for pre-tokenized input.</summary>
public sealed class WhitespaceTokenizer : ITokenizer
{
    private readonly Vocab _vocab;

    /// <summary>Creates a tokenizer whose docs use <paramref name="vocab"/>.</summary>
    public WhitespaceTokenizer(Vocab vocab)
    {
        _vocab = vocab;
    }

    /// <inheritdoc />
    public Doc Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var orth = new List<ulong>();
        var spaces = new List<bool>();
        var i = 0;
        while (i < text.Length)
        {
            var end = text.IndexOf(' ', i);
            if (end < 0)
            {
                end = text.Length;
            }

            if (end == i)
            {
                // A space that does not follow a token becomes a token of its own.
                orth.Add(_vocab.Strings.Add(" "));
                spaces.Add(false);
                i++;
                continue;
            }

            orth.Add(_vocab.Strings.Add(text.AsSpan(i, end - i)));
            var space = end < text.Length;
            spaces.Add(space);
            i = space ? end + 1 : end;
        }

        return new Doc(_vocab, orth.ToArray(), spaces.ToArray());
    }
}
