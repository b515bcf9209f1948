using Pipeline.Corpora;
using Pipeline.Tokens;
using Pipeline.Trainer.Tests.Training;

namespace Pipeline.Trainer.Tests.Commands;

public sealed class ConvertCommandTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static (int Code, string Console, string Error) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void ConllUBecomesADocBinWithTheFullAnnotation()
    {
        var output = fixture.Out("dev.docbin");
        var (code, console, error) = Run("convert", fixture.Dev, output);
        Assert.True(code == 0, error);
        Assert.Contains("Wrote 60 doc(s)", console, StringComparison.Ordinal);

        var gold = ConlluReader.Read(fixture.Dev).ToList();
        var docs = DocBin.FromDisk(output).GetDocs(new Vocab("en")).ToList();
        Assert.Equal(gold.Count, docs.Count);
        for (var i = 0; i < docs.Count; i++)
        {
            Assert.Equal(gold[i].Words.Select(w => w.Form), docs[i].Tokens.Select(t => t.Text));
            Assert.Equal(gold[i].Words.Select(w => w.Upos), docs[i].Tokens.Select(t => t.Pos));
            Assert.Equal(gold[i].Words.Select(w => w.Lemma), docs[i].Tokens.Select(t => t.Lemma));
            Assert.Equal(gold[i].Words.Select(w => w.Deprel), docs[i].Tokens.Select(t => t.Dep));
            Assert.Equal(gold[i].Words.Select(w => w.Head == 0 ? w.Id - 1 : w.Head!.Value - 1), docs[i].Tokens.Select(t => t.HeadIndex));
            Assert.Equal(gold[i].Text, docs[i].Text.TrimEnd());
        }
    }

    [Fact]
    public void Iob2LabelsOutsideTheChosenSetAreMappedAndCounted()
    {
        var output = fixture.Out("dev-ner.docbin");
        var (code, console, error) = Run("convert", fixture.NerDev, output, "--ner-labels", "PER");
        Assert.True(code == 0, error);
        Assert.Contains("of label LOC to O", console, StringComparison.Ordinal);

        var docs = DocBin.FromDisk(output).GetDocs(new Vocab("en")).ToList();
        Assert.Contains(docs, d => d.Ents.Count > 0);
        Assert.All(docs.SelectMany(d => d.Ents), e => Assert.Equal("PER", e.Label));
    }

    [Fact]
    public void BadInputIsReportedWithFileAndLine()
    {
        var bad = fixture.File("bad-convert.conllu", "1\tA\ta\tDET\n\n");
        var (code, _, error) = Run("convert", bad, fixture.Out("bad.docbin"));
        Assert.Equal(1, code);
        Assert.Contains("E060", error, StringComparison.Ordinal);
        Assert.Contains("bad-convert.conllu:1", error, StringComparison.Ordinal);

        var (unknown, _, unknownError) = Run("convert", fixture.File("corpus.txt", "x"), fixture.Out("x.docbin"));
        Assert.Equal(1, unknown);
        Assert.Contains("E109", unknownError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c1.conllu")]
    [InlineData("c1.CONLL")]
    [InlineData("c1.iob2")]
    [InlineData("c1.iob")]
    [InlineData("c1.bio")]
    [InlineData("c1.txt")]
    public void AnOutputNamedAsATextCorpusIsE159(string name)
    {
        var output = fixture.Out(name);
        var (code, _, error) = Run("convert", fixture.Dev, output);
        Assert.Equal(1, code);
        Assert.StartsWith("error: [E159]", error, StringComparison.Ordinal);
        Assert.Contains(".spacy or .docbin", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void DocBinsGivenAsCorporaAreE158SayingWhatTheCommandsRead()
    {
        var docbin = fixture.Out("corpus.spacy");
        Assert.Equal(0, Run("convert", fixture.Dev, docbin).Code);
        var disguised = fixture.Out("disguised.conllu");
        File.Copy(docbin, disguised, overwrite: true);

        string[][] commands =
        [
            ["evaluate", "model", docbin],
            ["evaluate", "model", disguised],
            ["evaluate", "model", fixture.Dev, "--ner-data", disguised],
            ["convert", disguised, fixture.Out("again.docbin")],
            ["convert", docbin, fixture.Out("again.docbin")],
            ["train", "en", fixture.Out("docbin-run"), disguised, fixture.Dev, "--pipeline", "tagger"],
            ["train", "en", fixture.Out("docbin-run"), fixture.Train, docbin, "--pipeline", "tagger"],
        ];
        foreach (var args in commands)
        {
            var (code, _, error) = Run(args);
            Assert.True(code == 1, string.Join(' ', args));
            Assert.StartsWith("error: [E158]", error, StringComparison.Ordinal);
            Assert.Contains("is a DocBin", error, StringComparison.Ordinal);
            Assert.Contains($"which {args[0]} does not read: it reads CoNLL-U (.conllu, .conll)", error, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(fixture.Out("again.docbin")));
    }
}
