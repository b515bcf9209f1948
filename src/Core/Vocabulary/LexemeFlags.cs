namespace Pipeline;

/// <summary>Boolean lexical properties of a word type, computed once per distinct text.</summary>
[Flags]
public enum LexemeFlags : ushort
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Every character is a letter.</summary>
    IsAlpha = 1 << 0,

    /// <summary>Every character is a decimal digit.</summary>
    IsDigit = 1 << 1,

    /// <summary>Every character is punctuation.</summary>
    IsPunct = 1 << 2,

    /// <summary>Every character is whitespace.</summary>
    IsSpace = 1 << 3,

    /// <summary>All cased characters are upper case.</summary>
    IsUpper = 1 << 4,

    /// <summary>All cased characters are lower case.</summary>
    IsLower = 1 << 5,

    /// <summary>Title case: an upper-case letter followed by lower-case ones.</summary>
    IsTitle = 1 << 6,

    /// <summary>Looks like a number: digits with separators, or a fraction.</summary>
    LikeNum = 1 << 7,

    /// <summary>Every character is ASCII.</summary>
    IsAscii = 1 << 8,

    /// <summary>Starts or ends a quotation or bracket.</summary>
    IsBracketOrQuote = 1 << 9,
}
