using Pipeline.Corpora;
using Pipeline.Tests.Training;

namespace Pipeline.Tests.Corpora;

public class ConlluReaderTests
{
    private const string Sample =
        "# newdoc id = d1\n" +
        "# sent_id = s1\n" +
        "# text = I don't know.\n" +
        "1\tI\tI\tPRON\tPRP\tCase=Nom|Number=Sing|Person=1|PronType=Prs\t4\tnsubj\t4:nsubj\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres|VerbForm=Fin\t4\taux\t4:aux\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n" +
        "4\tknow\tknow\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No\n" +
        "4.1\tknows\tknow\tVERB\tVBZ\t_\t_\t_\t4:conj\t_\n" +
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n" +
        "\n" +
        "# sent_id = s2\n" +
        "# text = Hi\n" +
        "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\tSpaceAfter=No\n";

    private static List<ConlluSentence> ReadText(string text) =>
        ConlluReader.Read(new StringReader(text), "test.conllu").ToList();

    [Fact]
    public void ReadsCommentsWordsMultiwordTokensAndSkipsEmptyNodes()
    {
        var sentences = ReadText(Sample);
        Assert.Equal(2, sentences.Count);
        var s = sentences[0];
        Assert.Equal("s1", s.SentId);
        Assert.Equal("I don't know.", s.Text);
        Assert.Equal(["newdoc id = d1", "sent_id = s1", "text = I don't know."], s.Comments);
        Assert.Equal(["I", "do", "n't", "know", "."], s.Words.Select(w => w.Form));
        Assert.Equal(["I", "don't", "know", "."], s.Tokens.Select(t => t.Form));
        Assert.True(s.Tokens[1].IsMultiword);
        Assert.Equal((1, 3), (s.Tokens[1].FirstWord, s.Tokens[1].EndWord));
        Assert.True(s.HasMultiwordTokens);
        Assert.Equal(1, s.Line);
        Assert.Equal(12, sentences[1].Line);

        var know = s.Words[3];
        Assert.Equal(4, know.Id);
        Assert.Equal("know", know.Lemma);
        Assert.Equal("VERB", know.Upos);
        Assert.Equal("VB", know.Xpos);
        Assert.Equal("VerbForm=Inf", know.Feats);
        Assert.Equal(0, know.Head);
        Assert.Equal("root", know.Deprel);
        Assert.Equal("SpaceAfter=No", know.Misc);
        Assert.False(know.SpaceAfter);
        Assert.Equal(8, know.Line);
        Assert.Equal(string.Empty, s.Words[2].Feats);
        Assert.Equal([true, false, true, false, true], s.Words.Select(w => w.SpaceAfter));
    }

    [Fact]
    public void ToDocSetsWordsSpacesAndAnnotation()
    {
        var sentence = ReadText(Sample)[0];
        var doc = sentence.ToDoc(new Vocab());
        Assert.Equal("I don't know. ", doc.Text);
        Assert.Equal(["PRON", "AUX", "PART", "VERB", "PUNCT"], doc.Tokens.Select(t => t.Pos));
        Assert.Equal(["PRP", "VBP", "RB", "VB", "."], doc.Tokens.Select(t => t.Tag));
        Assert.Equal(["I", "do", "not", "know", "."], doc.Tokens.Select(t => t.Lemma));
        Assert.Equal("Mood=Ind|Tense=Pres|VerbForm=Fin", doc[1].Morph);
        Assert.Equal([3, 3, 3, 3, 3], doc.Tokens.Select(t => t.HeadIndex));
        Assert.Equal(["nsubj", "aux", "advmod", "root", "punct"], doc.Tokens.Select(t => t.Dep));
        Assert.Equal([true, false, false, false, false], doc.Tokens.Select(t => t.IsSentStart == true));
        Assert.Single(doc.Sents);
    }

    [Fact]
    public void UnderscoreFormKeepsUnderscoreLemmaAndMissingHeadsLeaveDocUnparsed()
    {
        var text = "1\t_\t_\tPUNCT\t_\t_\t_\t_\t_\t_\n2\tx\t_\tX\t_\t_\t_\t_\t_\t_\n";
        var sentence = Assert.Single(ReadText(text));
        Assert.Equal("_", sentence.Words[0].Lemma);
        Assert.Equal(string.Empty, sentence.Words[1].Lemma);
        Assert.Null(sentence.Words[0].Head);
        var doc = sentence.ToDoc(new Vocab());
        Assert.Null(doc.HeadColumn);
        Assert.Null(doc.TagColumn);
        Assert.Equal("_", doc[0].Lemma);
    }

    [Fact]
    public void CrlfBlankLinesAndTrailingSentenceWithoutBlankLine()
    {
        var text = "\r\n\r\n1\ta\ta\tX\t_\t_\t0\troot\t_\t_\r\n\r\n\r\n# only a comment\r\n\r\n1\tb\tb\tX\t_\t_\t0\troot\t_\t_";
        var sentences = ReadText(text);
        Assert.Equal(["a", "b"], sentences.Select(s => s.Words[0].Form));
    }

    [Theory]
    [InlineData("1\ta\ta\tX\t_\t_\t0\troot\t_\n", 1, "9 columns")]
    [InlineData("1 a a X _ _ 0 root _ _\n", 1, "tabs")]
    [InlineData("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n3\tb\tb\tX\t_\t_\t1\tdep\t_\t_\n", 2, "out of sequence")]
    [InlineData("x\ta\ta\tX\t_\t_\t0\troot\t_\t_\n", 1, "bad ID 'x'")]
    [InlineData("1\ta\ta\tX\t_\t_\troot\t0\t_\t_\n", 1, "bad HEAD 'root'")]
    [InlineData("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t7\tdep\t_\t_\n", 2, "HEAD 7 is outside")]
    [InlineData("1\ta\ta\tX\t_\t_\t1\troot\t_\t_\n", 1, "its own head")]
    [InlineData("1-3\tabc\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n", 1, "runs past")]
    [InlineData("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n3-4\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", 2, "must start at the next word")]
    [InlineData("2-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, "bad multiword-token range")]
    [InlineData("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n5.1\tb\tb\tX\t_\t_\t_\t_\t_\t_\n", 2, "bad empty-node ID")]
    [InlineData("1\t\ta\tX\t_\t_\t0\troot\t_\t_\n", 1, "FORM is empty")]
    [InlineData("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t3\tdep\t_\t_\n3\tc\tc\tX\t_\t_\t2\tdep\t_\t_\n", 2, "cycle (2 -> 3 -> 2)")]
    [InlineData("1\ta\ta\tX\t_\t_\t2\tdep\t_\t_\n2\tb\tb\tX\t_\t_\t1\tdep\t_\t_\n", 1, "cycle (1 -> 2 -> 1)")]
    [InlineData("1\ta\ta\tX\t_\t_\t0\troot\t_\tNER=Z-PER\n", 1, "NER=Z-PER is not O")]
    [InlineData("1\ta\ta\tX\t_\t_\t0\troot\t_\tSpaceAfter=No|NER=B-\n", 1, "NER=B- is not O")]
    public void MalformedLinesRaiseE060WithFileAndLine(string text, int line, string detail)
    {
        var e = Assert.Throws<PipelineFormatException>(() => ReadText(text));
        Assert.Equal("E060", e.Code);
        Assert.Equal($"test.conllu:{line}", e.DataSource);
        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsFilesAndReportsMissingOnes()
    {
        using var temp = new TempDir();
        var path = temp.File("a.conllu", Sample);
        Assert.Equal(2, ConlluReader.Read(path).Count());
        var e = Assert.Throws<PipelineException>(() => ConlluReader.Read(Path.Combine(temp.Path, "missing.conllu")));
        Assert.Equal("E062", e.Code);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        var folder = Assert.Throws<PipelineException>(() => ConlluReader.Read(temp.Path));
        Assert.Contains("is a folder, not a file", folder.Message, StringComparison.Ordinal);

        var bad = temp.File("bad.conllu", Sample + "\n1\tx\n");
        var error = Assert.Throws<PipelineFormatException>(() => ConlluReader.Read(bad).ToList());
        Assert.Equal($"{bad}:16", error.DataSource);
    }

    [Theory]
    [InlineData("# text = Mismatch here\n1\tTotally\ttotally\tADV\t_\t_\t2\tadvmod\t_\t_\n2\tdifferent\tdifferent\tADJ\t_\t_\t0\troot\t_\t_\n", "at 'Totally' (line 2)")]
    [InlineData("# sent_id = 1\n# text = ab c\n1\tab\tab\tX\t_\t_\t0\troot\t_\t_\n", "end before its 'c'")]
    [InlineData("# text = abc\n1\tab\tab\tX\t_\t_\t0\troot\t_\t_\n2\tcd\tcd\tX\t_\t_\t1\tdep\t_\t_\n", "at 'cd' (line 3)")]
    [InlineData("# text = I dont\n1\tI\tI\tX\t_\t_\t0\troot\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tX\t_\t_\t1\tdep\t_\t_\n3\tnt\tnt\tX\t_\t_\t1\tdep\t_\t_\n", "at 'don't' (line 3)")]
    public void TextThatTheFormsDoNotSpellIsE060AtTheTextLine(string text, string detail)
    {
        var e = Assert.Throws<PipelineFormatException>(() => ReadText(text));
        Assert.Equal("E060", e.Code);
        Assert.Equal($"test.conllu:{(text.StartsWith("# sent_id", StringComparison.Ordinal) ? 2 : 1)}", e.DataSource);
        Assert.Contains("is not spelled by the word forms", e.Message, StringComparison.Ordinal);
        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextIsComparedWithTheFormsIgnoringOnlyWhitespace()
    {
        // Spacing may differ from SpaceAfter, forms may hold spaces (Vietnamese), a range's form stands for its words.
        var text =
            "# text = I  do n't\tknow công ty\n" +
            "1\tI\tI\tX\t_\t_\t0\troot\t_\tSpaceAfter=No\n" +
            "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
            "2\tdo\tdo\tX\t_\t_\t1\tdep\t_\t_\n" +
            "3\tnot\tnot\tX\t_\t_\t1\tdep\t_\t_\n" +
            "4\tknow\tknow\tX\t_\t_\t1\tdep\t_\t_\n" +
            "5\tcông ty\tcông ty\tX\t_\t_\t1\tdep\t_\t_\n";
        Assert.Equal(["I", "don't", "know", "công ty"], Assert.Single(ReadText(text)).Tokens.Select(t => t.Form));
        Assert.Equal("E060", Assert.Throws<PipelineFormatException>(() => ReadText(text.Replace("công ty\n", "công tý\n", StringComparison.Ordinal))).Code);
        Assert.Equal("I do n't know.", ReadText(Sample.Replace("I don't know.", "I do n't know.", StringComparison.Ordinal))[0].Text);
    }

    [Fact]
    public void InvalidUtf8IsE157NamingLineAndByteOffset()
    {
        using var temp = new TempDir();
        var latin1 = Path.Combine(temp.Path, "latin1.conllu");
        File.WriteAllBytes(latin1, System.Text.Encoding.Latin1.GetBytes("# text = Café\n1\tCafé\tcafé\tNOUN\t_\t_\t0\troot\t_\t_\n"));
        var e = Assert.Throws<PipelineFormatException>(() => ConlluReader.Read(latin1).ToList());
        Assert.Equal("E157", e.Code);
        Assert.Equal($"{latin1}:1", e.DataSource);
        Assert.Contains("byte 0xE9 at byte offset 12", e.Message, StringComparison.Ordinal);
        Assert.Contains("iconv -f latin1 -t utf-8", e.Message, StringComparison.Ordinal);

        // Far into the file, past the reader's buffers and with multibyte characters across them, the line is exact.
        var prefix = string.Concat(Enumerable.Repeat("# text = \u00e9\u4e2d\U0001F600 comment line\n", 3000));
        var bytes = System.Text.Encoding.UTF8.GetBytes(prefix).Concat(System.Text.Encoding.Latin1.GetBytes("# text = Zürich\n")).ToArray();
        var far = Path.Combine(temp.Path, "far.conllu");
        File.WriteAllBytes(far, bytes);
        var farError = Assert.Throws<PipelineFormatException>(() => ConlluReader.Read(far).ToList());
        Assert.Equal($"{far}:3001", farError.DataSource);
        Assert.Contains($"byte 0xFC at byte offset {System.Text.Encoding.UTF8.GetByteCount(prefix) + 10}", farError.Message, StringComparison.Ordinal);

        // UTF-16 with a byte-order mark is still read.
        var utf16 = Path.Combine(temp.Path, "utf16.conllu");
        File.WriteAllText(utf16, "# text = Café\n1\tCafé\tcafé\tNOUN\t_\t_\t0\troot\t_\t_\n", System.Text.Encoding.Unicode);
        Assert.Equal("Café", Assert.Single(ConlluReader.Read(utf16)).Words[0].Form);
    }

    [CorpusFact("ud/en_ewt/dev.conllu")]
    public void EnglishEwtDevMatchesTheCorpusReadme()
    {
        // The README counts syntactic words (integer-ID lines): 2,001 sentences / 25,147 words; 360 words are
        // absorbed into multiword tokens, leaving 24,787 surface tokens.
        var sentences = ConlluReader.Read(TestCorpora.Find("ud/en_ewt/dev.conllu")!).ToList();
        Assert.Equal(2001, sentences.Count);
        Assert.Equal(25147, sentences.Sum(s => s.Words.Count));
        Assert.Equal(24787, sentences.Sum(s => s.Tokens.Count));
        Assert.All(sentences, s => Assert.NotNull(s.SentId));
        Assert.All(sentences, s => Assert.NotNull(s.Text));

        // Rebuilding the text from surface tokens and SpaceAfter gives back # text.
        var mismatches = sentences.Count(s =>
            string.Concat(s.Tokens.Select(t => t.SpaceAfter ? t.Form + " " : t.Form)).TrimEnd() != s.Text);
        Assert.Equal(0, mismatches);
    }
}
