namespace Pipeline;

/// <summary>
/// Context-independent attributes of a word type (its lower-case form, shape, affixes and flags), shared by every
/// token with the same text. Values are string hashes in the owning <see cref="Vocab"/>.
/// </summary>
public readonly record struct Lexeme(
    ulong Orth,
    ulong Lower,
    ulong Norm,
    ulong Shape,
    ulong Prefix,
    ulong Suffix,
    LexemeFlags Flags)
{
    /// <summary>Whether the lexeme has every given flag.</summary>
    public bool Has(LexemeFlags flag) => (Flags & flag) == flag;
}
