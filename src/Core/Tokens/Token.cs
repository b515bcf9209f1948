namespace Pipeline.Tokens;

/// <summary>
/// A view of one token of a <see cref="Doc"/>: reading or setting a property reads or writes the doc's columns;
/// the token holds no data of its own.
/// String properties have an <c>...Id</c> twin holding the <see cref="StringStore"/> hash.
/// </summary>
public sealed class Token : IEquatable<Token>
{
    private readonly Doc _doc;

    internal Token(Doc doc, int i)
    {
        _doc = doc;
        I = i;
    }

    /// <summary>The doc this token belongs to.</summary>
    public Doc Doc => _doc;

    /// <summary>The token's index in the doc.</summary>
    public int I { get; }

    /// <summary>The character offset of the token in <see cref="Doc.Text"/>.</summary>
    public int Idx => _doc.IdxColumn[I];

    /// <summary>The verbatim text.</summary>
    public string Text => _doc.Vocab.Strings[_doc.OrthColumn[I]];

    /// <summary>The text followed by its trailing space, if any.</summary>
    public string TextWithWs => Whitespace ? Text + " " : Text;

    /// <summary>Whether the token is followed by a space.</summary>
    public bool Whitespace => _doc.SpaceColumn[I];

    /// <summary>The hash of the text.</summary>
    public ulong Orth => _doc.OrthColumn[I];

    /// <summary>The word type's lexical attributes.</summary>
    public Lexeme Lex => _doc.Vocab.GetLexeme(Orth);

    /// <summary>Lower-case text.</summary>
    public string Lower => S(Lex.Lower);

    /// <summary>
    /// Normalized text, per token: the norm a tokenizer exception gave it (e.g. "not" for the "n't" of "can't") or
    /// one assigned here, else the word type's norm (<see cref="Lexeme.Norm"/>). Assigning "" restores the latter.
    /// </summary>
    public string Norm { get => S(NormId); set => NormId = _doc.Vocab.Strings.Add(value); }

    /// <summary>Hash of <see cref="Norm"/>; assigning 0 restores the word type's norm.</summary>
    public ulong NormId { get => _doc.NormOf(I); set => Doc.Ensure(ref _doc.NormColumn, _doc.Length)[I] = value; }

    /// <summary>Word shape, e.g. "Xxxxx".</summary>
    public string Shape => S(Lex.Shape);

    /// <summary>First character.</summary>
    public string Prefix => S(Lex.Prefix);

    /// <summary>Last three characters.</summary>
    public string Suffix => S(Lex.Suffix);

    /// <summary>Whether the text is all letters.</summary>
    public bool IsAlpha => Lex.Has(LexemeFlags.IsAlpha);

    /// <summary>Whether the text is all digits.</summary>
    public bool IsDigit => Lex.Has(LexemeFlags.IsDigit);

    /// <summary>Whether the text is punctuation.</summary>
    public bool IsPunct => Lex.Has(LexemeFlags.IsPunct);

    /// <summary>Whether the text is whitespace.</summary>
    public bool IsSpace => Lex.Has(LexemeFlags.IsSpace);

    /// <summary>Whether the text looks like a number.</summary>
    public bool LikeNum => Lex.Has(LexemeFlags.LikeNum);

    /// <summary>Lemma (base form); empty when unset.</summary>
    public string Lemma { get => S(LemmaId); set => LemmaId = _doc.Vocab.Strings.Add(value); }

    /// <summary>Hash of <see cref="Lemma"/>.</summary>
    public ulong LemmaId { get => Get(_doc.LemmaColumn); set => Doc.Ensure(ref _doc.LemmaColumn, _doc.Length)[I] = value; }

    /// <summary>Universal part-of-speech tag; empty when unset.</summary>
    public string Pos { get => S(PosId); set => PosId = _doc.Vocab.Strings.Add(value); }

    /// <summary>Hash of <see cref="Pos"/>.</summary>
    public ulong PosId { get => Get(_doc.PosColumn); set => Doc.Ensure(ref _doc.PosColumn, _doc.Length)[I] = value; }

    /// <summary>Language-specific part-of-speech tag; empty when unset.</summary>
    public string Tag { get => S(TagId); set => TagId = _doc.Vocab.Strings.Add(value); }

    /// <summary>Hash of <see cref="Tag"/>.</summary>
    public ulong TagId { get => Get(_doc.TagColumn); set => Doc.Ensure(ref _doc.TagColumn, _doc.Length)[I] = value; }

    /// <summary>Morphological features in UD notation; empty when unset.</summary>
    public string Morph { get => S(MorphId); set => MorphId = _doc.Vocab.Strings.Add(value); }

    /// <summary>Hash of <see cref="Morph"/>.</summary>
    public ulong MorphId { get => Get(_doc.MorphColumn); set => Doc.Ensure(ref _doc.MorphColumn, _doc.Length)[I] = value; }

    /// <summary>Dependency label; empty when unset.</summary>
    public string Dep { get => S(DepId); set => DepId = _doc.Vocab.Strings.Add(value); }

    /// <summary>Hash of <see cref="Dep"/>.</summary>
    public ulong DepId { get => Get(_doc.DepColumn); set => Doc.Ensure(ref _doc.DepColumn, _doc.Length)[I] = value; }

    /// <summary>The index of the syntactic head (the token itself for a root or when unparsed).</summary>
    public int HeadIndex
    {
        get => _doc.HeadColumn?[I] ?? I;
        set
        {
            if ((uint)value >= (uint)_doc.Length)
            {
                throw Errors.SpanOutOfRange(value, value + 1, _doc.Length);
            }

            _doc.EnsureHeads()[I] = value;
        }
    }

    /// <summary>The syntactic head.</summary>
    public Token Head { get => new(_doc, HeadIndex); set => HeadIndex = value.I; }

    /// <summary>The tokens whose head is this token, in order.</summary>
    public IEnumerable<Token> Children
    {
        get
        {
            var heads = _doc.HeadColumn;
            if (heads is null)
            {
                yield break;
            }

            for (var j = 0; j < heads.Length; j++)
            {
                if (j != I && heads[j] == I)
                {
                    yield return new Token(_doc, j);
                }
            }
        }
    }

    /// <summary>Entity IOB code: "B", "I", "O", or empty when unset.</summary>
    public string EntIob => EntIobId switch { 1 => "I", 2 => "O", 3 => "B", _ => string.Empty };

    /// <summary>Entity IOB code: 0 unset, 1 inside, 2 outside, 3 begin.</summary>
    public byte EntIobId => _doc.IobColumn?[I] ?? 0;

    /// <summary>Entity label; empty outside entities.</summary>
    public string EntType => S(EntTypeId);

    /// <summary>Hash of <see cref="EntType"/>.</summary>
    public ulong EntTypeId => Get(_doc.EntTypeColumn);

    /// <summary>Knowledge-base identifier of the entity; empty when unset.</summary>
    public string EntId { get => S(EntIdHash); set => EntIdHash = _doc.Vocab.Strings.Add(value); }

    /// <summary>Hash of <see cref="EntId"/>.</summary>
    public ulong EntIdHash { get => Get(_doc.EntIdColumn); set => Doc.Ensure(ref _doc.EntIdColumn, _doc.Length)[I] = value; }

    /// <summary>Whether the token starts a sentence: true, false, or null when unknown.</summary>
    public bool? IsSentStart
    {
        get => I == 0 ? true : (_doc.SentStartColumn?[I] ?? 0) switch { 1 => true, -1 => false, _ => null };
        set => Doc.Ensure(ref _doc.SentStartColumn, _doc.Length)[I] = value switch { true => 1, false => -1, null => 0 };
    }

    /// <summary>Extension attributes registered with <see cref="SetExtension"/>.</summary>
    public ExtensionValues Ext => new(_doc, ExtensionTarget.Token, Idx, -1);

    /// <summary>Registers an extension attribute readable as <c>token.Ext[name]</c> on every token.</summary>
    public static void SetExtension(string name, object? defaultValue = null, Func<Token, object?>? getter = null) =>
        Extensions.Register(ExtensionTarget.Token, name, defaultValue, getter is null ? null : o => getter((Token)o));

    /// <summary>Whether a token extension attribute of that name is registered.</summary>
    public static bool HasExtension(string name) => Extensions.Has(ExtensionTarget.Token, name);

    /// <summary>Removes a token extension attribute.</summary>
    public static bool RemoveExtension(string name) => Extensions.Remove(ExtensionTarget.Token, name);

    /// <inheritdoc />
    public bool Equals(Token? other) => other is not null && ReferenceEquals(_doc, other._doc) && I == other.I;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Token t && Equals(t);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_doc, I);

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Tokens are equal when they are the same position of the same doc.</summary>
    public static bool operator ==(Token? left, Token? right) => left?.Equals(right) ?? right is null;

    /// <summary>Tokens differ when they are different positions or docs.</summary>
    public static bool operator !=(Token? left, Token? right) => !(left == right);

    private ulong Get(ulong[]? column) => column?[I] ?? 0;

    private string S(ulong hash) => _doc.Vocab.Strings[hash];
}
