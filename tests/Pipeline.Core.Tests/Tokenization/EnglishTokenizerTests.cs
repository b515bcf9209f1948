using static Pipeline.Tests.Tokenization.TokenizerTestUtil;

namespace Pipeline.Tests.Tokenization;

public class EnglishTokenizerTests
{
    [Theory]
    [InlineData("Hello, world!", "Hello|,|world|!")]
    [InlineData("(U.S.)", "(|U.S.|)")]
    [InlineData("don't", "do|n't")]
    [InlineData("Don't stop.", "Do|n't|stop|.")]
    [InlineData("can't won't I'm you're", "ca|n't|wo|n't|I|'m|you|'re")]
    [InlineData("It’s John’s", "It|’s|John|’s")]
    [InlineData("the company's (new) plan.", "the|company|'s|(|new|)|plan|.")]
    [InlineData("\"Quoted,\" she said.", "\"|Quoted|,|\"|she|said|.")]
    [InlineData("'Hello'", "'|Hello|'")]
    [InlineData("Wait...", "Wait|...")]
    [InlineData("What?!", "What|?!")]
    [InlineData("cannot gonna", "can|not|gon|na")]
    public void SplitsContractionsAndPunctuation(string text, string expected) =>
        Assert.Equal(Expected(expected), Split("en", text));

    [Theory]
    [InlineData("Mr. Smith met Dr. Jones.", "Mr.|Smith|met|Dr.|Jones|.")]
    [InlineData("e.g. apples, i.e. fruit", "e.g.|apples|,|i.e.|fruit")]
    [InlineData("at 5 p.m. or 9am", "at|5|p.m.|or|9|am")]
    [InlineData("the U.S. and the USA.", "the|U.S.|and|the|USA|.")]
    [InlineData("J. R. R. Tolkien", "J.|R.|R.|Tolkien")]
    [InlineData("etc.", "etc.")]
    public void KeepsAbbreviationsWhole(string text, string expected) =>
        Assert.Equal(Expected(expected), Split("en", text));

    [Theory]
    [InlineData("3.14", "3.14")]
    [InlineData("1,000", "1,000")]
    [InlineData("$5", "$|5")]
    [InlineData("10%", "10|%")]
    [InlineData("€20.50", "€|20.50")]
    [InlineData("10km", "10|km")]
    [InlineData("+44", "+44")]
    [InlineData("1990-1995", "1990|-|1995")]
    [InlineData("713-654-0365", "713-654-0365")]
    [InlineData("3:30", "3:30")]
    public void HandlesNumbers(string text, string expected) =>
        Assert.Equal(Expected(expected), Split("en", text));

    [Theory]
    [InlineData("a 15-year term", "a|15|-|year|term")]
    [InlineData("well-known", "well|-|known")]
    [InlineData("e-mail non-human re-elected", "e-mail|non-human|re-elected")]
    [InlineData("and/or", "and|/|or")]
    [InlineData("word—word", "word|—|word")]
    [InlineData("end.Next", "end|.|Next")]
    public void SplitsInfixes(string text, string expected) =>
        Assert.Equal(Expected(expected), Split("en", text));

    [Theory]
    [InlineData("See http://www.example.com/a-b/c?x=1&y=2.", "See|http://www.example.com/a-b/c?x=1&y=2|.")]
    [InlineData("(https://example.org/path)", "(|https://example.org/path|)")]
    [InlineData("www.google.com", "www.google.com")]
    [InlineData("Mail john.doe-smith@example.co.uk!", "Mail|john.doe-smith@example.co.uk|!")]
    [InlineData("visit example.com/page", "visit|example.com/page")]
    public void KeepsUrlsAndEmailsWhole(string text, string expected) =>
        Assert.Equal(Expected(expected), Split("en", text));

    [Theory]
    [InlineData("Great :) see you <3", "Great|:)|see|you|<3")]
    [InlineData("Wow!!!", "Wow|!!!")]
    [InlineData("=====", "=====")]
    [InlineData("Nice😀", "Nice|😀")]
    [InlineData("👍🏻ok", "👍🏻|ok")]
    [InlineData("love❤️", "love|❤️")]
    [InlineData("#hashtag", "#hashtag")]
    public void HandlesEmoticonsAndSymbols(string text, string expected) =>
        Assert.Equal(Expected(expected), Split("en", text));

    [Fact]
    public void WhitespaceRunsBecomeTokensAndTrailingSpacesAreFlags()
    {
        var doc = Nlp.Blank("en").MakeDoc("  Hi  there\n\tyou ");
        Assert.Equal(["  ", "Hi", " ", "there", "\n\t", "you"], TokenizerTestUtil.Texts(doc));
        Assert.Equal([false, true, false, false, false, true], doc.Tokens.Select(t => t.Whitespace));
        Assert.Equal("  Hi  there\n\tyou ", doc.Text);
        Assert.Equal([0, 2, 5, 6, 11, 13], doc.Tokens.Select(t => t.Idx));
    }

    [Fact]
    public void EmptyTextGivesEmptyDoc()
    {
        var doc = Nlp.Blank("en").MakeDoc("");
        Assert.Equal(0, doc.Length);
        Assert.Equal("", doc.Text);
    }

    [Fact]
    public void ContractionPiecesCarryNorms()
    {
        var rules = Pipeline.Lang.EnglishRules.Create();
        var pieces = rules.SpecialCases["don't"];
        Assert.Equal(["do", "n't"], pieces.Select(p => p.Text));
        Assert.Equal("not", pieces[1].Norm);
        Assert.Equal("can", rules.SpecialCases["can't"][0].Norm);
    }
}
