using Pipeline.Tokens;

namespace Pipeline.Corpora;

/// <summary>
/// One sentence of a CoNLL-U corpus with its gold words and annotation, as read by <see cref="ConlluReader"/>:
/// the training example of the statistical components. <see cref="ToDoc"/> turns it into an annotated doc.
/// </summary>
public sealed class ConlluSentence
{
    /// <summary>Creates a sentence from its parts (normally done by <see cref="ConlluReader"/>).</summary>
    public ConlluSentence(
        IReadOnlyList<ConlluWord> words,
        IReadOnlyList<ConlluToken> tokens,
        IReadOnlyList<string> comments,
        string? sentId = null,
        string? text = null,
        int line = 0)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(comments);
        Words = words;
        Tokens = tokens;
        Comments = comments;
        SentId = sentId;
        Text = text;
        Line = line;
    }

    /// <summary>The syntactic words (integer-ID lines), in order; empty nodes (<c>8.1</c>) are left out.</summary>
    public IReadOnlyList<ConlluWord> Words { get; }

    /// <summary>The surface tokens: plain words and multiword tokens, in order, covering every word once.</summary>
    public IReadOnlyList<ConlluToken> Tokens { get; }

    /// <summary>The comment lines without the leading <c>#</c> and surrounding spaces, in file order.</summary>
    public IReadOnlyList<string> Comments { get; }

    /// <summary>The value of the <c># sent_id = ...</c> comment, if any.</summary>
    public string? SentId { get; }

    /// <summary>The value of the <c># text = ...</c> comment, if any.</summary>
    public string? Text { get; }

    /// <summary>The 1-based line number where the sentence starts in its file.</summary>
    public int Line { get; }

    /// <summary>Whether any word carries a multiword-token range.</summary>
    public bool HasMultiwordTokens => Tokens.Count != Words.Count;

    /// <summary>
    /// Builds a doc of the gold words in <paramref name="vocab"/>, one token per word, with spaces from
    /// <c>SpaceAfter</c>, and Lemma, Pos (UPOS), Tag (XPOS), Morph (FEATS), Head, Dep and sentence starts set
    /// wherever the corpus annotates them. The root's head is the token itself. Multiword tokens become the doc's
    /// <see cref="Doc.MultiwordTokens"/>, so its text is the surface text.
    /// </summary>
    public Doc ToDoc(Vocab vocab)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        var n = Words.Count;
        var forms = new string[n];
        var spaces = new bool[n];
        for (var i = 0; i < n; i++)
        {
            forms[i] = Words[i].Form;
            spaces[i] = Words[i].SpaceAfter;
        }

        var doc = new Doc(vocab, forms, spaces);
        if (HasMultiwordTokens)
        {
            doc.SetMultiwordTokens(Tokens.Where(t => t.IsMultiword).Select(t => new MultiwordToken(t.FirstWord, t.EndWord, t.Form)));
        }

        var strings = vocab.Strings;
        doc.LemmaColumn = Column(strings, static w => w.Lemma);
        doc.PosColumn = Column(strings, static w => w.Upos);
        doc.TagColumn = Column(strings, static w => w.Xpos);
        doc.MorphColumn = Column(strings, static w => w.Feats);
        doc.DepColumn = Column(strings, static w => w.Deprel);
        if (n > 0 && Words.All(w => w.Head is not null))
        {
            var heads = new int[n];
            for (var i = 0; i < n; i++)
            {
                var head = Words[i].Head!.Value;
                heads[i] = head == 0 ? i : head - 1;
            }

            doc.HeadColumn = heads;
        }

        var starts = new sbyte[n];
        Array.Fill(starts, (sbyte)-1);
        if (n > 0)
        {
            starts[0] = 1;
        }

        doc.SentStartColumn = starts;
        return doc;
    }

    /// <inheritdoc />
    public override string ToString() => Text ?? string.Join(' ', Words.Select(w => w.Form));

    private ulong[]? Column(StringStore strings, Func<ConlluWord, string> field)
    {
        ulong[]? column = null;
        for (var i = 0; i < Words.Count; i++)
        {
            var value = field(Words[i]);
            if (value.Length > 0)
            {
                column ??= new ulong[Words.Count];
                column[i] = strings.Add(value);
            }
        }

        return column;
    }
}
