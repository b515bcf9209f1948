using MessagePack;
using Pipeline.Components;
using Pipeline.Components.Lemmatization;
using Pipeline.Components.Morphology;
using Pipeline.Components.Ner;
using Pipeline.Components.Parsing;
using Pipeline.Components.Tagging;
using Pipeline.Serialization;

namespace Pipeline.Tests.Components;

/// <summary>
/// Toy models of the five trained components, saved by main at 2fbc1c8 (before the components shared one model
/// format), must keep loading and predict what they predicted when they were saved (<c>Fixtures/*.expected.tsv</c>:
/// word, given POS and tag or "_", expected output; a blank line ends a doc).
/// </summary>
public class SavedModelFixtureTests
{
    private static readonly string FixtureDir = Path.Combine(RepoPaths.Root, "tests", "Pipeline.Core.Tests", "Components", "Fixtures");

    public static TheoryData<string> Components => ["tagger", "morphologizer", "lemmatizer", "parser", "ner"];

    [Theory]
    [MemberData(nameof(Components))]
    public void OldModelBytesLoadAndPredictAsWhenSaved(string component)
    {
        var pipe = Create(component);
        ((IByteSerializable)pipe).FromBytes(File.ReadAllBytes(Fixture(component, "model.bin")));
        AssertPredicts(component, pipe);
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void OldModelFileLoadsFromDiskAndSavesToAStableForm(string component)
    {
        using var dir = new TempDir();
        File.Copy(Fixture(component, "model.bin"), dir.Combine("model.bin"));
        var loaded = Create(component);
        ((IDiskSerializable)loaded).FromDisk(dir.Path);
        var saved = ((IByteSerializable)loaded).ToBytes();
        var reloaded = Create(component);
        ((IByteSerializable)reloaded).FromBytes(saved);
        AssertPredicts(component, reloaded);
        Assert.Equal(saved, ((IByteSerializable)reloaded).ToBytes());
    }

    [Theory]
    [InlineData("tagger", 3)]
    [InlineData("morphologizer", 2)]
    [InlineData("lemmatizer", 2)]
    [InlineData("parser", 3)]
    [InlineData("ner", 3)]
    public void OldModelsSaveInTheCurrentVersionWithCompactWeights(string component, int version)
    {
        var original = File.ReadAllBytes(Fixture(component, "model.bin"));
        var pipe = Create(component);
        ((IByteSerializable)pipe).FromBytes(original);
        var saved = ((IByteSerializable)pipe).ToBytes();

        var reader = new MessagePackReader(saved);
        var perceptronVersion = 0;
        for (var fields = reader.ReadMapHeader(); fields > 0; fields--)
        {
            switch (reader.ReadString())
            {
                case "format":
                    Assert.Equal(version, reader.ReadInt32());
                    break;
                case "model":
                    var model = reader.CreatePeekReader();
                    model.ReadMapHeader();
                    Assert.Equal("format", model.ReadString());
                    perceptronVersion = model.ReadInt32();
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        Assert.Equal(2, perceptronVersion);
        Assert.True(saved.Length < original.Length, $"{component}: {saved.Length} bytes saved from {original.Length}");
    }

    [Theory]
    [InlineData("tagger", "ambiguity")]
    [InlineData("parser", "lexicon")]
    [InlineData("ner", "lexicon")]
    public void WordTablesAreSavedInTheOneSharedEncoding(string component, string field)
    {
        var pipe = Create(component);
        ((IByteSerializable)pipe).FromBytes(File.ReadAllBytes(Fixture(component, "model.bin")));
        var reader = new MessagePackReader(((IByteSerializable)pipe).ToBytes());
        var found = false;
        for (var fields = reader.ReadMapHeader(); fields > 0; fields--)
        {
            if (reader.ReadString() == field)
            {
                // Three binaries: the sorted word keys as byte planes of their gaps, the distinct values, each word's index.
                var table = reader.CreatePeekReader();
                Assert.Equal(3, table.ReadArrayHeader());
                for (var part = 0; part < 3; part++)
                {
                    Assert.Equal(MessagePackType.Binary, table.NextMessagePackType);
                    table.Skip();
                }
                found = true;
            }

            reader.Skip();
        }

        Assert.True(found, $"no '{field}' in the {component} model");
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void ANewerFormatVersionIsRefusedNamingTheVersion(string component)
    {
        var pipe = Create(component);
        ((IByteSerializable)pipe).FromBytes(File.ReadAllBytes(Fixture(component, "model.bin")));
        var bytes = ((IByteSerializable)pipe).ToBytes();

        // A fixmap, then "format" (7 bytes) and the version as a positive fixint.
        Assert.Equal("format", new MessagePackReader(bytes[1..]).ReadString());
        bytes[8] = 9;
        var e = Assert.Throws<PipelineFormatException>(() => ((IByteSerializable)Create(component)).FromBytes(bytes));
        Assert.Equal("E018", e.Code);
        Assert.Contains("format version 9", e.Message, StringComparison.Ordinal);
    }

    private static string Fixture(string component, string suffix) => Path.Combine(FixtureDir, $"{component}.{suffix}");

    private static IPipe Create(string component) => component switch
    {
        "tagger" => new Tagger(),
        "morphologizer" => new Morphologizer(),
        "lemmatizer" => new Lemmatizer(),
        "parser" => new Parser(),
        "ner" => new EntityRecognizer(),
        _ => throw new ArgumentOutOfRangeException(nameof(component)),
    };

    private static string Output(string component, Token t) => component switch
    {
        "tagger" => $"{t.Pos} {t.Tag}",
        "morphologizer" => t.Morph.Length == 0 ? "_" : t.Morph,
        "lemmatizer" => t.Lemma,
        "parser" => $"{t.HeadIndex} {t.Dep}",
        _ => t.EntIob == "O" ? "O" : $"{t.EntIob}-{t.EntType}",
    };

    private static void AssertPredicts(string component, IPipe pipe)
    {
        var docs = 0;
        foreach (var rows in ReadExpected(component))
        {
            var doc = new Doc(new Vocab(), rows.Select(r => r[0]).ToList());
            for (var i = 0; i < doc.Length; i++)
            {
                if (rows[i][1] != "_")
                {
                    doc[i].Pos = rows[i][1];
                    doc[i].Tag = rows[i][2];
                }
            }

            pipe.Process(doc);
            Assert.Equal(rows.Select(r => r[3]), doc.Tokens.Select(t => Output(component, t)));
            docs++;
        }

        Assert.True(docs >= 7, $"{component}: only {docs} docs in the expected file");
    }

    private static IEnumerable<List<string[]>> ReadExpected(string component)
    {
        var rows = new List<string[]>();
        foreach (var line in File.ReadLines(Fixture(component, "expected.tsv")))
        {
            if (line.Length > 0)
            {
                rows.Add(line.Split('\t'));
                continue;
            }

            yield return rows;
            rows = [];
        }
    }
}
