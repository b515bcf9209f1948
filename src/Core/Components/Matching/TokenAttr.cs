namespace Pipeline.Components.Matching;

/// <summary>The token attributes a token pattern can test, named as in spaCy's patterns ("LOWER", "IS_DIGIT"...).</summary>
internal enum TokenAttr : byte
{
    /// <summary>ORTH or TEXT: the verbatim text.</summary>
    Orth,

    /// <summary>LOWER: the lower-case text.</summary>
    Lower,

    /// <summary>NORM: the normalized text.</summary>
    Norm,

    /// <summary>SHAPE: the word shape, e.g. "Xxxx".</summary>
    Shape,

    /// <summary>PREFIX: the first character.</summary>
    Prefix,

    /// <summary>SUFFIX: the last three characters.</summary>
    Suffix,

    /// <summary>LEMMA.</summary>
    Lemma,

    /// <summary>POS: the universal part-of-speech tag.</summary>
    Pos,

    /// <summary>TAG: the fine-grained tag.</summary>
    Tag,

    /// <summary>DEP: the dependency label.</summary>
    Dep,

    /// <summary>ENT_TYPE: the entity label already on the token.</summary>
    EntType,

    /// <summary>IS_ALPHA.</summary>
    IsAlpha,

    /// <summary>IS_DIGIT.</summary>
    IsDigit,

    /// <summary>IS_PUNCT.</summary>
    IsPunct,

    /// <summary>IS_SPACE.</summary>
    IsSpace,

    /// <summary>IS_UPPER.</summary>
    IsUpper,

    /// <summary>IS_LOWER.</summary>
    IsLower,

    /// <summary>IS_TITLE.</summary>
    IsTitle,

    /// <summary>LIKE_NUM.</summary>
    LikeNum,

    /// <summary>LENGTH: the number of characters (Unicode scalar values) of the text.</summary>
    Length,
}
