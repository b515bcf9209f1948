using System.Text;

namespace Pipeline.Tests.Tokenization;

public class TokenizerFidelityTests
{
    private static readonly string[] Pieces =
    [
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u3000", "\u2028", "a", "b", "Z", "word", "don't",
        "I'm", "U.S.", "Mr.", "l'", "aujourd'hui", "-t-il", "-lo", "'", "\"", "“", "”", "‘", "’", "«", "»", ".",
        "..", "...", "…", ",", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "-", "--", "—", "/", "\\", "@",
        "#", "$", "€", "%", "&", "*", "+", "=", "<", ">", "^", "_", "|", "~", "`", "0", "7", "3.14", "1,000",
        "😀", "👍🏻", "❤️", "👨‍👩‍👧", "🇵🇹", "\u0301", "\u0308", "e\u0301", "\u200D", "\uFE0F", "ß", "İ",
        "http://x.com/a", "a@b.co", ":)", "<3", "ツ", "中文", "العربية", "\u0000", "\uFFFD",
    ];

    public static TheoryData<string> Languages => new() { "en", "fr", "pt", "xx" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void DocTextEqualsInputForRandomStrings(string lang)
    {
        var nlp = Nlp.Blank(lang);
        var random = new Random(20240611);
        for (var i = 0; i < 2000; i++)
        {
            var text = RandomText(random);
            var doc = nlp.MakeDoc(text);
            Assert.Equal(text, doc.Text);
            var offset = 0;
            foreach (var token in doc.Tokens)
            {
                Assert.NotEqual("", token.Text);
                Assert.Equal(offset, token.Idx);
                Assert.Equal(token.Text, text.Substring(token.Idx, token.Text.Length));
                offset += token.Text.Length + (token.Whitespace ? 1 : 0);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   ")]
    [InlineData("\n")]
    [InlineData(" a ")]
    [InlineData("\t\ta\t\t")]
    [InlineData("a\r\nb")]
    [InlineData("😀")]
    [InlineData("\uD83D")]
    [InlineData("x\uDE00")]
    public void DocTextEqualsInputForEdgeCases(string text)
    {
        foreach (var lang in new[] { "en", "fr", "pt", "xx" })
        {
            Assert.Equal(text, Nlp.Blank(lang).MakeDoc(text).Text);
        }
    }

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(0, 25);
        for (var p = 0; p < count; p++)
        {
            if (random.Next(8) == 0)
            {
                builder.Append((char)random.Next(0x20, 0x3000));
            }
            else
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }
        }

        return builder.ToString();
    }
}
