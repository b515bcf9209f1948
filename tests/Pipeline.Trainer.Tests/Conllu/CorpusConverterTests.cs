using Pipeline.Trainer.Conllu;

namespace Pipeline.Trainer.Tests.Conllu;

public sealed class CorpusConverterTests : TempDirTest
{
    [Fact]
    public void ConlluDocsKeepTheirAnnotationAndMiscEntities()
    {
        var path = Dir["a.conllu"];
        File.WriteAllText(path, "# text = Alice ran.\n1\tAlice\tAlice\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\tNER=B-PER\n" +
            "2\tran\trun\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No|NER=O\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\tNER=O\n\n");
        var converter = new CorpusConverter(["LOC"]);

        var docs = converter.Read(path, CorpusFormat.Conllu, new Vocab("en")).ToList();

        var doc = Assert.Single(docs);
        Assert.Equal("Alice ran.", doc.Text.TrimEnd());
        Assert.Equal("run", doc[1].Lemma);
        Assert.Equal(1, doc[0].HeadIndex);
        Assert.Empty(doc.Ents);
        Assert.Equal(1, converter.MappedLabels["PER"]);
        Assert.Equal(["PER"], new CorpusConverter().Read(path, CorpusFormat.Conllu, new Vocab("en")).Single().Ents.Select(e => e.Label));
    }

    [Fact]
    public void Iob2LabelsOutsideTheSetBecomeOAndAreCounted()
    {
        var path = Dir["a.iob2"];
        File.WriteAllText(path, "1\tAlice\tB-PER\t_\n2\tvisited\tO\t_\n3\tNew\tB-LOC\t_\n4\tYork\tI-LOC\t_\n5\tInc\tB-ORG\t_\n\n");
        var converter = new CorpusConverter(["PER", "LOC"]);

        var doc = converter.Read(path, CorpusFormat.Iob2, new Vocab("en")).Single();

        Assert.Equal(["Alice", "New York"], doc.Ents.Select(e => e.Text));
        Assert.Equal(1, converter.MappedLabels["ORG"]);
    }

    [Fact]
    public void FormatsComeFromTheNameOrTheExtension()
    {
        Assert.Equal(CorpusFormat.Conllu, CorpusFormats.Detect("x/train.conllu"));
        Assert.Equal(CorpusFormat.Iob2, CorpusFormats.Detect("x/train.IOB2"));
        Assert.Equal(CorpusFormat.Iob2, CorpusFormats.Detect("x/train.txt", "iob2"));
        Assert.Equal("E109", Assert.Throws<PipelineException>(() => CorpusFormats.Detect("x/train.txt")).Code);
    }

    [Fact]
    public void ABadLineNamesFileAndLine()
    {
        var path = Dir["bad.iob2"];
        File.WriteAllText(path, "1\tAlice\tB-PER\n2\tran\n\n");
        var error = Assert.ThrowsAny<PipelineException>(() => new CorpusConverter().Read(path, CorpusFormat.Iob2, new Vocab()).ToList());
        Assert.Equal("E061", error.Code);
        Assert.Contains("bad.iob2:2", error.Message, StringComparison.Ordinal);
    }
}
