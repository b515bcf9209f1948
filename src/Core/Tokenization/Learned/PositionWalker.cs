namespace Pipeline.Tokenization.Learned;

/// <summary>
/// Walks the non-whitespace positions of a text left to right, tracking the chunk (maximal run without whitespace)
/// that holds the current position and the chunk before it, which the features need.
/// </summary>
internal ref struct PositionWalker
{
    private readonly ReadOnlySpan<char> _text;
    private int _chunkStart;
    private int _chunkEnd;
    private int _previousStart;
    private int _previousEnd;
    private ulong _chunkHash;
    private bool _hasChunkHash;

    public PositionWalker(ReadOnlySpan<char> text)
    {
        _text = text;
    }

    /// <summary>Moves to non-whitespace position <paramref name="i"/>, at or after the last one.</summary>
    public void MoveTo(int i)
    {
        if (i < _chunkEnd)
        {
            return;
        }

        if (_chunkEnd > _chunkStart)
        {
            (_previousStart, _previousEnd) = (_chunkStart, _chunkEnd);
        }

        _chunkStart = i;
        var end = i + 1;
        while (end < _text.Length && !Whitespace.Is(_text[end]))
        {
            end++;
        }

        _chunkEnd = end;
        _hasChunkHash = false;
    }

    /// <summary>Whether the surface token holding <paramref name="i"/> (per the gold labels) is in the lexicon.</summary>
    public readonly bool ChunkOrTokenInLexicon(byte[] labels, MultiwordLexicon lexicon, int i)
    {
        var start = i;
        while (start > _chunkStart && labels[start] < TokenizerExample.TokenStart)
        {
            start--;
        }

        var end = i + 1;
        while (end < _chunkEnd && labels[end] < TokenizerExample.TokenStart)
        {
            end++;
        }

        return lexicon.Expand(_text[start..end]) is not null;
    }

    /// <summary>The class context of position <paramref name="i"/>; <paramref name="gap"/>: whitespace precedes it.</summary>
    public readonly int Context(int i, bool gap)
    {
        var before = gap ? (_previousEnd > 0 && i == _chunkStart ? _previousEnd - 1 : -1) : i - 1;
        return CharClass.Context(
            before >= 0 ? CharClass.Of(_text[before]) : CharClass.Outside,
            gap,
            CharClass.Of(_text[i]),
            i + 1 < _text.Length ? CharClass.Of(_text[i + 1]) : CharClass.Outside);
    }

    /// <summary>The features of position <paramref name="i"/>.</summary>
    public int Features(int i, bool gap, scoped Span<ulong> output)
    {
        if (!_hasChunkHash)
        {
            _chunkHash = CharFeatures.ChunkHash(_text[_chunkStart.._chunkEnd]);
            _hasChunkHash = true;
        }

        return CharFeatures.Extract(_text, i, _chunkStart, _chunkEnd, _previousStart, _previousEnd, _chunkHash, gap, output);
    }
}
