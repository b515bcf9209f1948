using Pipeline.Components;
using Pipeline.Corpora;
using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Trainer.Tests.Commands;

/// <summary>File-system problems on the command line end as coded one-line errors, never as stack traces.</summary>
public sealed class FileProblemTests : TempDirTest
{
    private const string Conllu = TinyConllu.Text;



    private static (int Code, string Console, string Error) Run(params string[] args) => CliRunner.Run(args);

    private static void AssertCoded(string code, (int Code, string Console, string Error) result, string? mentions = null)
    {
        Assert.True(result.Code == 1, result.Error);
        Assert.StartsWith($"error: [{code}]", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        if (mentions is not null)
        {
            Assert.Contains(mentions, result.Error, StringComparison.Ordinal);
        }
    }

    private string Model()
    {
        var nlp = Nlp.Blank("en");
        var ruler = (EntityRuler)nlp.CreatePipe(EntityRuler.FactoryName);
        ruler.AddPatterns([new EntityPattern("PER", "Bob")]);
        nlp.AddPipe(ruler);
        nlp.ToDisk(Dir["model"]);
        return Dir["model"];
    }

    private string Write(string name, string text)
    {
        File.WriteAllText(Dir[name], text);
        return Dir[name];
    }

    [Fact]
    public void ParseWritesThroughASymbolicLinkAndKeepsIt()
    {
        var model = Model();
        var input = Write("in.txt", "Bob met Alice.\n");
        var target = Write("parsed.conllu", "old\n");
        File.CreateSymbolicLink(Dir["link.conllu"], "parsed.conllu");

        var (code, _, error) = Run("parse", model, input, "-o", Dir["link.conllu"]);

        Assert.True(code == 0, error);
        Assert.Equal("parsed.conllu", new FileInfo(Dir["link.conllu"]).LinkTarget);
        Assert.Contains("NER=B-PER", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(Dir.Path), f => f.Contains(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public void ConvertWritesThroughADanglingLink()
    {
        var input = Write("in.conllu", Conllu);
        File.CreateSymbolicLink(Dir["out.docbin"], "made.docbin");

        var (code, _, error) = Run("convert", input, Dir["out.docbin"]);

        Assert.True(code == 0, error);
        Assert.Equal("made.docbin", new FileInfo(Dir["out.docbin"]).LinkTarget);
        Assert.Single(DocBin.FromDisk(Dir["made.docbin"]).GetDocs(new Vocab("en")));
    }

    [Fact]
    public void OutputsUnderAFileOrOnAFolderAreE025NamingThePath()
    {
        var model = Model();
        var input = Write("in.txt", "Bob met Alice.\n");
        var file = Write("plain", "x");
        var under = Path.Combine(file, "x.conllu");

        AssertCoded("E025", Run("parse", model, input, "-o", under), under);
        Directory.CreateDirectory(Dir["folder"]);
        AssertCoded("E025", Run("parse", model, input, "-o", Dir["folder"]), Dir["folder"]);
        AssertCoded("E025", Run("displacy", model, "Bob", "-o", Path.Combine(file, "x.html")), Path.Combine(file, "x.html"));
        AssertCoded("E025", Run("convert", Write("in.conllu", Conllu), Path.Combine(file, "x.docbin")), file);
        AssertCoded("E025", Run("package", model, file), file);
        AssertCoded("E025", Run("package", model, Path.Combine(file, "sub")), file);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void TrainChecksItsOutputFolderBeforeReadingTheCorpora()
    {
        var file = Write("plain", "x");
        var missing = Dir["missing.conllu"];

        // Reading the corpora first would report E062 for the missing file.
        AssertCoded("E025", Run("train", "en", Path.Combine(file, "run"), missing, missing, "--pipeline", "tagger"), file);
    }

    [Theory]
    [InlineData("<output>", "convert", "in.conllu", "")]
    [InlineData("<lang>", "train", "", "out", "a", "b")]
    [InlineData("<output>", "train", "en", " ", "a", "b")]
    [InlineData("--output", "parse", "model", "in.txt", "-o", "")]
    [InlineData("<model>", "parse", "", "in.txt", "-o", "x.conllu")]
    [InlineData("<input>", "parse", "model", "  ", "-o", "x.conllu")]
    [InlineData("--output", "displacy", "model", "Bob", "-o", "")]
    [InlineData("<output>", "package", "model", "")]
    [InlineData("<model>", "evaluate", "", "dev.conllu")]
    [InlineData("--app", "validate", "--app", "")]
    [InlineData("--app", "validate", "--app", "   ")]
    [InlineData("--source", "validate", "-s", "")]
    public void EmptyValuesAreE027NamingTheArgument(string name, params string[] args) =>
        AssertCoded("E027", Run(args), name);

    [Fact]
    public void ConvertRefusesToOverwriteItsInput()
    {
        var input = Write("corpus.conllu", Conllu);
        File.CreateSymbolicLink(Dir["alias.conllu"], input);

        AssertCoded("E028", Run("convert", input, input), input);
        AssertCoded("E028", Run("convert", input, Dir["alias.conllu"]), input);
        Assert.Equal(Conllu, File.ReadAllText(input));
    }

    [Fact]
    public void ParseRefusesToOverwriteItsInput()
    {
        var model = Model();
        var input = Write("corpus.conllu", Conllu);

        AssertCoded("E028", Run("parse", model, input, "-o", input), input);
        AssertCoded("E028", Run("parse", model, input, "-o", Path.Combine(Dir.Path, ".", "corpus.conllu"), "--gold-tokens"), input);
        Assert.Equal(Conllu, File.ReadAllText(input));
    }

    [Fact]
    public void GuardTurnsFileSystemFailuresIntoE026AndLetsBugsThrough()
    {
        var error = new StringWriter();
        var cli = new CliContext(new TestConsole(), new StringWriter(), error);

        Assert.Equal(1, cli.Guard(() => throw new IOException("disk on fire")));
        Assert.Equal(1, cli.Guard(() => throw new UnauthorizedAccessException("no entry")));
        Assert.Equal(
            ["error: [E026] A file or folder could not be used: disk on fire. Check the path and its permissions.",
             "error: [E026] A file or folder could not be used: no entry. Check the path and its permissions."],
            error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Throws<InvalidOperationException>(() => cli.Guard(() => throw new InvalidOperationException("bug")));
    }

    [Fact]
    public void OutputsEndingInASlashAreE029AndCreateNothing()
    {
        var model = Model();
        var input = Write("in.conllu", Conllu);
        var folder = Dir["newdir"] + "/";

        AssertCoded("E029", Run("convert", input, folder), folder);
        AssertCoded("E029", Run("parse", model, input, "-o", folder), folder);
        AssertCoded("E029", Run("displacy", model, "Bob", "-o", Dir["deeper/newdir/"]), "a file path");
        Assert.Equal("E029", Assert.Throws<PipelineException>(() => AtomicFile.WriteAllText(folder, "x")).Code);
        Assert.False(Directory.Exists(Dir["newdir"]));
        Assert.False(Directory.Exists(Dir["deeper"]));
    }

    [Fact]
    public void TextThatIsNotUtf8IsE157NamingTheLineAndWritesNothing()
    {
        var model = Model();
        var latin1 = "# text = Bob in Zürich\n1\tBob\tBob\tPROPN\t_\t_\t0\troot\t_\t_\n2\tin\tin\tADP\t_\t_\t3\tcase\t_\t_\n" +
            "3\tZürich\tZürich\tPROPN\t_\t_\t1\tnmod\t_\t_\n\n";
        var corpus = Dir["latin1.conllu"];
        File.WriteAllBytes(corpus, System.Text.Encoding.Latin1.GetBytes(latin1));
        var text = Dir["latin1.txt"];
        File.WriteAllBytes(text, System.Text.Encoding.Latin1.GetBytes("Bob met Alice.\nCafé in Zürich.\n"));

        AssertCoded("E157", Run("parse", model, text, "-o", Dir["p.conllu"]), $"{text}:2: the file is not valid UTF-8: byte 0xE9 at byte offset 18");
        AssertCoded("E157", Run("convert", corpus, Dir["c.docbin"]), $"{corpus}:1:");
        AssertCoded("E157", Run("evaluate", model, corpus), "iconv -f latin1 -t utf-8");
        AssertCoded("E157", Run("train", "en", Dir["run"], corpus, corpus, "--pipeline", "tagger", "--n-iter", "1"), $"{corpus}:1:");
        Assert.False(File.Exists(Dir["p.conllu"]));
        Assert.False(File.Exists(Dir["c.docbin"]));
        Assert.False(Directory.Exists(Dir["run/model0"]));

        // UTF-16 with a byte-order mark is text too.
        File.WriteAllText(text, "Bob met Alice in Zürich.\n", System.Text.Encoding.Unicode);
        var (code, _, error) = Run("parse", model, text, "-o", Dir["p.conllu"]);
        Assert.True(code == 0, error);
        Assert.Equal("Bob met Alice in Zürich.", Assert.Single(ConlluReader.Read(Dir["p.conllu"])).Text);
    }

    [Fact]
    public void FoldersGivenAsCorporaAreE062()
    {
        Directory.CreateDirectory(Dir["corpus"]);

        AssertCoded("E062", Run("evaluate", "model", Dir["corpus"]), "is a folder, not a file");
        AssertCoded("E062", Run("convert", Dir["corpus"], Dir["out.docbin"]), "is a folder, not a file");
        AssertCoded("E062", Run("evaluate", "model", Dir["missing.txt"]), "does not exist");
    }
}
