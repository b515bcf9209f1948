using MessagePack;

namespace Pipeline.Tests.Tokens;

public class DocBinTests
{
    private static Doc Tagged(Vocab vocab)
    {
        var doc = new Doc(vocab, ["Ada", "Lovelace", "wrote", "notes", "."], [true, true, true, false, false]);
        string[] tags = ["NNP", "NNP", "VBD", "NNS", "."];
        for (var i = 0; i < doc.Length; i++)
        {
            doc[i].Tag = tags[i];
            doc[i].Lemma = doc[i].Text.ToLowerInvariant();
            doc[i].Dep = i == 2 ? "ROOT" : "dep";
            doc[i].HeadIndex = 2;
        }

        doc.Ents = [new Span(doc, 0, 2, "PERSON")];
        doc[0].EntId = "Q7259";
        doc.Cats["BIOGRAPHY"] = 0.75;
        return doc;
    }

    [Fact]
    public void DefaultAttrsStoreEverythingAndAlwaysIncludeOrthAndSpacy()
    {
        var bin = new DocBin();
        Assert.Equal(
            [Attr.Orth, Attr.Norm, Attr.Lemma, Attr.Pos, Attr.Tag, Attr.Morph, Attr.Dep, Attr.Head, Attr.EntIob, Attr.EntType, Attr.EntId, Attr.SentStart, Attr.Spacy],
            bin.Attrs);
        Assert.False(bin.StoreUserData);
        Assert.Equal(0, bin.Count);
        Assert.Equal([Attr.Orth, Attr.Tag, Attr.Spacy], new DocBin([Attr.Tag, Attr.Tag]).Attrs);
    }

    [Fact]
    public void EveryStringComesBackIntoABlankVocab()
    {
        var bin = new DocBin();
        bin.Add(Tagged(new Vocab()));
        var blank = new Vocab();
        var doc = Assert.Single(DocBin.FromBytes(bin.ToBytes()).GetDocs(blank));
        Assert.Equal("Ada Lovelace wrote notes.", doc.Text);
        Assert.Equal("NNP", doc[0].Tag);
        Assert.Equal("lovelace", doc[1].Lemma);
        Assert.Equal("ROOT", doc[2].Dep);
        Assert.Equal("Q7259", doc[0].EntId);
        var ent = Assert.Single(doc.Ents);
        Assert.Equal(("Ada Lovelace", "PERSON"), (ent.Text, ent.Label));
        Assert.Equal(0.75, doc.Cats["BIOGRAPHY"]);
        Assert.Equal(["Ada Lovelace wrote notes."], doc.Sents.Select(s => s.Text));
        foreach (var s in new[] { "Ada", "notes", "NNP", "VBD", "lovelace", "ROOT", "PERSON", "Q7259" })
        {
            Assert.True(blank.Strings.Contains(s), $"'{s}' is missing from the vocab");
        }
    }

    [Fact]
    public void AddCopiesTheDoc()
    {
        var vocab = new Vocab();
        var doc = Tagged(vocab);
        var bin = new DocBin();
        bin.Add(doc);
        doc[0].Tag = "XX";
        doc.Cats["OTHER"] = 1;
        var copy = Assert.Single(bin.GetDocs(vocab));
        Assert.Equal("NNP", copy[0].Tag);
        Assert.False(copy.Cats.ContainsKey("OTHER"));
    }

    [Fact]
    public void UserDataIsStoredOnlyWhenAskedFor()
    {
        var doc = new Doc(new Vocab(), ["a", "b"]);
        doc.UserData[new UserDataKey("app", "score")] = 3;
        var without = new DocBin();
        without.Add(doc);
        Assert.False(Assert.Single(DocBin.FromBytes(without.ToBytes()).GetDocs(new Vocab())).HasUserData);
        var with = new DocBin(storeUserData: true);
        with.Add(doc);
        Assert.Equal(3, Assert.Single(DocBin.FromBytes(with.ToBytes()).GetDocs(new Vocab())).UserData[new UserDataKey("app", "score")]);
    }

    [Fact]
    public void ExtensionValuesOfEveryTypeComeBack()
    {
        Doc.SetExtension("docbin_tests_value");
        Token.SetExtension("docbin_tests_flag", false);
        Span.SetExtension("docbin_tests_note");
        var doc = new Doc(new Vocab(), ["x", "y", "z"]);
        object?[] nested = [1, "two", null, new List<object?> { 3L, 4UL }, new Dictionary<string, object?> { ["k"] = 5.5f }];
        doc.Ext["docbin_tests_value"] = new Dictionary<string, object?> { ["list"] = nested, ["bytes"] = new byte[] { 1, 2, 3 }, ["d"] = double.NaN };
        doc[1].Ext["docbin_tests_flag"] = true;
        doc[1..3].Ext["docbin_tests_note"] = "span note";
        var copy = Doc.FromBytes(new Vocab(), doc.ToBytes());
        DocAssert.ValueEqual(doc.Ext["docbin_tests_value"], copy.Ext["docbin_tests_value"]);
        Assert.Equal(true, copy[1].Ext["docbin_tests_flag"]);
        Assert.Equal(false, copy[0].Ext["docbin_tests_flag"]);
        Assert.Equal("span note", copy[1..3].Ext["docbin_tests_note"]);
    }

    [Fact]
    public void GetDocsGivesEachDocItsOwnUserDataValues()
    {
        var doc = new Doc(new Vocab(), ["a"]);
        var key = new UserDataKey("app", "items");
        doc.UserData[key] = new List<object?> { 1 };
        var bin = new DocBin(storeUserData: true);
        bin.Add(doc);
        var first = bin.GetDocs(new Vocab()).Single();
        ((List<object?>)first.UserData[key]!).Add(2);
        Assert.Single((List<object?>)bin.GetDocs(new Vocab()).Single().UserData[key]!);
    }

    [Fact]
    public void MergeRefusesOtherAttrsWithE009()
    {
        var bin = new DocBin([Attr.Tag]);
        var e = Assert.Throws<PipelineException>(() => bin.Merge(new DocBin([Attr.Lemma])));
        Assert.Equal("E009", e.Code);
        Assert.Contains("Tag", e.Message);
        Assert.Contains("Lemma", e.Message);
        e = Assert.Throws<PipelineException>(() => bin.Merge(new DocBin([Attr.Tag], storeUserData: true)));
        Assert.Equal("E009", e.Code);
    }

    [Fact]
    public void UnsupportedUserDataFailsAtToBytesWithE014NamingTheKey()
    {
        var doc = new Doc(new Vocab(), ["a"]);
        doc.UserData[new UserDataKey("app", "when")] = DateTime.UnixEpoch;
        var bin = new DocBin(storeUserData: true);
        bin.Add(doc);
        var e = Assert.Throws<PipelineException>(bin.ToBytes);
        Assert.Equal("E014", e.Code);
        Assert.Contains("'when'", e.Message);
        Assert.Contains("System.DateTime", e.Message);

        doc.UserData.Clear();
        doc.UserData[new UserDataKey("app", "ints")] = new List<object?> { new[] { 1, 2 } };
        var nested = new DocBin(storeUserData: true);
        nested.Add(doc);
        e = Assert.Throws<PipelineException>(nested.ToBytes);
        Assert.Equal("E014", e.Code);
        Assert.Contains("'ints'", e.Message);
    }

    [Fact]
    public void SelfContainingUserDataFailsWithE031()
    {
        var doc = new Doc(new Vocab(), ["a"]);
        var loop = new List<object?>();
        loop.Add(loop);
        doc.UserData[new UserDataKey("app", "loop")] = loop;
        var e = Assert.Throws<PipelineException>(() => doc.ToBytes());
        Assert.Equal("E031", e.Code);
    }

    [Fact]
    public void DerivedAttrsAreRefusedWithE030()
    {
        var e = Assert.Throws<PipelineException>(() => new DocBin([Attr.Tag, Attr.Lower]));
        Assert.Equal("E030", e.Code);
        Assert.Contains("Lower", e.Message);
    }

    [Fact]
    public void FromDiskOfAMissingFileNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.docbin");
        var e = Assert.Throws<PipelineException>(() => DocBin.FromDisk(path));
        Assert.Equal("E032", e.Code);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void CorruptFilesAreReportedWithTheirPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.docbin");
        try
        {
            File.WriteAllBytes(path, [1, 2, 3, 4]);
            var e = Assert.Throws<PipelineFormatException>(() => DocBin.FromDisk(path));
            Assert.Equal("E008", e.Code);
            Assert.Equal(path, e.DataSource);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ForeignBytesAreRefusedAsNotADocBin()
    {
        var vocab = new Vocab();
        vocab.Strings.Add("hello");
        var e = Assert.Throws<PipelineFormatException>(() => DocBin.FromBytes(vocab.ToBytes()));
        Assert.Equal("E008", e.Code);
        Assert.Contains("not a DocBin", e.Message);
        Assert.Throws<PipelineFormatException>(() => DocBin.FromBytes([]));
    }

    [Fact]
    public void ANewerFormatVersionIsReportedWithE018()
    {
        var bytes = Pipeline.Serialization.MsgPack.Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(6);
            w.Write("kind");
            w.Write("docbin");
            w.Write("format");
            w.Write(99);
        });
        var e = Assert.Throws<PipelineFormatException>(() => DocBin.FromBytes(bytes));
        Assert.Equal("E018", e.Code);
        Assert.Contains("99", e.Message);
    }

    [Fact]
    public void TextsWithUnpairedSurrogatesAreRefusedWithE034()
    {
        var doc = new Doc(new Vocab(), ["ok", "bad\uD800"]);
        var e = Assert.Throws<PipelineException>(() => doc.ToBytes());
        Assert.Equal("E034", e.Code);
    }

    [Fact]
    public void EmptyBinsAndEmptyDocsRoundTrip()
    {
        Assert.Equal(0, DocBin.FromBytes(new DocBin().ToBytes()).Count);
        var bin = new DocBin();
        bin.Add(new Doc(new Vocab(), []));
        bin.Add(new Doc(new Vocab(), ["a"]));
        var docs = DocBin.FromBytes(bin.ToBytes()).GetDocs(new Vocab()).ToList();
        Assert.Equal([0, 1], docs.Select(d => d.Length));
    }

    [Fact]
    public void SameDocsGiveSameBytes()
    {
        var rng = new Random(8);
        var docs = Enumerable.Range(0, 20).Select(_ => RandomDocs.Make(rng, new Vocab())).ToList();
        var a = new DocBin(storeUserData: true);
        var b = new DocBin(storeUserData: true);
        docs.ForEach(a.Add);
        docs.ForEach(b.Add);
        Assert.Equal(a.ToBytes(), b.ToBytes());
    }

    [Fact]
    public void AFailedAddLeavesTheBinUnchanged()
    {
        var vocab = new Vocab();
        var bin = new DocBin();
        bin.Add(Tagged(vocab));
        var bad = new Doc(vocab, ["a", "b"]);
        bad[1].TagId = 12345;
        Assert.Equal("E021", Assert.Throws<PipelineException>(() => bin.Add(bad)).Code);
        Assert.Equal(1, bin.Count);
        Assert.Equal("Ada Lovelace wrote notes.", Assert.Single(DocBin.FromBytes(bin.ToBytes()).GetDocs(new Vocab())).Text);
    }

    [Fact]
    public void AHighlyCompressiblePayloadDecompressesPastTheFirstBuffer()
    {
        var doc = new Doc(new Vocab(), ["a"]);
        doc.UserData[new UserDataKey("app", "blob")] = new byte[3 << 20];
        var bytes = doc.ToBytes();
        Assert.True(bytes.Length < 64 << 10, $"{bytes.Length} bytes");
        Assert.Equal(3 << 20, ((byte[])Doc.FromBytes(new Vocab(), bytes).UserData[new UserDataKey("app", "blob")]!).Length);
    }

    [Fact]
    public void AnIncompressiblePayloadIsStoredUncompressed()
    {
        var noise = new byte[5000];
        new Random(4).NextBytes(noise);
        var doc = new Doc(new Vocab(), ["a"]);
        doc.UserData[new UserDataKey("app", "noise")] = noise;
        var bytes = doc.ToBytes();
        var reader = new MessagePackReader(bytes);
        var codec = string.Empty;
        for (var fields = reader.ReadMapHeader(); fields > 0; fields--)
        {
            if (reader.ReadString() == "codec")
            {
                codec = reader.ReadString()!;
            }
            else
            {
                reader.Skip();
            }
        }

        Assert.Equal("none", codec);
        Assert.Equal(noise, (byte[])Doc.FromBytes(new Vocab(), bytes).UserData[new UserDataKey("app", "noise")]!);
    }

    [Fact]
    public void RepetitiveCollectionsCompressWell()
    {
        var vocab = new Vocab();
        var bin = new DocBin();
        for (var i = 0; i < 2000; i++)
        {
            bin.Add(Tagged(vocab));
        }

        var bytes = bin.ToBytes();
        Assert.True(bytes.Length < 2000 * 5, $"{bytes.Length} bytes for 10,000 tokens");
        Assert.Equal(2000, DocBin.FromBytes(bytes).Count);
    }
}
