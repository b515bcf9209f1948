using System.Text;

namespace Pipeline.Tokens;

/// <summary>
/// A sequence of tokens with their annotations, stored column by column (one array per attribute) so that
/// components and serializers touch contiguous memory. <see cref="Token"/> and <see cref="Span"/> are views.
/// </summary>
public sealed partial class Doc
{
    internal readonly ulong[] OrthColumn;
    internal readonly bool[] SpaceColumn;
    internal readonly int[] IdxColumn;
    internal ulong[]? NormColumn;
    internal ulong[]? LemmaColumn;
    internal ulong[]? PosColumn;
    internal ulong[]? TagColumn;
    internal ulong[]? MorphColumn;
    internal ulong[]? DepColumn;
    internal int[]? HeadColumn;
    internal byte[]? IobColumn;
    internal ulong[]? EntTypeColumn;
    internal ulong[]? EntIdColumn;
    internal sbyte[]? SentStartColumn;
    private string? _text;
    private Dictionary<UserDataKey, object?>? _userData;
    private Dictionary<string, double>? _cats;

    /// <summary>Creates a doc from words and, optionally, whether each is followed by a space (default: yes).</summary>
    public Doc(Vocab vocab, IReadOnlyList<string> words, IReadOnlyList<bool>? spaces = null)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        ArgumentNullException.ThrowIfNull(words);
        if (spaces is not null && spaces.Count != words.Count)
        {
            throw Errors.ArrayShape($"{words.Count} words but {spaces.Count} space flags");
        }

        Vocab = vocab;
        OrthColumn = new ulong[words.Count];
        SpaceColumn = new bool[words.Count];
        IdxColumn = new int[words.Count];
        var offset = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i] ?? throw Errors.InvalidArgument($"Word {i}", "is null");
            if (word.Length == 0)
            {
                throw Errors.InvalidArgument($"Word {i}", "is empty; every token needs at least one character");
            }

            OrthColumn[i] = vocab.Strings.Add(word);
            SpaceColumn[i] = spaces?[i] ?? true;
            IdxColumn[i] = offset;
            offset += word.Length + (SpaceColumn[i] ? 1 : 0);
        }
    }

    /// <summary>Creates a doc over prepared columns (the tokenizer's fast path); the arrays are adopted, not copied.</summary>
    internal Doc(Vocab vocab, ulong[] orth, bool[] spaces)
    {
        Vocab = vocab;
        OrthColumn = orth;
        SpaceColumn = spaces;
        IdxColumn = new int[orth.Length];
        var offset = 0;
        for (var i = 0; i < orth.Length; i++)
        {
            IdxColumn[i] = offset;
            offset += vocab.Strings[orth[i]].Length + (spaces[i] ? 1 : 0);
        }
    }

    /// <summary>The vocabulary whose strings the doc's hashes refer to.</summary>
    public Vocab Vocab { get; }

    /// <summary>The number of tokens.</summary>
    public int Length => OrthColumn.Length;

    /// <summary>The original text, rebuilt from the tokens and their trailing spaces.</summary>
    public string Text => _text ??= BuildText();

    /// <summary>Free-form data attached to the doc; extension attribute values live here too.</summary>
    public Dictionary<UserDataKey, object?> UserData => _userData ??= [];

    /// <summary>Document-level category scores (text classification).</summary>
    public Dictionary<string, double> Cats => _cats ??= new(StringComparer.Ordinal);

    /// <summary>Extension attributes registered with <see cref="SetExtension"/>, read and written by name.</summary>
    public ExtensionValues Ext => new(this, ExtensionTarget.Doc, -1, -1);

    internal bool HasUserData => _userData is { Count: > 0 };

    internal bool HasCats => _cats is { Count: > 0 };

    /// <summary>The token at index <paramref name="i"/>.</summary>
    public Token this[int i]
    {
        get
        {
            if ((uint)i >= (uint)Length)
            {
                throw Errors.SpanOutOfRange(i, i + 1, Length);
            }

            return new Token(this, i);
        }
    }

    /// <summary>The span of tokens in <paramref name="range"/>, e.g. <c>doc[2..5]</c>.</summary>
    public Span this[Range range]
    {
        get
        {
            var (start, length) = GetOffsetAndLength(range);
            return new Span(this, start, start + length);
        }
    }

    /// <summary>Registers an extension attribute readable as <c>doc.Ext[name]</c> on every doc.</summary>
    public static void SetExtension(string name, object? defaultValue = null, Func<Doc, object?>? getter = null) =>
        Extensions.Register(ExtensionTarget.Doc, name, defaultValue, getter is null ? null : o => getter((Doc)o));

    /// <summary>Whether a doc extension attribute of that name is registered.</summary>
    public static bool HasExtension(string name) => Extensions.Has(ExtensionTarget.Doc, name);

    /// <summary>Removes a doc extension attribute.</summary>
    public static bool RemoveExtension(string name) => Extensions.Remove(ExtensionTarget.Doc, name);

    /// <summary>Enumerates the tokens (a sequence for LINQ; <c>foreach (var token in doc)</c> needs no property).</summary>
    public IEnumerable<Token> Tokens
    {
        get
        {
            for (var i = 0; i < Length; i++)
            {
                yield return new Token(this, i);
            }
        }
    }

    /// <summary>The enumerator behind <c>foreach (var token in doc)</c>: the tokens in order, without allocating an enumerator.</summary>
    public TokenEnumerator GetEnumerator() => new(this, 0, Length);

    /// <inheritdoc />
    public override string ToString() => Text;

    internal (int Start, int Length) GetOffsetAndLength(Range range)
    {
        var start = range.Start.IsFromEnd ? Length - range.Start.Value : range.Start.Value;
        var end = range.End.IsFromEnd ? Length - range.End.Value : range.End.Value;
        if (start < 0 || end > Length || start > end)
        {
            throw Errors.SpanOutOfRange(start, end, Length);
        }

        return (start, end - start);
    }

    /// <summary>The norm of token <paramref name="i"/>: its own (a tokenizer exception, an assignment) or, when 0, its word type's.</summary>
    internal ulong NormOf(int i) => NormColumn is { } norms && norms[i] != 0 ? norms[i] : Vocab.GetLexeme(OrthColumn[i]).Norm;

    internal int TokenLength(int i) => Vocab.Strings[OrthColumn[i]].Length;

    internal int CharEnd(int i)
    {
        if (_multiwords is not null && MultiwordOf(i) is var m && m >= 0 && !Spells(_multiwords[m]))
        {
            return IdxColumn[i] + _multiwords[m].Text.Length;
        }

        return IdxColumn[i] + TokenLength(i);
    }

    internal void InvalidateText() => _text = null;

    private string BuildText()
    {
        var builder = new StringBuilder(Length * 6);
        var multiwords = _multiwords;
        var next = 0;
        for (var i = 0; i < Length; i++)
        {
            if (multiwords is not null && next < multiwords.Length && multiwords[next].Start == i)
            {
                builder.Append(multiwords[next].Text);
                i = multiwords[next++].End - 1;
            }
            else
            {
                builder.Append(Vocab.Strings[OrthColumn[i]]);
            }

            if (SpaceColumn[i])
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    internal static T[] Ensure<T>(ref T[]? column, int length, T fill = default!)
    {
        if (column is null)
        {
            column = new T[length];
            if (!EqualityComparer<T>.Default.Equals(fill, default!))
            {
                Array.Fill(column, fill);
            }
        }

        return column;
    }
}
