namespace Pipeline.Tests.Tokenization;

/// <summary>Helpers shared by the tokenizer tests.</summary>
internal static class TokenizerTestUtil
{
    /// <summary>The token texts of <paramref name="text"/> under <paramref name="lang"/>'s default tokenizer.</summary>
    public static string[] Split(string lang, string text) => Texts(Nlp.Blank(lang).MakeDoc(text));

    /// <summary>The token texts of a doc.</summary>
    public static string[] Texts(Doc doc) => doc.Tokens.Select(t => t.Text).ToArray();

    /// <summary>Splits an expected tokenization written as "a|b|c".</summary>
    public static string[] Expected(string pipeSeparated) => pipeSeparated.Split('|');
}
