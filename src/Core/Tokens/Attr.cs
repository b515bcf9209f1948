namespace Pipeline.Tokens;

/// <summary>
/// Token attribute identifiers, used by <see cref="Doc.ToArray"/>, <see cref="Doc.FromArray"/> and
/// <c>DocBin</c>. String-valued attributes are exchanged as <see cref="StringStore"/> hashes.
/// </summary>
public enum Attr
{
    /// <summary>The verbatim token text.</summary>
    Orth,

    /// <summary>Lower-case text (derived from the text).</summary>
    Lower,

    /// <summary>Normalized text: per token (tokenizer exceptions such as "n't" -> "not", assignments), else the word type's.</summary>
    Norm,

    /// <summary>Word shape such as "Xxxx" or "dd" (derived from the text).</summary>
    Shape,

    /// <summary>First character (derived from the text).</summary>
    Prefix,

    /// <summary>Last three characters (derived from the text).</summary>
    Suffix,

    /// <summary>Lemma (base form).</summary>
    Lemma,

    /// <summary>Universal part-of-speech tag (UPOS).</summary>
    Pos,

    /// <summary>Language-specific part-of-speech tag (XPOS).</summary>
    Tag,

    /// <summary>Morphological features in UD notation, e.g. "Number=Sing|Person=3".</summary>
    Morph,

    /// <summary>Dependency label.</summary>
    Dep,

    /// <summary>Head offset relative to the token (0 for a root), stored as two's complement.</summary>
    Head,

    /// <summary>Entity IOB code: 0 unset, 1 inside, 2 outside, 3 begin.</summary>
    EntIob,

    /// <summary>Entity label.</summary>
    EntType,

    /// <summary>Knowledge-base identifier of the entity.</summary>
    EntId,

    /// <summary>Sentence start: 1 starts a sentence, -1 (two's complement) does not, 0 unknown.</summary>
    SentStart,

    /// <summary>1 when the token is followed by a space.</summary>
    Spacy,
}
