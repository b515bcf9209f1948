namespace Pipeline.Tests.Tokens;

public class DocBinPropertyTests
{
    private const int Docs = 300;

    [Fact]
    public void EveryRandomDocRoundTripsThroughDocBytesIntoABlankVocab()
    {
        var rng = new Random(1234);
        var vocab = new Vocab();
        for (var k = 0; k < Docs; k++)
        {
            var doc = RandomDocs.Make(rng, vocab);
            var copy = Doc.FromBytes(new Vocab(), doc.ToBytes());
            DocAssert.Equivalent(doc, copy);
        }
    }

    [Fact]
    public void ADocBinOfRandomDocsRoundTripsIntoABlankVocab()
    {
        var rng = new Random(99);
        var vocab = new Vocab();
        var docs = Enumerable.Range(0, Docs).Select(_ => RandomDocs.Make(rng, vocab)).ToList();
        Assert.Contains(docs, d => d.HasUserData);
        Assert.Contains(docs, d => d.HasCats);
        Assert.Contains(docs, d => d.Length == 0);
        var bin = new DocBin(storeUserData: true);
        docs.ForEach(bin.Add);
        var read = DocBin.FromBytes(bin.ToBytes());
        Assert.Equal(Docs, read.Count);
        var blank = new Vocab();
        var copies = read.GetDocs(blank).ToList();
        Assert.Equal(Docs, copies.Count);
        for (var k = 0; k < Docs; k++)
        {
            DocAssert.Equivalent(docs[k], copies[k]);
            Assert.Same(blank, copies[k].Vocab);
        }

        // The in-memory bin gives the same docs as the bytes do.
        var direct = bin.GetDocs(new Vocab()).ToList();
        for (var k = 0; k < Docs; k++)
        {
            DocAssert.Equivalent(docs[k], direct[k]);
        }
    }

    [Fact]
    public void RandomAttributeSubsetsStoreExactlyThoseAttributes()
    {
        var rng = new Random(7);
        var vocab = new Vocab();
        var optional = RandomDocs.SettableAttrs.Where(a => a is not (Attr.Orth or Attr.Spacy)).ToArray();
        for (var round = 0; round < 30; round++)
        {
            var attrs = optional.Where(_ => rng.Next(2) == 0).ToArray();
            var bin = new DocBin(attrs);
            var docs = Enumerable.Range(0, 10).Select(_ => RandomDocs.Make(rng, vocab)).ToList();
            docs.ForEach(bin.Add);
            var copies = DocBin.FromBytes(bin.ToBytes()).GetDocs(new Vocab()).ToList();
            var stored = bin.Attrs.ToHashSet();
            for (var k = 0; k < docs.Count; k++)
            {
                DocAssert.Equivalent(docs[k], copies[k], stored, userData: false);
                foreach (var attr in optional.Where(a => !stored.Contains(a)))
                {
                    Assert.All(Enumerable.Range(0, copies[k].Length), i => Assert.Equal(0UL, copies[k].GetAttr(i, attr)));
                }
            }
        }
    }

    [Fact]
    public void MergedBinsEqualOneBinOfAllDocs()
    {
        var rng = new Random(5);
        var vocab = new Vocab();
        var docs = Enumerable.Range(0, Docs).Select(_ => RandomDocs.Make(rng, vocab)).ToList();
        var parts = new[] { new DocBin(storeUserData: true), new DocBin(storeUserData: true), new DocBin(storeUserData: true) };
        for (var k = 0; k < docs.Count; k++)
        {
            parts[k * 3 / docs.Count].Add(docs[k]);
        }

        // Merge a bin read from bytes (its own dictionaries) into one built in memory.
        var merged = parts[0];
        merged.Merge(DocBin.FromBytes(parts[1].ToBytes()));
        merged.Merge(parts[2]);
        Assert.Equal(Docs, merged.Count);
        var whole = new DocBin(storeUserData: true);
        docs.ForEach(whole.Add);
        Assert.Equal(whole.ToBytes(), merged.ToBytes());
        var copies = DocBin.FromBytes(merged.ToBytes()).GetDocs(new Vocab()).ToList();
        Assert.Equal(Docs, copies.Count);
        for (var k = 0; k < Docs; k++)
        {
            DocAssert.Equivalent(docs[k], copies[k]);
        }
    }

    [Fact]
    public void MergingABinWithItselfDoublesIt()
    {
        var rng = new Random(11);
        var vocab = new Vocab();
        var docs = Enumerable.Range(0, 20).Select(_ => RandomDocs.Make(rng, vocab)).ToList();
        var bin = new DocBin(storeUserData: true);
        docs.ForEach(bin.Add);
        bin.Merge(bin);
        var copies = bin.GetDocs(new Vocab()).ToList();
        Assert.Equal(40, copies.Count);
        for (var k = 0; k < 40; k++)
        {
            DocAssert.Equivalent(docs[k % 20], copies[k]);
        }
    }

    [Fact]
    public void ToDiskAndFromDiskRoundTrip()
    {
        var rng = new Random(3);
        var vocab = new Vocab();
        var docs = Enumerable.Range(0, 50).Select(_ => RandomDocs.Make(rng, vocab)).ToList();
        var bin = new DocBin(storeUserData: true);
        docs.ForEach(bin.Add);
        var dir = Path.Combine(Path.GetTempPath(), $"docbin-{Guid.NewGuid():N}");
        try
        {
            var path = Path.Combine(dir, "sub", "docs.docbin");
            bin.ToDisk(path);
            var read = DocBin.FromDisk(path);
            Assert.Equal(bin.Attrs, read.Attrs);
            Assert.True(read.StoreUserData);
            var copies = read.GetDocs(new Vocab()).ToList();
            for (var k = 0; k < docs.Count; k++)
            {
                DocAssert.Equivalent(docs[k], copies[k]);
            }
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
