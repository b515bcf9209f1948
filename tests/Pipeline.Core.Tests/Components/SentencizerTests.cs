using Pipeline.Components;
using Pipeline.Tokenization;

namespace Pipeline.Tests.Components;

public class SentencizerTests
{
    private static List<string> Sents(Doc doc) => doc.Sents.Select(s => s.Text).ToList();

    // Whitespace tokenization keeps each test's tokens exactly as written.
    private static Doc Run(string text, Sentencizer? sentencizer = null) =>
        (sentencizer ?? new Sentencizer()).Process(new WhitespaceTokenizer(new Vocab()).Tokenize(text));

    [Fact]
    public void SplitsAfterSentencePunctuation()
    {
        var doc = Run("Hello world . This is it .");
        Assert.Equal(["Hello world .", "This is it ."], Sents(doc));
        Assert.Equal([true, false, false, true, false, false, false], doc.Tokens.Select(t => t.IsSentStart == true));
        Assert.All(doc.Tokens, t => Assert.NotNull(t.IsSentStart));
    }

    [Fact]
    public void DoesNotSplitAfterTrailingPunctuation()
    {
        var doc = Run("One sentence only !");
        Assert.Equal(["One sentence only !"], Sents(doc));

        var repeated = Run("Really ? ? !");
        Assert.Equal(["Really ? ? !"], Sents(repeated));
    }

    [Fact]
    public void ClosingQuotesAndBracketsStayWithTheSentence()
    {
        Assert.Equal(["He said \" stop . \"", "Then he left ."], Sents(Run("He said \" stop . \" Then he left .")));
        Assert.Equal(["( Really ? ! )", "Yes ."], Sents(Run("( Really ? ! ) Yes .")));
        Assert.Equal(["“ Go ! ” ’", "She went ."], Sents(Run("“ Go ! ” ’ She went .")));
        Assert.Equal(["Fin . »", "« Début"], Sents(Run("Fin . » « Début")));
    }

    [Fact]
    public void OpeningBracketStartsTheNextSentence()
    {
        Assert.Equal(["Done .", "( Aside ) ok"], Sents(Run("Done . ( Aside ) ok")));
    }

    [Fact]
    public void TokensGluingSeveralMarksEndSentences()
    {
        Assert.Equal(["Wow ?!", "Ok"], Sents(Run("Wow ?! Ok")));
        Assert.Equal(["Stop !)", "Go"], Sents(Run("Stop !) Go")));
        Assert.Equal(["He said \"no.\" Fine"], Sents(Run("He said \"no.\" Fine")));
        Assert.Equal(["a .\"", "b"], Sents(Run("a .\" b")));
    }

    [Fact]
    public void WhitespaceTokensStayWithThePreviousSentence()
    {
        var doc = Run("Hi .  Next one");
        Assert.Equal(5, doc.Length);
        Assert.Equal(false, doc[2].IsSentStart);
        Assert.Equal(true, doc[3].IsSentStart);
    }

    [Theory]
    [InlineData("यह ठीक है । वह भी ।", 2)]
    [InlineData("هل أنت بخير ؟ نعم", 2)]
    [InlineData("میں ٹھیک ہوں ۔ شکریہ", 2)]
    [InlineData("Բարեւ ։ Ինչպես ես ՞ Լավ", 3)]
    [InlineData("今日 は 晴れ 。 明日 は 雨 ！ 本当 ？", 3)]
    [InlineData("「 いい 。 」 そう", 2)]
    [InlineData("Wait … what", 2)]
    [InlineData("ሰላም ። እንዴት ነህ ፧", 2)]
    [InlineData("Τι κάνεις \u037E Καλά", 2)]
    public void DefaultSetCoversManyScripts(string text, int sentences)
    {
        Assert.Equal(sentences, Run(text).Sents.Count());
    }

    [Fact]
    public void CustomPunctCharsReplaceTheDefaults()
    {
        var nlp = Nlp.Blank("en");
        var pipe = (Sentencizer)nlp.CreatePipe("sentencizer", new Dictionary<string, object?> { ["punct_chars"] = new[] { "|", "¶" } });
        Assert.Equal(["|", "¶"], pipe.PunctChars);
        var doc = pipe.Process(nlp.MakeDoc("a b . c | d ¶ e"));
        Assert.Equal(["a b . c |", "d ¶", "e"], Sents(doc));
    }

    [Fact]
    public void ConstructorTakesCustomSetAndDropsDuplicates()
    {
        var pipe = new Sentencizer(["!", "!", "..."]);
        Assert.Equal(["!", "..."], pipe.PunctChars);
        Assert.Equal(["a ...", "b . c"], Sents(Run("a ... b . c", pipe)));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(".")]
    [InlineData(true)]
    public void BadConfigValueNamesTheKey(object value)
    {
        var e = Assert.Throws<PipelineException>(() =>
            Nlp.Blank("en").CreatePipe("sentencizer", new Dictionary<string, object?> { ["punct_chars"] = value }));
        Assert.Equal("E022", e.Code);
        Assert.Contains("punct_chars", e.Message);
    }

    [Fact]
    public void EmptyOrBlankEntriesAreRefused()
    {
        foreach (var bad in new object[] { Array.Empty<string>(), new[] { ".", "" }, new object[] { ".", 3 } })
        {
            var e = Assert.Throws<PipelineException>(() => Sentencizer.FromConfig(new Dictionary<string, object?> { ["punct_chars"] = bad }));
            Assert.Equal("E022", e.Code);
            Assert.Contains("punct_chars", e.Message);
        }
    }

    [Fact]
    public void JsonConfigValuesAreAccepted()
    {
        var json = System.Text.Json.JsonDocument.Parse("[\"#\"]").RootElement;
        var pipe = Sentencizer.FromConfig(new Dictionary<string, object?> { ["punct_chars"] = json, ["unrelated"] = 1 });
        Assert.Equal(["#"], pipe.PunctChars);
    }

    [Fact]
    public void ReplacesEarlierBoundariesAndHandlesEmptyDocs()
    {
        var nlp = Nlp.Blank("en");
        var doc = nlp.MakeDoc("a b . c");
        doc[1].IsSentStart = true;
        new Sentencizer().Process(doc);
        Assert.Equal(["a b .", "c"], Sents(doc));

        var empty = new Sentencizer().Process(nlp.MakeDoc(string.Empty));
        Assert.Equal(0, empty.Length);
    }

    [Fact]
    public void RunsInsideThePipeline()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("sentencizer"));
        Assert.Equal(["sentencizer"], nlp.PipeNames);
        var docs = nlp.Pipe(Enumerable.Repeat("One . Two . Three", 50), batchSize: 4, threads: 4).ToList();
        Assert.All(docs, d => Assert.Equal(3, d.Sents.Count()));
    }
}
