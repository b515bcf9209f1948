namespace Pipeline.Lang;

/// <summary>
/// Portuguese data: pronouns attached to a verb by a hyphen split off as suffixes ("dá-lo" = "dá" + "-lo",
/// "disse-lhe" = "disse" + "-lhe"), and abbreviations that keep their period ("Sr.", "Dra.", "pág.").
/// Contractions such as "do" = "de" + "o" are left to a learned multiword-token component.
/// </summary>
internal static class PortugueseExceptions
{
    /// <summary>Clitic pronouns attached by a hyphen (enclisis).</summary>
    private static readonly string[] Clitics =
    [
        "-se", "-me", "-te", "-nos", "-vos", "-lhe", "-lhes", "-o", "-a", "-os", "-as", "-lo", "-la", "-los", "-las",
        "-no", "-na", "-nas", "-mo", "-ma", "-mos", "-mas", "-lho", "-lha", "-lhos", "-lhas",
    ];

    /// <summary>Capitalized abbreviations.</summary>
    private static readonly string[] Titles =
    [
        "Sr.", "Sra.", "Srta.", "Srs.", "Sras.", "Dr.", "Dra.", "Drs.", "Dras.", "Prof.", "Profa.", "Profs.",
        "Exmo.", "Exma.", "Exmos.", "Exmas.", "Ilmo.", "Ilma.", "Eng.", "Enga.", "Arq.", "Av.", "Al.", "Sto.",
        "Sta.", "Cia.", "Ltda.", "Lda.", "Jr.", "V.Exa.", "V.Sa.", "S.A.", "Ph.D.", "D.", "Mr.", "Mrs.",
    ];

    /// <summary>Abbreviations in lower case (their capitalized forms are added too).</summary>
    private static readonly string[] Abbreviations =
    [
        "etc.", "pág.", "págs.", "p.", "pp.", "cap.", "caps.", "vol.", "vols.", "ed.", "obs.", "ex.", "tel.",
        "aprox.", "séc.", "a.C.", "d.C.", "n.º", "n.o", "jan.", "fev.", "abr.", "jun.", "jul.", "ago.", "nov.",
        "dez.", "av.", "cf.", "seg.", "sáb.", "dom.",
    ];

    /// <summary>The hyphenated clitics.</summary>
    public static IEnumerable<string> Suffixes() => Clitics;

    /// <summary>Adds the Portuguese cases to <paramref name="table"/>.</summary>
    public static void AddTo(SpecialCaseTable table)
    {
        table.KeepWhole(Titles);
        table.KeepWholeVariants(Abbreviations);
    }
}
