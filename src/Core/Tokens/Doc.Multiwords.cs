namespace Pipeline.Tokens;

public sealed partial class Doc
{
    // Sorted, non-overlapping multiword tokens; null when the doc has none.
    private MultiwordToken[]? _multiwords;

    /// <summary>
    /// The multiword tokens, in order: the surface tokens that stand for several words. <see cref="Text"/> shows
    /// their surface text; the words (what the components see) keep their own forms. Empty when there are none.
    /// </summary>
    public IReadOnlyList<MultiwordToken> MultiwordTokens => _multiwords ?? [];

    internal bool HasMultiwords => _multiwords is not null;

    /// <summary>
    /// Declares which word ranges are multiword tokens and their surface text, replacing earlier ones. Ranges must be
    /// in order, not overlap, cover at least two words and have no space after any word but the last (E070). Character
    /// offsets and <see cref="Text"/> follow the surface text.
    /// </summary>
    public void SetMultiwordTokens(IEnumerable<MultiwordToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var list = tokens.ToArray();
        var previousEnd = 0;
        foreach (var token in list)
        {
            if (token.Start < previousEnd || token.End - token.Start < 2 || token.End > Length)
            {
                throw Errors.MultiwordRange(token.Start, token.End, Length);
            }

            if (string.IsNullOrEmpty(token.Text))
            {
                throw Errors.InvalidArgument($"Multiword token {token.Start}-{token.End}", "has no text");
            }

            for (var i = token.Start; i < token.End - 1; i++)
            {
                if (SpaceColumn[i])
                {
                    throw Errors.MultiwordRange(token.Start, token.End, Length);
                }
            }

            previousEnd = token.End;
        }

        AttachMultiwords(list.Length == 0 ? null : list);
    }

    /// <summary>Adopts validated multiword tokens and recomputes the character offsets.</summary>
    internal void AttachMultiwords(MultiwordToken[]? tokens)
    {
        _multiwords = tokens;
        RecomputeOffsets();
    }

    /// <summary>The index of the multiword token holding word <paramref name="i"/>, or -1.</summary>
    internal int MultiwordOf(int i)
    {
        var tokens = _multiwords;
        if (tokens is null)
        {
            return -1;
        }

        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= i)
            {
                lo = mid + 1;
            }
            else if (tokens[mid].Start > i)
            {
                hi = mid - 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>Whether the words of <paramref name="token"/> spell its surface text exactly.</summary>
    internal bool Spells(MultiwordToken token)
    {
        var text = token.Text.AsSpan();
        var position = 0;
        for (var i = token.Start; i < token.End; i++)
        {
            var word = Vocab.Strings[OrthColumn[i]];
            if (!text[position..].StartsWith(word, StringComparison.Ordinal))
            {
                return false;
            }

            position += word.Length;
        }

        return position == text.Length;
    }

    /// <summary>The multiword tokens wholly inside words [start, end), shifted to start at 0.</summary>
    internal MultiwordToken[]? MultiwordsIn(int start, int end)
    {
        if (_multiwords is null)
        {
            return null;
        }

        var inside = _multiwords.Where(m => m.Start >= start && m.End <= end)
            .Select(m => m with { Start = m.Start - start, End = m.End - start })
            .ToArray();
        return inside.Length == 0 ? null : inside;
    }

    /// <summary>Sets every word's character offset: words of a multiword token that do not spell it share its start.</summary>
    private void RecomputeOffsets()
    {
        var offset = 0;
        var tokens = _multiwords;
        var next = 0;
        for (var i = 0; i < Length; i++)
        {
            if (tokens is not null && next < tokens.Length && tokens[next].Start == i)
            {
                var token = tokens[next++];
                var spells = Spells(token);
                var position = offset;
                for (var k = token.Start; k < token.End; k++)
                {
                    IdxColumn[k] = position;
                    position += spells ? TokenLength(k) : 0;
                }

                offset += token.Text.Length + (SpaceColumn[token.End - 1] ? 1 : 0);
                i = token.End - 1;
                continue;
            }

            IdxColumn[i] = offset;
            offset += TokenLength(i) + (SpaceColumn[i] ? 1 : 0);
        }

        InvalidateText();
    }

    /// <summary>
    /// A copy of the doc's words, spaces and multiword tokens without any annotation: what a pipeline sees when it
    /// processes the text. Training and scoring run the components over such a copy of each gold doc.
    /// </summary>
    public Doc Unannotated()
    {
        var doc = new Doc(Vocab, (ulong[])OrthColumn.Clone(), (bool[])SpaceColumn.Clone());
        if (MultiwordsIn(0, Length) is { } multiwords)
        {
            doc.AttachMultiwords(multiwords);
        }

        return doc;
    }

    /// <summary>
    /// A copy of the doc's words, spaces, norms and Pos and Tag columns: the input of a component trained alone on
    /// gold docs (its own <c>Train</c>), which reads gold tags where a pipeline would give it predicted ones.
    /// </summary>
    internal Doc WordsAndTags() => new(Vocab, (ulong[])OrthColumn.Clone(), (bool[])SpaceColumn.Clone())
    {
        NormColumn = (ulong[]?)NormColumn?.Clone(),
        PosColumn = (ulong[]?)PosColumn?.Clone(),
        TagColumn = (ulong[]?)TagColumn?.Clone(),
    };
}
