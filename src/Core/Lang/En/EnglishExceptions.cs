using Pipeline.Tokenization;

namespace Pipeline.Lang;

/// <summary>
/// English special cases: contractions split the way treebanks do ("don't" = "do" + "n't", "can't" = "ca" + "n't",
/// "I'm" = "I" + "'m"), a few colloquial fusions ("gonna"), and abbreviations whose period belongs to the word.
/// </summary>
internal static class EnglishExceptions
{
    /// <summary>Verbs that take "n't", with the norm of the verb part when it differs from its text.</summary>
    private static readonly (string Verb, string? Norm)[] NegatedVerbs =
    [
        ("do", null), ("does", null), ("did", null), ("is", null), ("are", null), ("was", null), ("were", null),
        ("has", null), ("have", null), ("had", null), ("could", null), ("would", null), ("should", null),
        ("must", null), ("might", null), ("need", null), ("dare", null), ("ought", null), ("ca", "can"),
        ("wo", "will"), ("sha", "shall"), ("ai", "am"),
    ];

    private static readonly string[] ModalsWithPerfect = ["could", "would", "should", "must", "might"];

    private static readonly string[] Pronouns = ["i", "you", "he", "she", "it", "we", "they"];

    private static readonly string[] OtherHosts = ["that", "there", "here", "this", "what", "who", "where", "when", "why", "how"];

    /// <summary>Contractions without the apostrophe that are not words of their own.</summary>
    private static readonly (string Host, string Clitic, string Norm)[] Unpunctuated =
    [
        ("i", "m", "am"), ("i", "ve", "have"), ("you", "re", "are"), ("you", "ve", "have"), ("you", "ll", "will"),
        ("you", "d", "'d"), ("they", "re", "are"), ("they", "ve", "have"), ("they", "ll", "will"),
        ("they", "d", "'d"), ("we", "ve", "have"), ("he", "s", "'s"), ("she", "s", "'s"), ("that", "s", "'s"),
        ("what", "s", "'s"), ("there", "s", "'s"), ("here", "s", "'s"), ("it", "ll", "will"),
        ("that", "ll", "will"), ("could", "ve", "have"), ("would", "ve", "have"), ("should", "ve", "have"),
        ("must", "ve", "have"), ("might", "ve", "have"),
    ];

    /// <summary>Abbreviations that keep their period (capitalized forms are added for the lower-case ones).</summary>
    private static readonly string[] Abbreviations =
    [
        "Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Prof.", "St.", "Jr.", "Sr.", "Rev.", "Hon.", "Gov.", "Gen.", "Sen.",
        "Rep.", "Pres.", "Col.", "Lt.", "Sgt.", "Capt.", "Cmdr.", "Adm.", "Maj.", "Messrs.", "Inc.", "Ltd.", "Co.",
        "Corp.", "Bros.", "Mt.", "Ft.", "Ave.", "Blvd.", "Rd.", "Dept.", "Univ.", "Jan.", "Feb.", "Mar.", "Apr.",
        "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Mon.", "Tue.", "Tues.", "Wed.", "Thu.",
        "Thur.", "Thurs.", "Fri.", "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.",
        "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.",
        "Okla.", "Pa.", "Tenn.", "Tex.", "Va.", "Vt.", "Wash.", "Wis.", "Wyo.", "U.S.", "U.K.", "U.N.", "E.U.",
        "D.C.", "L.A.", "N.Y.", "Ph.D.", "M.D.", "B.A.", "M.A.", "B.S.", "M.S.", "A.M.", "P.M.", "O.K.", "vs.",
        "etc.", "e.g.", "i.e.", "a.m.", "p.m.", "o.k.", "approx.", "cf.", "viz.", "al.", "Fig.", "fig.", "Vol.",
        "vol.", "pp.", "No.", "Nos.", "a.k.a.", "ca.",
    ];

    /// <summary>Strings kept whole although a rule would split them.</summary>
    private static readonly string[] Whole =
    [
        "o'clock", "ma'am", "'cause", "'em", "'bout", "'til", "'n'", "ol'", "ne'er", "b/c", "w/o", "w/", "b/w",
        "C++", "C#", "F#", "A+", "Yahoo!", "AT&T", "Q&A", "R&D", "P&G", "'s", "'S",
    ];

    private static SpecialCasePiece P(string text, string? norm = null) => new(text, norm);

    /// <summary>Adds the English cases to <paramref name="table"/>.</summary>
    public static void AddTo(SpecialCaseTable table)
    {
        foreach (var (verb, norm) in NegatedVerbs)
        {
            table.AddVariants(P(verb, norm), P("n't", "not"));
            table.AddVariants(P(verb, norm), P("nt", "not"));
        }

        foreach (var modal in ModalsWithPerfect)
        {
            table.AddVariants(P(modal), P("n't", "not"), P("'ve", "have"));
            table.AddVariants(P(modal), P("'ve", "have"));
        }

        foreach (var host in Pronouns.Concat(OtherHosts))
        {
            table.AddVariants(P(host), P("'ll", "will"));
            table.AddVariants(P(host), P("'d", "'d"));
            table.AddVariants(P(host), P("'d", "'d"), P("'ve", "have"));
            table.AddVariants(P(host), P("'ll", "will"), P("'ve", "have"));
            if (host is not ("i" or "he" or "she" or "it" or "this"))
            {
                table.AddVariants(P(host), P("'re", "are"));
            }

            if (host is not ("he" or "she" or "it" or "this"))
            {
                table.AddVariants(P(host), P("'ve", "have"));
            }
        }

        table.AddVariants(P("i"), P("'m", "am"));
        table.AddVariants(P("i"), P("'ma", "am going to"));
        foreach (var (host, clitic, norm) in Unpunctuated)
        {
            table.AddVariants(P(host), P(clitic, norm));
        }

        table.AddVariants(P("can"), P("not"));
        table.AddVariants(P("gon", "going"), P("na", "to"));
        table.AddVariants(P("got"), P("ta", "to"));
        table.AddVariants(P("wan", "want"), P("na", "to"));
        table.AddVariants(P("out"), P("ta", "of"));
        table.AddVariants(P("gim", "give"), P("me"));
        table.AddVariants(P("lem", "let"), P("me"));
        table.AddVariants(P("y'", "you"), P("all"));
        table.AddVariants(P("a"), P("lot"));
        table.AddVariants(P("c'm", "come"), P("on"));
        table.AddVariants(P("'t", "it"), P("is"));
        table.AddVariants(P("'t", "it"), P("was"));
        foreach (var hour in Enumerable.Range(1, 12).Select(h => h.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            foreach (var (suffix, norm) in new[] { ("am", "a.m."), ("pm", "p.m."), ("a.m.", "a.m."), ("p.m.", "p.m.") })
            {
                table.Add(hour + suffix, P(hour), P(suffix, norm));
            }
        }

        table.KeepWholeVariants(Whole);
        table.KeepWhole(Abbreviations);
        table.KeepWhole(Abbreviations.Where(a => char.IsLower(a[0]) && a != "al.").Select(a => char.ToUpperInvariant(a[0]) + a[1..]));
    }
}
