using Pipeline.Tokens;

namespace Pipeline.Transformers.Tests;

public sealed class EncodedCorpusCacheTests : IDisposable
{
    private readonly TempDir _temp = new();
    private readonly Vocab _vocab = Nlp.Blank("en").Vocab;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void APreparedCorpusIsServedWithoutRunningTheEncoderAgain()
    {
        using var component = new TransformerComponent(new Dictionary<string, object?>());
        component.PrepareCorpus([Doc("The", "cat", "sat", "."), Doc("A", "dog", "ran"), Doc("The", "cat", "sat", ".")]);
        Assert.Equal(2, component.EncodedDocs);
        Assert.Equal(2, component.PreparedDocs);

        var served = component.Process(Doc("The", "cat", "sat", "."));
        Assert.Equal(2, component.EncodedDocs);
        var fresh = MiniLm.Component.Process(Doc("The", "cat", "sat", "."));
        Assert.Equal(fresh.TensorWidth, served.TensorWidth);
        Assert.True(MiniLm.MaxDifference(fresh.Tensor!, served.Tensor!) < 0.01f, "served vectors are the encoder's, in half precision");

        component.Process(Doc("The", "cat", "sat", "!"));
        Assert.Equal(3, component.EncodedDocs);
    }

    [Fact]
    public void WithACacheFolderASecondRunReadsTheFileInsteadOfEncoding()
    {
        var config = new Dictionary<string, object?> { ["cache_dir"] = _temp.Path };
        Doc[] corpus = [Doc("Encoded", "once", "."), Doc("Read", "back", "later")];
        using var first = new TransformerComponent(config);
        first.PrepareCorpus(corpus);
        var file = Assert.Single(Directory.GetFiles(_temp.Path));
        Assert.EndsWith(".tokvec", file, StringComparison.Ordinal);

        using var second = new TransformerComponent(config);
        second.PrepareCorpus(corpus);
        Assert.Equal(0, second.EncodedDocs);
        Assert.Equal(first.Process(Doc("Read", "back", "later")).Tensor, second.Process(Doc("Read", "back", "later")).Tensor);

        // Another corpus is another file.
        second.PrepareCorpus([Doc("Something", "else")]);
        Assert.Equal(2, Directory.GetFiles(_temp.Path).Length);
        Assert.Equal(1, second.EncodedDocs);
    }

    [Fact]
    public void ACorpusSharingDocsWithACachedOneEncodesOnlyItsNewDocs()
    {
        var config = new Dictionary<string, object?> { ["cache_dir"] = _temp.Path };
        using var first = new TransformerComponent(config);
        first.PrepareCorpus([Doc("Train", "doc"), Doc("Shared", "doc", ".")]);

        // Another corpus (say, the entity recognizer's) with one doc in common: only its new doc is encoded.
        using var second = new TransformerComponent(config);
        second.PrepareCorpus([Doc("Shared", "doc", "."), Doc("New", "doc")]);
        Assert.Equal(1, second.EncodedDocs);
        Assert.Equal(2, Directory.GetFiles(_temp.Path).Length);
        Assert.Equal(first.Process(Doc("Shared", "doc", ".")).Tensor, second.Process(Doc("Shared", "doc", ".")).Tensor);

        // A corpus whose docs are all in the files is read from them and writes no file of its own.
        using var third = new TransformerComponent(config);
        third.PrepareCorpus([Doc("New", "doc"), Doc("Train", "doc")]);
        Assert.Equal(0, third.EncodedDocs);
        Assert.Equal(2, Directory.GetFiles(_temp.Path).Length);
    }

    [Fact]
    public void AFolderTheTrainerOffersKeepsTheEncodedCorpusWhenTheComponentHasNone()
    {
        Doc[] corpus = [Doc("Offered", "folder", "."), Doc("Kept", "between", "runs")];
        using var first = new TransformerComponent(new Dictionary<string, object?>());
        ((Components.IPreparesCorpus)first).PrepareCorpus(corpus, _temp.Path);
        Assert.EndsWith(".tokvec", Assert.Single(Directory.GetFiles(_temp.Path)), StringComparison.Ordinal);

        using var second = new TransformerComponent(new Dictionary<string, object?>());
        ((Components.IPreparesCorpus)second).PrepareCorpus(corpus, _temp.Path);
        Assert.Equal(0, second.EncodedDocs);

        // The component's own cache_dir wins over the offered folder.
        var own = Path.Combine(_temp.Path, "own");
        using var third = new TransformerComponent(new Dictionary<string, object?> { ["cache_dir"] = own });
        ((Components.IPreparesCorpus)third).PrepareCorpus(corpus, _temp.Path);
        Assert.Single(Directory.GetFiles(own));
        Assert.Single(Directory.GetFiles(_temp.Path));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("header")]
    [InlineData("doc")]
    public void ADamagedCacheFileIsAFormatErrorNamingIt(string damage)
    {
        var config = new Dictionary<string, object?> { ["cache_dir"] = _temp.Path };
        Doc[] corpus = [Doc("One", "doc"), Doc("Two", "docs", "here")];
        using (var writer = new TransformerComponent(config))
        {
            writer.PrepareCorpus(corpus);
        }

        var file = Directory.GetFiles(_temp.Path)[0];
        var bytes = File.ReadAllBytes(file);
        bytes = damage switch
        {
            "truncated" => bytes[..^3],
            "header" => Flip(bytes, 45),
            _ => Flip(bytes, 48 + 16),
        };
        File.WriteAllBytes(file, bytes);

        using var reader = new TransformerComponent(config);
        var error = Assert.Throws<PipelineFormatException>(() => reader.PrepareCorpus(corpus));
        Assert.Equal("E267", error.Code);
        Assert.Equal(file, error.DataSource);
        Assert.Contains("Delete the file", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0x5a;
        return bytes;
    }

    private Doc Doc(params string[] words) => new(_vocab, words);
}
