using Pipeline.Tokens;

namespace Pipeline.Corpora;

/// <summary>
/// One sentence of an IOB2 named-entity corpus, as read by <see cref="Iob2Reader"/>: its words and one
/// well-formed IOB2 tag per word (<c>O</c>, <c>B-LABEL</c> or <c>I-LABEL</c>, every I- continuing a B- or I- of
/// the same label).
/// </summary>
public sealed class NerSentence
{
    /// <summary>Creates a sentence; <paramref name="tags"/> must be well-formed IOB2, one per word.</summary>
    public NerSentence(IReadOnlyList<string> words, IReadOnlyList<string> tags, string? sentId = null, string? text = null, int line = 0)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(tags);
        if (words.Count != tags.Count)
        {
            throw Errors.ArrayShape($"{words.Count} words but {tags.Count} tags");
        }

        Words = words;
        Tags = tags;
        SentId = sentId;
        Text = text;
        Line = line;
    }

    /// <summary>The words, in order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The IOB2 tag of each word.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The value of the <c># sent_id = ...</c> comment, if any.</summary>
    public string? SentId { get; }

    /// <summary>The value of the <c># text = ...</c> comment, if any.</summary>
    public string? Text { get; }

    /// <summary>The 1-based line number where the sentence starts in its file.</summary>
    public int Line { get; }

    /// <summary>The entities as (start word, end word exclusive, label) triples, in order.</summary>
    public IReadOnlyList<(int Start, int End, string Label)> Entities
    {
        get
        {
            var result = new List<(int, int, string)>();
            for (var i = 0; i < Tags.Count; i++)
            {
                if (Tags[i].StartsWith("B-", StringComparison.Ordinal))
                {
                    var end = i + 1;
                    while (end < Tags.Count && Tags[end].StartsWith("I-", StringComparison.Ordinal))
                    {
                        end++;
                    }

                    result.Add((i, end, Tags[i][2..]));
                }
            }

            return result;
        }
    }

    /// <summary>
    /// Builds a doc of the words in <paramref name="vocab"/> with the entities set (every other token "O") and
    /// the first token marked as sentence start. Spaces come from aligning the words with <see cref="Text"/>; when
    /// there is no text or it does not match, every word is followed by a space.
    /// </summary>
    public Doc ToDoc(Vocab vocab)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        var doc = new Doc(vocab, Words, AlignSpaces());
        for (var i = 0; i < Tags.Count; i++)
        {
            var tag = Tags[i];
            if (tag == "O")
            {
                doc.SetEntity(i, 2, 0);
            }
            else
            {
                doc.SetEntity(i, tag[0] == 'B' ? (byte)3 : (byte)1, vocab.Strings.Add(tag[2..]));
            }
        }

        if (doc.Length > 0)
        {
            var starts = new sbyte[doc.Length];
            Array.Fill(starts, (sbyte)-1);
            starts[0] = 1;
            doc.SentStartColumn = starts;
        }

        return doc;
    }

    /// <inheritdoc />
    public override string ToString() => Text ?? string.Join(' ', Words);

    private bool[] AlignSpaces()
    {
        var spaces = new bool[Words.Count];
        Array.Fill(spaces, true);
        if (Text is null)
        {
            return spaces;
        }

        var aligned = new bool[Words.Count];
        var pos = 0;
        for (var i = 0; i < Words.Count; i++)
        {
            while (pos < Text.Length && char.IsWhiteSpace(Text[pos]))
            {
                pos++;
            }

            if (string.CompareOrdinal(Text, pos, Words[i], 0, Words[i].Length) != 0)
            {
                return spaces;
            }

            pos += Words[i].Length;
            aligned[i] = pos < Text.Length && char.IsWhiteSpace(Text[pos]);
        }

        return aligned;
    }
}
