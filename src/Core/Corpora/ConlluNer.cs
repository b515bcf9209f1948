namespace Pipeline.Corpora;

/// <summary>
/// Named entities carried in the MISC column of CoNLL-U (<c>NER=B-PER</c>, <c>NER=I-PER</c>, <c>NER=O</c>), the
/// form <c>pipeline parse</c> writes, so one file can hold syntax and entities.
/// </summary>
public static class ConlluNer
{
    /// <summary>The MISC key that holds a word's IOB2 entity tag.</summary>
    public const string MiscKey = "NER";

    /// <summary>
    /// The IOB2 tag of every word of <paramref name="sentence"/> (<c>O</c> where a word has none), or null when no
    /// word carries an <c>NER=</c> entry. Tags are repaired like IOB2 input: an <c>I-</c> that continues no entity
    /// of its label starts one.
    /// </summary>
    public static string[]? Tags(ConlluSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        string[]? tags = null;
        for (var i = 0; i < sentence.Words.Count; i++)
        {
            if (Find(sentence.Words[i].Misc) is { } tag)
            {
                tags ??= Enumerable.Repeat("O", sentence.Words.Count).ToArray();
                tags[i] = tag;
            }
        }

        if (tags is null)
        {
            return null;
        }

        for (var i = 0; i < tags.Length; i++)
        {
            var tag = tags[i];
            if (tag.Length < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I'))
            {
                tags[i] = "O";
            }
            else if (tag[0] == 'I' && (i == 0 || tags[i - 1] == "O" || !tags[i - 1].AsSpan(2).SequenceEqual(tag.AsSpan(2))))
            {
                tags[i] = "B-" + tag[2..];
            }
        }

        return tags;
    }

    /// <summary>The entities of IOB2 tags as (start word, end word exclusive, label) triples.</summary>
    public static IReadOnlyList<(int Start, int End, string Label)> Spans(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var result = new List<(int, int, string)>();
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i].StartsWith("B-", StringComparison.Ordinal))
            {
                var end = i + 1;
                while (end < tags.Count && tags[end].StartsWith("I-", StringComparison.Ordinal) && tags[end].AsSpan(2).SequenceEqual(tags[i].AsSpan(2)))
                {
                    end++;
                }

                result.Add((i, end, tags[i][2..]));
            }
        }

        return result;
    }

    /// <summary>Sets the entities of <paramref name="tags"/> on <paramref name="doc"/>, one tag per token.</summary>
    public static void Apply(Tokens.Doc doc, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count != doc.Length)
        {
            throw Errors.ArrayShape($"{doc.Length} tokens but {tags.Count} entity tags");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (tag.Length > 2 && tag[1] == '-')
            {
                doc.SetEntity(i, tag[0] == 'B' ? (byte)3 : (byte)1, doc.Vocab.Strings.Add(tag[2..]));
            }
            else
            {
                doc.SetEntity(i, 2, 0);
            }
        }
    }

    /// <summary>Whether <paramref name="tag"/> is <c>O</c>, <c>B-LABEL</c> or <c>I-LABEL</c> with a usable label.</summary>
    internal static bool IsTag(string tag) =>
        tag == "O" || (tag.Length >= 3 && tag[1] == '-' && tag[0] is 'B' or 'I' && IsLabel(tag.AsSpan(2)));

    /// <summary>Whether an entity label can be written to MISC and read back: no whitespace, '|' or '='.</summary>
    internal static bool IsLabel(ReadOnlySpan<char> label)
    {
        foreach (var c in label)
        {
            if (char.IsWhiteSpace(c) || c is '|' or '=')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value of the <c>NER=</c> entry of a MISC field, or null.</summary>
    internal static string? Find(string misc)
    {
        if (misc.Length == 0)
        {
            return null;
        }

        foreach (var part in misc.Split('|'))
        {
            if (part.Length > MiscKey.Length && part.StartsWith(MiscKey, StringComparison.Ordinal) && part[MiscKey.Length] == '=')
            {
                return part[(MiscKey.Length + 1)..];
            }
        }

        return null;
    }
}
