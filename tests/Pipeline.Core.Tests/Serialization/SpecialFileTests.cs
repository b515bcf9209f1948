using Pipeline.Components;
using Pipeline.Components.Tagging;
using Pipeline.Corpora;
using Pipeline.IO;
using Pipeline.Tests.Parsing;

namespace Pipeline.Tests.Serialization;

/// <summary>
/// Every reader refuses an entry that is not a regular file (E160) before opening it: a FIFO would block the
/// reader forever, /dev/zero would never end. Each case runs under a hang guard.
/// </summary>
public sealed class SpecialFileTests : TempDirTest
{
    public static TheoryData<string> Kinds => SpecialFiles.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheSharedCheckNamesTheKind(string kind)
    {
        using var keep = SpecialFiles.Make(kind, Dir["entry"]);

        var e = SpecialFiles.ThrowsWithinGuard<PipelineFormatException>(() => InputFiles.RequireRegular(Dir["entry"]));

        Assert.Equal("E160", e.Code);
        Assert.Equal(Dir["entry"], e.DataSource);
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
        File.WriteAllText(Dir["plain.txt"], "text");
        File.CreateSymbolicLink(Dir["link.txt"], "plain.txt");
        File.CreateSymbolicLink(Dir["chain.txt"], "link.txt");

        InputFiles.RequireRegular(Dir["plain.txt"]);
        InputFiles.RequireRegular(Dir["link.txt"]);
        InputFiles.RequireRegular(Dir["chain.txt"]);
        InputFiles.RequireRegular(Dir["missing.txt"]);
        Assert.Equal("text", InputFiles.ReadAllText(Dir["chain.txt"], 100, "the test file"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CorpusReadersRefuseSpecialFiles(string kind)
    {
        using var keep = SpecialFiles.Make(kind, Dir["corpus.conllu"]);

        // A folder is no corpus file at all (E062); every other special entry is E160.
        var expected = kind == "folder" ? "E062" : "E160";
        Assert.Equal(expected, SpecialFiles.ThrowsWithinGuard<PipelineException>(() => ConlluReader.Read(Dir["corpus.conllu"]).ToList()).Code);
        Assert.Equal(expected, SpecialFiles.ThrowsWithinGuard<PipelineException>(() => new Iob2Reader().Read(Dir["corpus.conllu"]).ToList()).Code);
        Assert.Equal("E160", SpecialFiles.ThrowsWithinGuard<PipelineException>(() => TextFiles.ReadAll(Dir["corpus.conllu"])).Code);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MetaJsonAndDocBinReadersRefuseSpecialFiles(string kind)
    {
        Directory.CreateDirectory(Dir["model"]);
        using var keep = SpecialFiles.Make(kind, Dir["model/meta.json"]);
        using var keep2 = SpecialFiles.Make(kind, Dir["docs.docbin"]);

        // A folder named meta.json is no meta.json at all (E003); every other special entry is E160.
        var expected = kind == "folder" ? "E003" : "E160";
        Assert.Equal(expected, SpecialFiles.ThrowsWithinGuard<PipelineException>(() => ModelMeta.Read(Dir["model/meta.json"])).Code);
        Assert.Equal(expected, SpecialFiles.ThrowsWithinGuard<PipelineException>(() => Nlp.Load(Dir["model"])).Code);
        if (kind != "folder")
        {
            Assert.Equal("E160", SpecialFiles.ThrowsWithinGuard<PipelineException>(() => DocBin.FromDisk(Dir["docs.docbin"])).Code);
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
        nlp.ToDisk(Dir["model"]);
        File.Delete(Dir[$"model/{file}"]);
        using var keep = SpecialFiles.Make(kind, Dir[$"model/{file}"]);

        var e = SpecialFiles.ThrowsWithinGuard<PipelineFormatException>(() => Nlp.Load(Dir["model"]));

        Assert.Equal("E160", e.Code);
        Assert.Contains(file.Replace('/', Path.DirectorySeparatorChar), e.DataSource, StringComparison.Ordinal);
    }

    [Fact]
    public void EntityRulerPatternsThatAreAFifoAreRefused()
    {
        SpecialFiles.MakeFifo(Dir["patterns.jsonl"]);
        var ruler = new EntityRuler(Nlp.Blank("en"));

        Assert.Equal("E160", SpecialFiles.ThrowsWithinGuard<PipelineException>(() => ruler.FromJsonl(Dir["patterns.jsonl"])).Code);
    }
}
