using Pipeline.Corpora;
using Pipeline.Tests.Training;

namespace Pipeline.Tests.Corpora;

public class Iob2ReaderTests
{
    private const string Sample =
        "# sent_id = a-1\n" +
        "# text = Ada Lovelace met Babbage in London.\n" +
        "1\tAda\tB-PER\t-\t-\n" +
        "2\tLovelace\tI-PER\t-\t-\n" +
        "3\tmet\tO\n" +
        "4\tBabbage\tB-PER\t-\tx\n" +
        "5\tin\tO\t-\t-\n" +
        "6\tLondon\tB-LOC\t-\t-\n" +
        "7\t.\tO\t-\t-\n" +
        "\n" +
        "\n" +
        "# sent_id = a-2\n" +
        "1\tthe\tB-O\n" +
        "2\tBig\tI-OTH\n" +
        "3\tCorp\tI-ORG\n" +
        "4\tis\tO\n" +
        "5\tgone\tI-PER\n";

    [Fact]
    public void ReadsSentencesEntitiesAndExtraColumns()
    {
        var reader = new Iob2Reader();
        var sentences = reader.Read(new StringReader(Sample), "ner.iob2").ToList();
        Assert.Equal(2, sentences.Count);
        var s = sentences[0];
        Assert.Equal("a-1", s.SentId);
        Assert.Equal(["Ada", "Lovelace", "met", "Babbage", "in", "London", "."], s.Words);
        Assert.Equal([(0, 2, "PER"), (3, 4, "PER"), (5, 6, "LOC")], s.Entities);
        Assert.Null(reader.Labels);
    }

    [Fact]
    public void RepairsStrayTagsAndCountsThem()
    {
        var reader = new Iob2Reader();
        var s = reader.Read(new StringReader(Sample), "ner.iob2").ToList()[1];
        Assert.Equal(["O", "B-OTH", "B-ORG", "O", "B-PER"], s.Tags);
        Assert.Equal(1, reader.MappedLabels["O"]);
        Assert.Equal(3, reader.RepairedTags);
    }

    [Fact]
    public void LabelsOutsideTheSetBecomeOAndAreCounted()
    {
        var reader = new Iob2Reader(["PER", "ORG", "LOC"]);
        var s = reader.Read(new StringReader(Sample), "ner.iob2").ToList()[1];
        Assert.Equal(["O", "O", "B-ORG", "O", "B-PER"], s.Tags);
        Assert.Equal(1, reader.MappedLabels["OTH"]);
        Assert.Equal(1, reader.MappedLabels["O"]);

        // The stray I-OTH is counted although OTH is read as O: the count is the file's, whatever the labels kept.
        Assert.Equal(3, reader.RepairedTags);
    }

    [Fact]
    public void TheRepairCountIsTheSameWhateverLabelsAreKept()
    {
        string[] tags = ["O", "B-PER", "I-PER", "I-ORG", "B-LOC", "I-LOC", "I-PER"];
        string[] labels = ["PER", "ORG", "LOC"];
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            var lines = new System.Text.StringBuilder();
            var expected = 0;
            for (var sentence = random.Next(1, 4); sentence > 0; sentence--)
            {
                var previous = "O";
                for (var word = 1; word <= random.Next(1, 8); word++)
                {
                    var tag = tags[random.Next(tags.Length)];
                    expected += tag.StartsWith("I-", StringComparison.Ordinal) && (previous == "O" || previous[2..] != tag[2..]) ? 1 : 0;
                    lines.Append(word).Append("\tw\t").Append(tag).Append('\n');
                    previous = tag;
                }

                lines.Append('\n');
            }

            var all = new Iob2Reader();
            all.Read(new StringReader(lines.ToString()), "x.iob2").ToList();
            var some = new Iob2Reader(labels.Where(_ => random.Next(2) == 0));
            some.Read(new StringReader(lines.ToString()), "x.iob2").ToList();

            Assert.Equal(expected, all.RepairedTags);
            Assert.Equal(expected, some.RepairedTags);
        }
    }

    [Fact]
    public void ToDocAlignsSpacesWithTextAndSetsEntities()
    {
        var s = new Iob2Reader().Read(new StringReader(Sample), "ner.iob2").First();
        var doc = s.ToDoc(new Vocab());
        Assert.Equal("Ada Lovelace met Babbage in London.", doc.Text);
        Assert.Equal(["Ada Lovelace", "Babbage", "London"], doc.Ents.Select(e => e.Text));
        Assert.Equal(["PER", "PER", "LOC"], doc.Ents.Select(e => e.Label));
        Assert.Equal("O", doc[2].EntIob);

        var noText = new NerSentence(["a", "b"], ["O", "O"]);
        Assert.Equal("a b ", noText.ToDoc(new Vocab()).Text);
        var wrongText = new NerSentence(["a", "b"], ["O", "O"], text: "x y");
        Assert.Equal("a b ", wrongText.ToDoc(new Vocab()).Text);
    }

    [Theory]
    [InlineData("1\tword\n", 1, "expected at least 3")]
    [InlineData("word\tB-PER\tx\n", 1, "bad ID 'word'")]
    [InlineData("1\ta\tO\n2\tb\tPER\n", 2, "bad tag 'PER'")]
    [InlineData("# c\n1\ta\tB-\n", 2, "bad tag 'B-'")]
    [InlineData("1\t\tO\n", 1, "the word is empty")]
    [InlineData("1\ta\tO\n3\tb\tO\n", 2, "word ID 3 is out of sequence (expected 2)")]
    [InlineData("1\ta\tO\n\n2\tb\tO\n", 3, "word ID 2 is out of sequence (expected 1)")]
    [InlineData("1\ta\tB-a|b\n", 1, "bad tag 'B-a|b'")]
    [InlineData("1\ta\tB-a=b\n", 1, "bad tag 'B-a=b'")]
    public void MalformedLinesRaiseE061WithFileAndLine(string text, int line, string detail)
    {
        var e = Assert.Throws<PipelineFormatException>(() => new Iob2Reader().Read(new StringReader(text), "x.iob2").ToList());
        Assert.Equal("E061", e.Code);
        Assert.Equal($"x.iob2:{line}", e.DataSource);
        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileRaisesE062()
    {
        var e = Assert.Throws<PipelineException>(() => new Iob2Reader().Read("/nonexistent/x.iob2"));
        Assert.Equal("E062", e.Code);
    }

    [CorpusFact("ner/en_ewt/dev.iob2")]
    public void EnglishEwtNerDevMatchesTheCorpusReadme()
    {
        var reader = new Iob2Reader(["PER", "ORG", "LOC"]);
        var sentences = reader.Read(TestCorpora.Find("ner/en_ewt/dev.iob2")!).ToList();
        Assert.Equal(2001, sentences.Count);
        Assert.Equal(25149, sentences.Sum(s => s.Words.Count));
        Assert.Equal(0, reader.RepairedTags);
        Assert.Contains(sentences, s => s.Entities.Count > 0);
    }

    [Fact]
    public void InvalidUtf8IsE157NamingLineAndByteOffset()
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-iob2-test-").FullName;
        try
        {
            var path = Path.Combine(dir, "latin1.iob2");
            File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("1\tAda\tB-PER\n\n1\tin\tO\n2\tZürich\tB-LOC\n"));
            var e = Assert.Throws<PipelineFormatException>(() => new Iob2Reader().Read(path).ToList());
            Assert.Equal("E157", e.Code);
            Assert.Equal($"{path}:4", e.DataSource);
            Assert.Contains("byte 0xFC at byte offset 23", e.Message, StringComparison.Ordinal);

            File.WriteAllText(path, "1\tZürich\tB-LOC\n", System.Text.Encoding.Unicode);
            Assert.Equal(["Zürich"], Assert.Single(new Iob2Reader().Read(path)).Words);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
