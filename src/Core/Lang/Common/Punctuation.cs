using System.Globalization;

namespace Pipeline.Lang;

/// <summary>
/// Punctuation shared by the languages: quote and bracket characters, the affixes and infix patterns they make,
/// and the URL pattern. Languages combine these with their own special cases (see <see cref="CommonRules"/>).
/// </summary>
internal static class Punctuation
{
    /// <summary>Letters and combining marks (so "é" written as e + U+0301 counts as a letter), as a regex class body.</summary>
    public const string Alpha = @"\p{L}\p{M}";

    /// <summary>Lower-case-like letters: lower case, letters without case (CJK, Arabic ...) and marks.</summary>
    public const string Lower = @"\p{Ll}\p{Lo}\p{Lm}\p{M}";

    /// <summary>Upper-case letters.</summary>
    public const string Upper = @"\p{Lu}\p{Lt}";

    /// <summary>One emoji or other symbol with its variation selector, skin tone and zero-width-joined parts.</summary>
    public const string Symbol =
        @"(?:[\uD83C-\uD83E][\uDC00-\uDFFF]|\p{So})[\uFE00-\uFE0F]?(?:\uD83C[\uDFFB-\uDFFF])?" +
        @"(?:\u200D(?:[\uD83C-\uD83E][\uDC00-\uDFFF]|\p{So})[\uFE00-\uFE0F]?(?:\uD83C[\uDFFB-\uDFFF])?)*";

    /// <summary>Quotation marks and the CJK brackets used like them.</summary>
    public static readonly string[] Quotes =
    [
        "'", "\"", "”", "“", "`", "‘", "´", "’", "‚", "„", "»", "«", "‹", "›", "「", "」", "『", "』", "（", "）",
        "〔", "〕", "【", "】", "《", "》", "〈", "〉",
    ];

    /// <summary>Punctuation split off either end of a chunk.</summary>
    public static readonly string[] Marks =
    [
        "…", ",", ":", ";", "!", "?", "¿", "؟", "¡", "(", ")", "[", "]", "{", "}", "<", ">", "_", "*", "&", "。",
        "？", "！", "，", "、", "；", "：", "～", "·", "।", "،", "۔", "؛", "٪",
    ];

    /// <summary>Dashes longer than a hyphen, and their ASCII spellings.</summary>
    public static readonly string[] Dashes = ["—", "–", "--", "---"];

    /// <summary>Currency spellings that start with letters, so the category rule does not catch them whole.</summary>
    public static readonly string[] CurrencyWords = ["US$", "C$", "A$", "NZ$", "HK$", "R$"];

    /// <summary>Units split off a number they follow, e.g. "10km" or "5%".</summary>
    public static readonly string[] Units =
    [
        "%", "‰", "km", "km²", "km³", "m", "m²", "m³", "cm", "cm²", "cm³", "mm", "mm²", "µm", "nm", "mi", "ft", "yd",
        "kg", "g", "mg", "µg", "lb", "lbs", "oz", "ml", "cl", "dl", "hl", "km/h", "kmh", "mph", "m/s",
        "ms", "hr", "hrs", "min", "sec", "kb", "KB", "mb", "MB", "gb", "GB", "tb", "TB", "kB", "Kb", "Mb", "Gb",
        "kHz", "MHz", "GHz", "Hz", "kW", "MW", "GW", "kWh", "mAh", "°C", "°F", "°K", "ºC",
    ];

    /// <summary>Prefix literals common to all languages.</summary>
    public static IEnumerable<string> Prefixes() =>
        Quotes.Concat(Marks).Concat(Dashes).Concat(CurrencyWords).Concat(["§", "%", "=", "¶", "†", "‡"]);

    /// <summary>Prefix patterns: "+" unless a number follows (phone numbers), and runs of two or more dots.</summary>
    public static IEnumerable<string> PrefixPatterns() => [@"\+(?![0-9])", "#(?=[0-9])", @"\.\.+", Repeated, "[!?]{2,}"];

    /// <summary>A run of one repeated symbol ("!!!", "=====", "***"), which stays one token.</summary>
    public const string Repeated = @"(?<rep>[=*_~#+<>$&^%!?/\\|\-])\k<rep>+";

    /// <summary>Currency and other symbols (emoji) split off the start.</summary>
    public static IReadOnlyList<UnicodeCategory> PrefixCategories { get; } =
        [UnicodeCategory.CurrencySymbol, UnicodeCategory.OtherSymbol];

    /// <summary>Suffix literals common to all languages.</summary>
    public static IEnumerable<string> Suffixes() => Quotes.Concat(Marks).Concat(Dashes);

    /// <summary>Context-dependent suffixes: the sentence period, units, currency and signs after numbers, ellipses.</summary>
    public static IEnumerable<string> SuffixPatterns() =>
    [
        @"\.\.+",
        Repeated,
        "[!?]{2,}",
        @"(?<=[0-9])\+",
        @"(?<=°[FfCcKk])\.",
        @"(?<=[0-9])\p{Sc}",
        $"(?<=[0-9])(?:{string.Join("|", Units.OrderByDescending(u => u.Length).Select(EscapeLiteral))})",
        // A period after a lower-case letter, digit or closing punctuation, or after two capitals ("USA."),
        // but not after a single capital ("J." in "J. Smith") nor inside an abbreviation ("U.S.").
        $@"(?<=[0-9{Lower}%²'""”“’‘»«)\]}}\-+])\.",
        $@"(?<=[{Upper}][{Upper}])\.",
    ];

    /// <summary>Symbols (emoji) split off the end.</summary>
    public static IReadOnlyList<UnicodeCategory> SuffixCategories { get; } = [UnicodeCategory.OtherSymbol];

    /// <summary>
    /// Infix patterns. <paramref name="hyphens"/> is the alternation of the dashes that split two words (e.g.
    /// <c>-|–|—</c>, or only the long dashes for languages that keep hyphenated compounds whole);
    /// <paramref name="hyphenGuard"/> is an optional negative lookbehind that blocks the split.
    /// </summary>
    public static IEnumerable<string> InfixPatterns(string hyphens, string hyphenGuard = "") =>
    [
        @"\.\.+",
        "…",
        Symbol,
        @"(?<=[0-9])[+\-*^](?=[0-9\-])",
        $@"(?<=[{Lower}'""”“’])\.(?=[{Upper}'""”“‘])",
        $"(?<=[{Alpha}]),(?=[{Alpha}])",
        $"(?<=[{Alpha}0-9]){hyphenGuard}(?:{hyphens})(?=[{Alpha}0-9])",
        $"(?<=[{Alpha}0-9])[:<>=/](?=[{Alpha}])",
        @"\)(?=\()|(?<=\))\(",
    ];

    /// <summary>
    /// URLs with a scheme or "www.", e-mail addresses, and bare domain names under common top-level domains.
    /// </summary>
    public const string Url =
        @"(?i:(?>[a-z][a-z0-9+.\-]*)://\S+|www[0-9]{0,3}\.\S+|mailto:\S+)" +
        @"|(?>[^\s@/()<>""]+)@(?>[\p{L}0-9][\p{L}0-9\-]*)(?:\.(?>[\p{L}0-9][\p{L}0-9\-]*))+" +
        @"|(?i:(?>(?:[a-z0-9][a-z0-9\-]*\.)+)(?:com|org|net|edu|gov|mil|info|biz|io|uk|ca|de|fr|pt|br|au|nz|jp|ru|nl|eu)" +
        @"(?::[0-9]+)?(?:/\S*)?)";

    /// <summary>Telephone numbers such as "713-654-0365" or "1-800-991-9019", which stay one token.</summary>
    public const string PhoneNumber = @"(?:\+?[0-9]{1,3}-)?(?:[0-9]{3}-)?[0-9]{3}-[0-9]{4}";

    private static string EscapeLiteral(string literal) => System.Text.RegularExpressions.Regex.Escape(literal);
}
