using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// French data: elided articles and pronouns split off as prefixes ("l'homme" = "l'" + "homme"), subject and object
/// clitics split off as suffixes ("a-t-il" = "a" + "-t-il", "donne-moi" = "donne" + "-moi"), and the words and
/// abbreviations that must stay whole ("aujourd'hui", "etc.").
/// </summary>
internal static class FrenchExceptions
{
    /// <summary>Elided words, written with the apostrophe.</summary>
    private static readonly string[] Elisions =
    [
        "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "ç'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'",
    ];

    /// <summary>Pronouns attached to a verb by a hyphen, in the order they are tried (longest first).</summary>
    private static readonly string[] Clitics =
    [
        "-t-elles", "-t-elle", "-t-ils", "-t-il", "-t-on", "-elles", "-elle", "-ils", "-il", "-on", "-je", "-tu",
        "-nous", "-vous", "-moi", "-toi", "-le", "-la", "-les", "-lui", "-leur", "-y", "-en", "-ce", "-là",
    ];

    /// <summary>Words with an apostrophe or period that are single tokens.</summary>
    private static readonly string[] Whole =
    [
        "aujourd'hui", "quelqu'un", "quelqu'une", "prud'homme", "prud'hommes", "prud'homal", "presqu'île",
        "presqu'îles", "entr'acte", "entr'actes", "c.-à-d.", "etc.", "cf.", "p.", "pp.", "env.", "ex.", "av.",
        "apr.", "vol.", "éd.", "chap.", "janv.", "févr.", "avr.", "juil.", "sept.", "oct.", "nov.", "déc.",
        "ibid.", "ca.", "celui-là", "celle-là", "ceux-là", "celles-là",
    ];

    /// <summary>Abbreviations that are capitalized in use.</summary>
    private static readonly string[] Titles =
    [
        "MM.", "Mme.", "Mmes.", "Mlle.", "Mlles.", "Dr.", "Pr.", "Me.", "Mgr.", "St.", "Ste.", "Sts.", "Stes.",
        "J.-C.", "Cie.", "Éts.", "O.K.",
    ];

    /// <summary>The elision prefixes in lower case, capitalized and upper case, with ' and ’.</summary>
    public static IEnumerable<string> Prefixes() =>
        Elisions.SelectMany(e => new[] { e, char.ToUpperInvariant(e[0]) + e[1..], e.ToUpperInvariant() })
            .SelectMany(e => new[] { e, e.Replace('\'', '’') })
            .Distinct();

    /// <summary>The hyphenated clitics.</summary>
    public static IEnumerable<string> Suffixes() => Clitics;

    /// <summary>Adds the French cases to <paramref name="table"/>.</summary>
    public static void AddTo(SpecialCaseTable table)
    {
        table.KeepWholeVariants(Whole);
        table.KeepWhole(Titles);
    }
}
