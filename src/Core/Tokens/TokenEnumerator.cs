namespace Pipeline.Tokens;

/// <summary>
/// Walks the tokens of a <see cref="Doc"/> or <see cref="Span"/> in order, so <c>foreach (var token in doc)</c> and
/// <c>foreach (var token in span)</c> work without allocating an enumerator (spaCy's <c>for token in doc</c>).
/// Obtain one from <see cref="Doc.GetEnumerator"/> or <see cref="Span.GetEnumerator"/>.
/// </summary>
public struct TokenEnumerator
{
    private readonly Doc? _doc;
    private readonly int _end;
    private int _index;

    internal TokenEnumerator(Doc doc, int start, int end)
    {
        _doc = doc;
        _index = start - 1;
        _end = end;
    }

    /// <summary>The token at the current position; valid after <see cref="MoveNext"/> returned true.</summary>
    public readonly Token Current => new(_doc!, _index);

    /// <summary>Advances to the next token; false once the last one has been passed.</summary>
    public bool MoveNext() => _doc is not null && ++_index < _end;
}
