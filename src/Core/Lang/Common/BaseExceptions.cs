namespace Pipeline.Lang;

/// <summary>Special cases every language shares: emoticons and similar strings that must not be split.</summary>
internal static class BaseExceptions
{
    /// <summary>Emoticons kept whole although they consist of punctuation.</summary>
    public static readonly string[] Emoticons =
    [
        ":)", ":-)", ":))", ":-))", ":)))", ":(", ":-(", ":((", ":'(", ":')", ";)", ";-)", ";D", ":D", ":-D", "=D",
        ":P", ":-P", ":p", ":-p", ";P", ";p", ":o", ":O", ":-O", ":/", ":-/", ":\\", ":|", ":-|", ":]", ":[", "=)",
        "=(", "=]", "=[", "(:", "(-:", "):", ")-:", ":*", ":-*", ":3", ":>", ":<", "<3", "<33", "</3", "^_^",
        "^^", "^.^", "-_-", "o_O", "O_o", "o.O", "O.o", "xD", "XD", "xP", "XP", ">:(", ">:)", "¯\\_(ツ)_/¯",
        "(^_^)", "(;", "8-)", "B-)",
    ];

    /// <summary>Symbols written together with a letter.</summary>
    public static readonly string[] Symbols = ["°C", "°F", "°K", "ºC"];

    /// <summary>Adds the shared cases to <paramref name="table"/>.</summary>
    public static void AddTo(SpecialCaseTable table)
    {
        table.KeepWhole(Emoticons);
        table.KeepWhole(Symbols);
    }
}
