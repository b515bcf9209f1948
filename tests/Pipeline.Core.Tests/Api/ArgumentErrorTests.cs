namespace Pipeline.Tests.Api;

/// <summary>Bad arguments to the public API raise the .NET argument exceptions (they were PipelineException E023).</summary>
public class ArgumentErrorTests
{
    [Fact]
    public void ABatchSizeBelowOneIsOutOfRangeNamingTheParameter()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Nlp.Blank("en").Pipe(["a"], batchSize: 0));
        Assert.Equal("batchSize", e.ParamName);
        Assert.Equal(0, e.ActualValue);
    }

    [Fact]
    public void UnknownAttributesAndIobCodesAreOutOfRangeNamingTheParameter()
    {
        var doc = new Doc(new Vocab("en"), ["a", "b"]);
        Assert.Equal("iob", Assert.Throws<ArgumentOutOfRangeException>(() => doc.SetEntity(0, 7, 0)).ParamName);
        Assert.Equal("attr", Assert.Throws<ArgumentOutOfRangeException>(() => doc.ToArray((Attr)99)).ParamName);
        Assert.Equal("attr", Assert.Throws<ArgumentOutOfRangeException>(() => doc.FromArray([(Attr)99], new ulong[2, 1])).ParamName);
    }

    [Fact]
    public void BadWordsSpansAndNamesAreArgumentExceptions()
    {
        var vocab = new Vocab("en");
        Assert.Contains("Word 1", Assert.Throws<ArgumentException>(() => new Doc(vocab, ["a", ""])).Message);
        Assert.Throws<ArgumentException>(() => Doc.SetExtension(""));
        Assert.Throws<ArgumentException>(() => Nlp.Blank("en").AddPipe(new Pipeline.Tests.Support.Marker(" ")));
    }

    [Fact]
    public void CatalogueErrorsKeepTheirPublicCodeForBranching()
    {
        var nlp = Nlp.Blank("en");
        var e = Assert.Throws<PipelineException>(() => nlp.GetPipe("missing"));
        var handled = e.Code switch
        {
            "E010" => "unknown pipe",
            _ => "other",
        };
        Assert.Equal("unknown pipe", handled);
        Assert.StartsWith("[E010]", e.Message);
    }
}
