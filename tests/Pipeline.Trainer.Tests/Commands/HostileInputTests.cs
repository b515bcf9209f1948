using System.IO.Compression;
using System.Text;

namespace Pipeline.Trainer.Tests.Commands;

/// <summary>
/// The commands refuse special files (E160) and oversized input (E161-E164) with one coded line, and never block,
/// spin or die of memory; <c>validate</c> lists such a model or package as one unreadable row (exit 2).
/// Every command runs under a hang guard.
/// </summary>
public sealed class HostileInputTests : TempDirTest
{
    private const string Conllu = TinyConllu.Text;



    public static TheoryData<string> Kinds => SpecialFiles.Kinds;

    private static (int Code, string Console, string Error) Run(params string[] args)
    {
        (int, string, string) result = default;
        SpecialFiles.WithinGuard(() => result = CliRunner.Run(args));
        return result;
    }

    private static void AssertCoded(string code, (int Code, string Console, string Error) result, string mentions)
    {
        Assert.True(result.Code == 1, result.Error + result.Console);
        Assert.StartsWith($"error: [{code}]", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Contains(mentions, result.Error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        File.WriteAllText(Dir[name], text);
        return Dir[name];
    }

    private static void Sparse(string path, long size)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        stream.SetLength(size);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryCorpusCommandRefusesASpecialFile(string kind)
    {
        var model = RulerModel.Save(Dir["model"]);
        var dev = Write("dev.conllu", Conllu);
        var special = Dir["special.conllu"];
        using var keep = SpecialFiles.Make(kind, special);
        var code = kind == "folder" ? "E062" : "E160";

        AssertCoded(code, Run("train", "en", Dir["run"], special, dev, "--pipeline", "tagger", "--n-iter", "1"), special);
        AssertCoded(code, Run("train", "en", Dir["run2"], dev, special, "--pipeline", "tagger", "--n-iter", "1"), special);
        AssertCoded(code, Run("convert", special, Dir["out.docbin"]), special);
        AssertCoded(code, Run("evaluate", model, special), special);
        if (kind != "folder")
        {
            AssertCoded("E160", Run("parse", model, special, "-o", Dir["parsed.conllu"]), special);
        }
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("dev-zero")]
    public void TrainRefusesASpecialMetaTemplate(string kind)
    {
        var corpus = Write("train.conllu", Conllu);
        using var keep = SpecialFiles.Make(kind, Dir["meta.json"]);

        AssertCoded("E160", Run("train", "en", Dir["run"], corpus, corpus, "--pipeline", "tagger", "--meta-path", Dir["meta.json"]), Dir["meta.json"]);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("dev-zero")]
    [InlineData("socket")]
    public void ModelCommandsRefuseASpecialModelFile(string kind)
    {
        var model = RulerModel.Save(Dir["model"]);
        File.Delete(Path.Combine(model, "tokenizer"));
        using var keep = SpecialFiles.Make(kind, Path.Combine(model, "tokenizer"));
        var corpus = Write("data.conllu", Conllu);

        AssertCoded("E160", Run("evaluate", model, corpus), "tokenizer");
        AssertCoded("E160", Run("parse", model, Write("in.txt", "Bob runs."), "-o", Dir["out.conllu"]), "tokenizer");

        // package checks the model by loading it (E129 wraps the load error), and refuses links outright (E147).
        var packaged = Run("package", model, Dir["pkg"]);
        if (kind == "dev-zero")
        {
            AssertCoded("E147", packaged, "tokenizer");
        }
        else
        {
            AssertCoded("E129", packaged, "tokenizer");
            Assert.Contains("not a regular file", packaged.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PackageRefusesASpecialFileAmongTheModelFiles()
    {
        var model = RulerModel.Save(Dir["model"]);
        SpecialFiles.MakeFifo(Path.Combine(model, "notes.txt"));

        AssertCoded("E160", Run("package", model, Dir["pkg"]), "notes.txt");
    }

    [Fact]
    public void ResumeRefusesASpecialFileInACheckpoint()
    {
        var corpus = Write("train.conllu", Conllu);
        var first = Run("train", "en", Dir["run"], corpus, corpus, "--pipeline", "tagger", "--n-iter", "2");
        Assert.True(first.Code == 0, first.Error);
        SpecialFiles.MakeFifo(Dir["run/model1/extra.bin"]);

        var resumed = Run("train", "en", Dir["run"], corpus, corpus, "--pipeline", "tagger", "--n-iter", "3", "--resume");

        AssertCoded("E113", resumed, "model1");
        Assert.Contains("E160", resumed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeMetaJsonIsOneCodedLineForEveryCommand()
    {
        var model = RulerModel.Save(Dir["model"]);
        Sparse(Path.Combine(model, "meta.json"), 2L << 30);
        var corpus = Write("data.conllu", Conllu);

        AssertCoded("E161", Run("evaluate", model, corpus), "meta.json");
        AssertCoded("E161", Run("parse", model, Write("in.txt", "Bob runs."), "-o", Dir["out.conllu"]), "meta.json");
        AssertCoded("E161", Run("package", model, Dir["pkg"]), "meta.json");
    }

    [Fact]
    public void AnEndlessLineIsRefusedByConvertAndParseSniffing()
    {
        var path = Dir["long.txt"];
        using (var writer = new StreamWriter(path))
        {
            writer.Write(new string('w', (8 << 20) + 1));
        }

        AssertCoded("E162", Run("convert", path, Dir["out.docbin"], "--format", "conllu"), path + ":1");
        AssertCoded("E162", Run("parse", RulerModel.Save(Dir["model"]), path, "-o", Dir["out.conllu"]), path + ":1");
    }

    [Fact]
    public void PackageRefusesAnInfiniteScore()
    {
        var model = RulerModel.Save(Dir["model"]);
        var meta = Path.Combine(model, "meta.json");
        File.WriteAllText(meta, File.ReadAllText(meta).Replace("\"ents_f\": 100", "\"ents_f\": 1e400", StringComparison.Ordinal));
        Assert.Contains("1e400", File.ReadAllText(meta), StringComparison.Ordinal);

        AssertCoded("E164", Run("package", model, Dir["pkg"]), "accuracy.ents_f");
        AssertCoded("E164", Run("evaluate", model, Write("data.conllu", Conllu)), "accuracy.ents_f");
    }

    [Fact]
    public void ValidateListsHostileFeedPackagesAsRowsAndGoesOn()
    {
        var feed = Directory.CreateDirectory(Dir["feed"]).FullName;
        var meta = File.ReadAllText(Path.Combine(RulerModel.Save(Dir["model"]), "meta.json"));
        Nupkg(Path.Combine(feed, "en_test_ruler.1.0.0.nupkg"), "en_test_ruler", Encoding.UTF8.GetBytes(meta));

        // meta.json that unpacks to 17 MiB (its zip entry is a few KiB), over the 16 MiB cap.
        var bomb = new byte[17 << 20];
        Array.Fill(bomb, (byte)' ');
        bomb[0] = (byte)'{';
        Nupkg(Path.Combine(feed, "en_bomb.1.0.0.nupkg"), "en_bomb", bomb);
        Nupkg(Path.Combine(feed, "en_latin1.1.0.0.nupkg"), "en_latin1", Encoding.Latin1.GetBytes(meta.Replace("Pipeline tests", "Pipeline t\u00e9sts", StringComparison.Ordinal)));
        SpecialFiles.MakeFifo(Path.Combine(feed, "en_fifo.1.0.0.nupkg"));

        var (code, console, error) = Run("validate", "--source", feed);

        Assert.True(code == 2, error + console);
        Assert.Contains("en_test_ruler", console, StringComparison.Ordinal);
        Assert.Contains($"unreadable {Path.Combine(feed, "en_bomb.1.0.0.nupkg")}", console, StringComparison.Ordinal);
        Assert.Contains("[E163]", console, StringComparison.Ordinal);
        Assert.Contains($"unreadable {Path.Combine(feed, "en_fifo.1.0.0.nupkg")}", console, StringComparison.Ordinal);
        Assert.Contains("[E160]", console, StringComparison.Ordinal);
        Assert.Contains($"unreadable {Path.Combine(feed, "en_latin1.1.0.0.nupkg")}", console, StringComparison.Ordinal);
        Assert.Contains("[E157]", console, StringComparison.Ordinal);
    }

    [Fact]
    public void DamagedPackagesAreAlwaysRowsNeverTheEndOfTheScan()
    {
        var feed = Directory.CreateDirectory(Dir["fuzz"]).FullName;
        var meta = File.ReadAllText(Path.Combine(RulerModel.Save(Dir["model"]), "meta.json"));
        var good = Path.Combine(Dir.Path, "good.nupkg");
        Nupkg(good, "en_test_ruler", Encoding.UTF8.GetBytes(meta));
        var bytes = File.ReadAllBytes(good);
        var random = new Random(20);
        for (var i = 0; i < 60; i++)
        {
            var damaged = (byte[])bytes.Clone();
            for (var n = random.Next(1, 6); n > 0; n--)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            File.WriteAllBytes(Path.Combine(feed, $"p{i}.nupkg"), random.Next(4) == 0 ? damaged[..random.Next(damaged.Length)] : damaged);
        }

        Pipeline.Trainer.Packaging.ModelInventoryResult? scan = null;
        SpecialFiles.WithinGuard(() => scan = Pipeline.Trainer.Packaging.ModelInventory.ScanFeed(feed));

        // Each package is a model, an unreadable row, or (when the damage renamed its id) a package without a model.
        Assert.InRange(scan!.Models.Count + scan.Unreadable.Count, 1, 60);
        Assert.NotEmpty(scan.Unreadable);
        Assert.All(scan.Unreadable, u => Assert.IsType<PipelineFormatException>(u.Error, exactMatch: false));
    }

    [Fact]
    public void ValidateListsHostileAppModelsAsRowsAndGoesOn()
    {
        RulerModel.Save(Dir["app/models/en_test_ruler"]);
        RulerModel.Save(Dir["app/models/en_huge"], name: "huge");
        Sparse(Dir["app/models/en_huge/meta.json"], 2L << 30);
        RulerModel.Save(Dir["app/models/en_fifo"], name: "fifo");
        File.Delete(Dir["app/models/en_fifo/tokenizer"]);
        SpecialFiles.MakeFifo(Dir["app/models/en_fifo/tokenizer"]);
        RulerModel.Save(Dir["app/models/en_bigtok"], name: "bigtok");
        Sparse(Dir["app/models/en_bigtok/tokenizer"], 3L << 30);

        var (code, console, error) = Run("validate", "--app", Dir["app"]);

        Assert.True(code == 2, error + console);
        Assert.Contains("en_test_ruler", console, StringComparison.Ordinal);
        Assert.Contains($"unreadable {Dir["app/models/en_huge/meta.json"]}", console, StringComparison.Ordinal);
        Assert.Contains("[E161]", console, StringComparison.Ordinal);
        Assert.Contains($"unreadable {Dir["app/models/en_fifo"]}", console, StringComparison.Ordinal);
        Assert.Contains("[E160]", console, StringComparison.Ordinal);
        Assert.Contains($"unreadable {Dir["app/models/en_bigtok"]}", console, StringComparison.Ordinal);
    }

    private static void Nupkg(string path, string id, byte[] meta)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var nuspec = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open()))
        {
            nuspec.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>{id}</id><version>1.0.0</version><authors>t</authors><description>d</description></metadata>
                </package>
                """);
        }

        using var stream = zip.CreateEntry($"models/{id}/meta.json", CompressionLevel.SmallestSize).Open();
        stream.Write(meta);
    }
}
