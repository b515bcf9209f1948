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
    }

    /// <summary>The class context of position <paramref name="i"/>.</summary>
    public readonly int Context(int i) => CharClass.Context(
        i > 0 ? CharClass.Of(_text[i - 1]) : CharClass.Outside,
        CharClass.Of(_text[i]),
        i + 1 < _text.Length ? CharClass.Of(_text[i + 1]) : CharClass.Outside);

    /// <summary>The features of position <paramref name="i"/>.</summary>
    public readonly int Features(int i, bool gap, Span<ulong> output) =>
        CharFeatures.Extract(_text, i, _chunkStart, _chunkEnd, _previousStart, _previousEnd, gap, output);
}
