namespace Pipeline.Tokens;

/// <summary>
/// A view of the tokens <c>[Start, End)</c> of a <see cref="Doc"/>, optionally labelled (entities are labelled
/// spans). Spans are not serialized on their own: use <see cref="AsDoc"/> to copy one into a standalone doc.
/// </summary>
public readonly struct Span : IEquatable<Span>
{
    internal Span(Doc doc, int start, int end, ulong label = 0)
    {
        Doc = doc;
        Start = start;
        End = end;
        LabelId = label;
    }

    /// <summary>Creates a span of <paramref name="doc"/>, optionally with a label.</summary>
    public Span(Doc doc, int start, int end, string label)
        : this(doc, start, end, doc.Vocab.Strings.Add(label))
    {
        if (start < 0 || end > doc.Length || start > end)
        {
            throw Errors.SpanOutOfRange(start, end, doc.Length);
        }
    }

    /// <summary>The doc the span belongs to.</summary>
    public Doc Doc { get; }

    /// <summary>Index of the first token.</summary>
    public int Start { get; }

    /// <summary>Index one past the last token.</summary>
    public int End { get; }

    /// <summary>The number of tokens.</summary>
    public int Length => End - Start;

    /// <summary>Hash of <see cref="Label"/>.</summary>
    public ulong LabelId { get; }

    /// <summary>The label (entity type for entities); empty when unlabelled.</summary>
    public string Label => Doc.Vocab.Strings[LabelId];

    /// <summary>Character offset of the first token.</summary>
    public int StartChar => Length == 0 ? (Start < Doc.Length ? Doc.IdxColumn[Start] : Doc.Text.Length) : Doc.IdxColumn[Start];

    /// <summary>Character offset just past the last token.</summary>
    public int EndChar => Length == 0 ? StartChar : Doc.CharEnd(End - 1);

    /// <summary>The text covered by the span, without trailing space.</summary>
    public string Text => Doc.Text[StartChar..EndChar];

    /// <summary>The token at position <paramref name="i"/> within the span.</summary>
    public Token this[int i] => (uint)i < (uint)Length ? new Token(Doc, Start + i) : throw Errors.SpanOutOfRange(i, i + 1, Length);

    /// <summary>The tokens of the span.</summary>
    public IEnumerable<Token> Tokens
    {
        get
        {
            for (var i = Start; i < End; i++)
            {
                yield return new Token(Doc, i);
            }
        }
    }

    /// <summary>The enumerator behind <c>foreach (var token in span)</c>: the span's tokens in order, without allocating an enumerator.</summary>
    public TokenEnumerator GetEnumerator() => Doc is null ? default : new(Doc, Start, End);

    /// <summary>The token whose head lies outside the span (the first such one), or the first token.</summary>
    public Token Root
    {
        get
        {
            for (var i = Start; i < End; i++)
            {
                var head = Doc.HeadColumn?[i] ?? i;
                if (head == i || head < Start || head >= End)
                {
                    return new Token(Doc, i);
                }
            }

            return new Token(Doc, Start);
        }
    }

    /// <summary>Extension attributes registered with <see cref="SetExtension"/>.</summary>
    public ExtensionValues Ext => new(Doc, ExtensionTarget.Span, StartChar, EndChar);

    /// <summary>Registers an extension attribute readable as <c>span.Ext[name]</c> on every span.</summary>
    public static void SetExtension(string name, object? defaultValue = null, Func<Span, object?>? getter = null) =>
        Extensions.Register(ExtensionTarget.Span, name, defaultValue, getter is null ? null : o => getter((Span)o));

    /// <summary>Whether a span extension attribute of that name is registered.</summary>
    public static bool HasExtension(string name) => Extensions.Has(ExtensionTarget.Span, name);

    /// <summary>Removes a span extension attribute.</summary>
    public static bool RemoveExtension(string name) => Extensions.Remove(ExtensionTarget.Span, name);

    /// <summary>Copies the span into a new doc of its own: annotations inside it are kept, links outside it cut.</summary>
    public Doc AsDoc() => Doc.Slice(Start, End);

    /// <inheritdoc />
    public bool Equals(Span other) =>
        ReferenceEquals(Doc, other.Doc) && Start == other.Start && End == other.End && LabelId == other.LabelId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Span s && Equals(s);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Doc, Start, End, LabelId);

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Spans are equal when they cover the same tokens of the same doc with the same label.</summary>
    public static bool operator ==(Span left, Span right) => left.Equals(right);

    /// <summary>Spans differ in doc, bounds or label.</summary>
    public static bool operator !=(Span left, Span right) => !left.Equals(right);
}
