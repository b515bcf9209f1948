namespace Pipeline.Tests.Pipelines;

/// <summary>Mutated or truncated model data must fail only with the documented exceptions, never crash.</summary>
[Trait("Category", "Slow")]
public class ModelFuzzTests
{
    private static Language Model()
    {
        Language.Factories["fuzz_fixed_tagger"] = (nlp, cfg) => new FixedTagger("NN");
        var nlp = Nlp.Blank("en");
        foreach (var factory in new[] { "sentencizer", "entity_ruler", "fuzz_fixed_tagger" })
        {
            if (Language.Factories.Contains(factory))
            {
                nlp.AddPipe(nlp.CreatePipe(factory));
            }
        }

        nlp.Process("Some words to fill the vocabulary .");
        return nlp;
    }

    [Fact]
    public void MutatedPipelineBytesFailOnlyWithFormatErrors()
    {
        var template = Model();
        var valid = template.ToBytes();
        var random = new Random(20261128);
        for (var i = 0; i < 10_000; i++)
        {
            var bytes = Mutator.Mutate(valid, random);
            var nlp = Model();
            try
            {
                nlp.FromBytes(bytes);
            }
            catch (PipelineFormatException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"Iteration {i}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    [Fact]
    public void MutatedModelFilesFailOnlyWithFormatErrors()
    {
        using var dir = new TempDir();
        var model = dir["model"];
        Model().ToDisk(model);
        var files = Directory.GetFiles(model, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "meta.json")
            .ToList();
        Assert.NotEmpty(files);
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var file = files[i % files.Count];
            var original = File.ReadAllBytes(file);
            File.WriteAllBytes(file, Mutator.Mutate(original, random));
            try
            {
                Nlp.Load(model);
            }
            catch (PipelineFormatException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"Iteration {i}, {Path.GetRelativePath(model, file)}: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                File.WriteAllBytes(file, original);
            }
        }
    }

    [Fact]
    public void MutatedMetaJsonFailsOnlyWithCatalogueErrors()
    {
        using var dir = new TempDir();
        var model = dir["model"];
        Model().ToDisk(model);
        var metaPath = Path.Combine(model, "meta.json");
        var original = File.ReadAllBytes(metaPath);
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            File.WriteAllBytes(metaPath, Mutator.Mutate(original, random));
            try
            {
                Nlp.Load(model);
            }
            catch (PipelineException e) when (e is PipelineFormatException || e.Code is "E001" or "E002")
            {
                // Format errors, or a mutation that left valid JSON naming an unknown factory or language.
            }
            catch (Exception e)
            {
                Assert.Fail($"Iteration {i}: {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
