using Pipeline.Components;
using Pipeline.Components.Tagging;
using Pipeline.Corpora;
using Pipeline.IO;
using Pipeline.Tests.Parsing;
using Pipeline.Tests.Support;
using Pipeline.Tokens;

namespace Pipeline.Tests.Serialization;

/// <summary>
/// Every reader refuses an entry that is not a regular file (E160) before opening it: a FIFO would block the
/// reader forever, /dev/zero would never end. Each case runs under a hang guard.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Kinds => SpecialFiles.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheSharedCheckNamesTheKind(string kind)
    {
        using var keep = SpecialFiles.Make(kind, _dir["entry"]);

        var e = SpecialFiles.ThrowsWithinGuard<PipelineFormatException>(() => InputFiles.RequireRegular(_dir["entry"]));

        Assert.Equal("E160", e.Code);
        Assert.Equal(_dir["entry"], e.DataSource);
        var expected = kind switch
        {
            "fifo" or "link-to-fifo" => "a FIFO",
            "dev-zero" or "dev-null" or "link-to-dev-zero" => "a character device",
            "folder" => "a folder",
            _ => "a socket",
        };
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegularFilesAndLinksToThemPass()
    {
        File.WriteAllText(_dir["plain.txt"], "text");
        File.CreateSymbolicLink(_dir["link.txt"], "plain.txt");
        File.CreateSymbolicLink(_dir["chain.txt"], "link.txt");

        InputFiles.RequireRegular(_dir["plain.txt"]);
        InputFiles.RequireRegular(_dir["link.txt"]);
        InputFiles.RequireRegular(_dir["chain.txt"]);
        InputFiles.RequireRegular(_dir["missing.txt"]);
        Assert.Equal("text", InputFiles.ReadAllText(_dir["chain.txt"], 100, "the test file"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CorpusReadersRefuseSpecialFiles(string kind)
    {
        using var keep = SpecialFiles.Make(kind, _dir["corpus.conllu"]);

        // A folder is no corpus file at all (E062); every other special entry is E160.
        var expected = kind == "folder" ? "E062" : "E160";
        Assert.Equal(expected, SpecialFiles.ThrowsWithinGuard<PipelineException>(() => ConlluReader.Read(_dir["corpus.conllu"]).ToList()).Code);
        Assert.Equal(expected, SpecialFiles.ThrowsWithinGuard<PipelineException>(() => new Iob2Reader().Read(_dir["corpus.conllu"]).ToList()).Code);
        Assert.Equal("E160", SpecialFiles.ThrowsWithinGuard<PipelineException>(() => TextFiles.ReadAll(_dir["corpus.conllu"])).Code);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MetaJsonAndDocBinReadersRefuseSpecialFiles(string kind)
    {
        Directory.CreateDirectory(_dir["model"]);
        using var keep = SpecialFiles.Make(kind, _dir["model/meta.json"]);
        using var keep2 = SpecialFiles.Make(kind, _dir["docs.docbin"]);

        // A folder named meta.json is no meta.json at all (E003); every other special entry is E160.
        var expected = kind == "folder" ? "E003" : "E160";
        Assert.Equal(expected, SpecialFiles.ThrowsWithinGuard<PipelineException>(() => ModelMeta.Read(_dir["model/meta.json"])).Code);
        Assert.Equal(expected, SpecialFiles.ThrowsWithinGuard<PipelineException>(() => Nlp.Load(_dir["model"])).Code);
        if (kind != "folder")
        {
            Assert.Equal("E160", SpecialFiles.ThrowsWithinGuard<PipelineException>(() => DocBin.FromDisk(_dir["docs.docbin"])).Code);
        }
    }

    [Theory]
    [InlineData("fifo", "tagger/model.bin")]
    [InlineData("dev-zero", "tagger/model.bin")]
    [InlineData("fifo", "tokenizer")]
    [InlineData("dev-zero", "vocab/strings.bin")]
    [InlineData("socket", "tagger/model.bin")]
    public void ModelFilesThatAreSpecialAreFormatErrorsOfLoad(string kind, string file)
    {
        var nlp = Nlp.Blank("en");
        var tagger = new Tagger();
        tagger.Train(ToyTreebank.Make(nlp.Vocab, 20, seed: 1), epochs: 1, seed: 1);
        nlp.AddPipe(tagger);
        nlp.ToDisk(_dir["model"]);
        File.Delete(_dir[$"model/{file}"]);
        using var keep = SpecialFiles.Make(kind, _dir[$"model/{file}"]);

        var e = SpecialFiles.ThrowsWithinGuard<PipelineFormatException>(() => Nlp.Load(_dir["model"]));

        Assert.Equal("E160", e.Code);
        Assert.Contains(file.Replace('/', Path.DirectorySeparatorChar), e.DataSource, StringComparison.Ordinal);
    }

    [Fact]
    public void EntityRulerPatternsThatAreAFifoAreRefused()
    {
        SpecialFiles.MakeFifo(_dir["patterns.jsonl"]);
        var ruler = new EntityRuler(Nlp.Blank("en"));

        Assert.Equal("E160", SpecialFiles.ThrowsWithinGuard<PipelineException>(() => ruler.FromJsonl(_dir["patterns.jsonl"])).Code);
    }
}
