using Pipeline.Tokens;
using Pipeline.Trainer.Commands;
using Pipeline.Trainer.Tests.Training;
using Pipeline.Training;
using Spectre.Console.Testing;

namespace Pipeline.Trainer.Tests.Commands;

public sealed class ConvertCommandTests : IClassFixture<TrainingFixture>
{
    private readonly TrainingFixture _fx;

    public ConvertCommandTests(TrainingFixture fixture) => _fx = fixture;

    private static (int Code, string Console, string Error) Run(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var error = new StringWriter();
        var code = PipelineCli.Run(args, console, new StringWriter(), error);
        return (code, console.Output, error.ToString());
    }

    [Fact]
    public void ConllUBecomesADocBinWithTheFullAnnotation()
    {
        var output = _fx.Out("dev.docbin");
        var (code, console, error) = Run("convert", _fx.Dev, output);
        Assert.True(code == 0, error);
        Assert.Contains("Wrote 60 doc(s)", console, StringComparison.Ordinal);

        var gold = ConlluReader.Read(_fx.Dev).ToList();
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
        var output = _fx.Out("dev-ner.docbin");
        var (code, console, error) = Run("convert", _fx.NerDev, output, "--ner-labels", "PER");
        Assert.True(code == 0, error);
        Assert.Contains("of label LOC to O", console, StringComparison.Ordinal);

        var docs = DocBin.FromDisk(output).GetDocs(new Vocab("en")).ToList();
        Assert.Contains(docs, d => d.Ents.Count > 0);
        Assert.All(docs.SelectMany(d => d.Ents), e => Assert.Equal("PER", e.Label));
    }

    [Fact]
    public void BadInputIsReportedWithFileAndLine()
    {
        var bad = _fx.File("bad-convert.conllu", "1\tA\ta\tDET\n\n");
        var (code, _, error) = Run("convert", bad, _fx.Out("bad.docbin"));
        Assert.Equal(1, code);
        Assert.Contains("E060", error, StringComparison.Ordinal);
        Assert.Contains("bad-convert.conllu:1", error, StringComparison.Ordinal);

        var (unknown, _, unknownError) = Run("convert", _fx.File("corpus.txt", "x"), _fx.Out("x.docbin"));
        Assert.Equal(1, unknown);
        Assert.Contains("E109", unknownError, StringComparison.Ordinal);
    }
}
