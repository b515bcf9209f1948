using static Pipeline.Tests.Tokenization.TokenizerTestUtil;

namespace Pipeline.Tests.Tokenization;

public class FrenchPortugueseTokenizerTests
{
    [Theory]
    [InlineData("l'homme", "l'|homme")]
    [InlineData("L’homme qu'il a vu", "L’|homme|qu'|il|a|vu")]
    [InlineData("aujourd'hui", "aujourd'hui")]
    [InlineData("Aujourd'hui, jusqu'à demain.", "Aujourd'hui|,|jusqu'|à|demain|.")]
    [InlineData("a-t-il dit", "a|-t-il|dit")]
    [InlineData("Donne-moi ça !", "Donne|-moi|ça|!")]
    [InlineData("Qu'est-ce que c'est ?", "Qu'|est|-ce|que|c'|est|?")]
    [InlineData("peut-être Jean-Pierre", "peut-être|Jean-Pierre")]
    [InlineData("MM. Dupont, etc.", "MM.|Dupont|,|etc.")]
    [InlineData("« Bonjour »", "«|Bonjour|»")]
    [InlineData("1,5 %", "1,5|%")]
    public void TokenizesFrench(string text, string expected) => Assert.Equal(Expected(expected), Split("fr", text));

    [Theory]
    [InlineData("O Sr. Silva e a Dra. Costa.", "O|Sr.|Silva|e|a|Dra.|Costa|.")]
    [InlineData("disse-lhe para dá-lo", "disse|-lhe|para|dá|-lo")]
    [InlineData("Trata-se do primeiro-ministro.", "Trata|-se|do|primeiro-ministro|.")]
    [InlineData("custa R$5,00, pág. 3", "custa|R$|5,00|,|pág.|3")]
    [InlineData("dá-se-lhe", "dá|-se|-lhe")]
    public void TokenizesPortuguese(string text, string expected) => Assert.Equal(Expected(expected), Split("pt", text));

    [Theory]
    [InlineData("Hello, world!", "Hello|,|world|!")]
    [InlineData("state-of-the-art", "state|-|of|-|the|-|art")]
    [InlineData("see https://x.org/a.", "see|https://x.org/a|.")]
    public void TokenizesLanguageNeutral(string text, string expected) => Assert.Equal(Expected(expected), Split("xx", text));
}
