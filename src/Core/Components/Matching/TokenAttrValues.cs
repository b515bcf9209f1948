using Pipeline.Tokens;

namespace Pipeline.Components.Matching;

/// <summary>The kind of value an attribute holds, which decides the pattern values it accepts.</summary>
internal enum AttrValueKind : byte
{
    /// <summary>A string, compared by its hash; accepts strings and REGEX.</summary>
    String,

    /// <summary>A flag, encoded 0/1; accepts true and false.</summary>
    Bool,

    /// <summary>A number; accepts integers and comparisons.</summary>
    Integer,
}

/// <summary>
/// Name lookup for <see cref="TokenAttr"/> and reading an attribute of a doc token as a 64-bit value (string hash,
/// 0/1 flag or integer), so that constraints compare numbers, not strings.
/// </summary>
internal static class TokenAttrValues
{
    private static readonly Dictionary<string, TokenAttr> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ORTH"] = TokenAttr.Orth,
        ["TEXT"] = TokenAttr.Orth,
        ["LOWER"] = TokenAttr.Lower,
        ["NORM"] = TokenAttr.Norm,
        ["SHAPE"] = TokenAttr.Shape,
        ["PREFIX"] = TokenAttr.Prefix,
        ["SUFFIX"] = TokenAttr.Suffix,
        ["LEMMA"] = TokenAttr.Lemma,
        ["POS"] = TokenAttr.Pos,
        ["TAG"] = TokenAttr.Tag,
        ["DEP"] = TokenAttr.Dep,
        ["ENT_TYPE"] = TokenAttr.EntType,
        ["IS_ALPHA"] = TokenAttr.IsAlpha,
        ["IS_DIGIT"] = TokenAttr.IsDigit,
        ["IS_PUNCT"] = TokenAttr.IsPunct,
        ["IS_SPACE"] = TokenAttr.IsSpace,
        ["IS_UPPER"] = TokenAttr.IsUpper,
        ["IS_LOWER"] = TokenAttr.IsLower,
        ["IS_TITLE"] = TokenAttr.IsTitle,
        ["LIKE_NUM"] = TokenAttr.LikeNum,
        ["LENGTH"] = TokenAttr.Length,
    };

    /// <summary>The attribute names patterns may use, for error messages.</summary>
    public static string KnownNames => string.Join(", ", Names.Keys);

    public static bool TryParse(string name, out TokenAttr attr) => Names.TryGetValue(name, out attr);

    public static AttrValueKind KindOf(TokenAttr attr) => attr switch
    {
        >= TokenAttr.IsAlpha and <= TokenAttr.LikeNum => AttrValueKind.Bool,
        TokenAttr.Length => AttrValueKind.Integer,
        _ => AttrValueKind.String,
    };

    /// <summary>The doc attribute a pattern attribute is read from (the text for everything derived from it).</summary>
    public static Attr SourceOf(TokenAttr attr) => attr switch
    {
        TokenAttr.Norm => Attr.Norm,
        TokenAttr.Lemma => Attr.Lemma,
        TokenAttr.Pos => Attr.Pos,
        TokenAttr.Tag => Attr.Tag,
        TokenAttr.Dep => Attr.Dep,
        TokenAttr.EntType => Attr.EntType,
        _ => Attr.Orth,
    };

    /// <summary>The attribute of token <paramref name="i"/>: a string hash (0 when unset), 0/1, or a length.</summary>
    public static ulong Get(Doc doc, int i, TokenAttr attr)
    {
        var orth = doc.OrthColumn[i];
        return attr switch
        {
            TokenAttr.Orth => orth,
            TokenAttr.Lower => doc.Vocab.GetLexeme(orth).Lower,
            TokenAttr.Norm => doc.NormOf(i),
            TokenAttr.Shape => doc.Vocab.GetLexeme(orth).Shape,
            TokenAttr.Prefix => doc.Vocab.GetLexeme(orth).Prefix,
            TokenAttr.Suffix => doc.Vocab.GetLexeme(orth).Suffix,
            TokenAttr.Lemma => Column(doc.LemmaColumn, i),
            TokenAttr.Pos => Column(doc.PosColumn, i),
            TokenAttr.Tag => Column(doc.TagColumn, i),
            TokenAttr.Dep => Column(doc.DepColumn, i),
            TokenAttr.EntType => Column(doc.EntTypeColumn, i),
            TokenAttr.IsAlpha => Flag(doc, orth, LexemeFlags.IsAlpha),
            TokenAttr.IsDigit => Flag(doc, orth, LexemeFlags.IsDigit),
            TokenAttr.IsPunct => Flag(doc, orth, LexemeFlags.IsPunct),
            TokenAttr.IsSpace => Flag(doc, orth, LexemeFlags.IsSpace),
            TokenAttr.IsUpper => Flag(doc, orth, LexemeFlags.IsUpper),
            TokenAttr.IsLower => Flag(doc, orth, LexemeFlags.IsLower),
            TokenAttr.IsTitle => Flag(doc, orth, LexemeFlags.IsTitle),
            TokenAttr.LikeNum => Flag(doc, orth, LexemeFlags.LikeNum),
            TokenAttr.Length => (ulong)CountChars(doc.Vocab.Strings[orth]),
            _ => 0,
        };
    }

    /// <summary>The string value of a string attribute (empty when unset), for REGEX.</summary>
    public static string GetText(Doc doc, int i, TokenAttr attr) =>
        doc.Vocab.Strings.TryGetString(Get(doc, i, attr), out var text) ? text : string.Empty;

    private static ulong Column(ulong[]? column, int i) => column is null ? 0 : column[i];

    private static ulong Flag(Doc doc, ulong orth, LexemeFlags flag) => doc.Vocab.GetLexeme(orth).Has(flag) ? 1UL : 0UL;

    private static int CountChars(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }
}
