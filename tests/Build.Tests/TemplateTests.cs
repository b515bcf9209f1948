namespace Pipeline.Build.Tests;

public sealed class TemplateTests : TempDirTest
{
    [Fact]
    public void A_full_pipeline_trains_on_conllu_with_ner_from_iob2()
    {
        TinyCorpus.Write(Dir.Path);
        var template = ModelTemplate.Load(Dir.File("t/en_full.json", TinyCorpus.Template("full", "tagger", "parser", "ner")));
        var inputs = template.Inputs(Dir.Path);
        Assert.Equal("en_full", template.Id);
        Assert.EndsWith("ud/tiny/train.conllu", inputs.Train.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.EndsWith("ner/tiny/dev.iob2", inputs.NerDev!.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.False(inputs.IsIob2Only);
        Assert.Equal(4, inputs.Files.Count);
    }

    [Fact]
    public void A_trf_pipeline_trains_trf_ner_from_iob2_beside_conllu()
    {
        // trf_ner reads IOB2 as ner does: the template is valid and its IOB2 files are the trainer's NER corpora.
        TinyCorpus.Write(Dir.Path);
        var template = ModelTemplate.Load(Dir.File("t/en_trf.json", TinyCorpus.Template("trf", "transformer", "trf_tagger", "parser", "trf_ner")));
        var inputs = template.Inputs(Dir.Path);
        Assert.EndsWith("ud/tiny/train.conllu", inputs.Train.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.EndsWith("ner/tiny/train.iob2", inputs.NerTrain!.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.EndsWith("ner/tiny/dev.iob2", inputs.NerDev!.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.False(inputs.IsIob2Only);
    }

    [Fact]
    public void An_ner_only_model_trains_on_iob2()
    {
        TinyCorpus.Write(Dir.Path);
        var template = ModelTemplate.Load(Dir.File("t/en_ents.json", TinyCorpus.Template("ents", "ner")));
        var inputs = template.Inputs(Dir.Path);
        Assert.True(inputs.IsIob2Only);
        Assert.EndsWith("ner/tiny/train.iob2", inputs.Train.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Null(inputs.NerTrain);
    }

    [Theory]
    [InlineData("""{ "lang": "en", "name": "x", "pipeline": ["tagger"] }""", "'training.corpora' is missing")]
    [InlineData("""{ "name": "x", "pipeline": ["tagger"] }""", "'lang' is missing")]
    [InlineData("""{ "lang": "en", "name": "x", "pipeline": [] }""", "'pipeline' must be a non-empty list")]
    [InlineData("""{ "lang": "en", "name": "y", "pipeline": ["tagger"] }""", "the file must be named en_y.json")]
    [InlineData("""{ "lang": "en", "name": "x", "pipeline": ["tagger", "parser"], "training": { "corpora": { "tagger": { "train": "a", "dev": "b" } } } }""", "has no corpora for parser")]
    [InlineData("""{ "lang": "en", "name": "x", "pipeline": ["tagger"], "training": { "corpora": { "tagger": { "train": "a" } } } }""", "'training.corpora.tagger.dev' is missing")]
    [InlineData("""{ "lang": "en", "name": "x", "pipeline": ["tagger", "parser"], "training": { "corpora": { "tagger": { "train": "a", "dev": "b" }, "parser": { "train": "c", "dev": "b" } } } }""", "different CoNLL-U corpora")]
    [InlineData("""{ "lang": "en", "name": "x", "pipeline": ["tagger"], "training": { "corpora": { "tagger": { "train": "a", "dev": "b" }, "ner": { "train": "a", "dev": "b" } } } }""", "not in the pipeline")]
    [InlineData("""{ "lang": "en", """, "not valid JSON")]
    public void Bad_templates_are_errors_naming_file_and_field(string json, string message)
    {
        var path = Dir.File("t/en_x.json", json);
        var error = Assert.Throws<BuildException>(() => ModelTemplate.Load(path));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_corpus_file_names_the_model_the_file_and_the_parameter()
    {
        var template = ModelTemplate.Load(Dir.File("t/en_tiny.json", TinyCorpus.Template("tiny", "tagger")));
        var error = Assert.Throws<BuildException>(() => template.Inputs(Path.Combine(Dir.Path, "nowhere")));
        Assert.Contains("en_tiny: corpus file", error.Message, StringComparison.Ordinal);
        Assert.Contains("--corpora", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Selecting_an_unknown_model_lists_the_templates()
    {
        Dir.File("t/en_a.json", TinyCorpus.Template("a", "tagger"));
        Dir.File("t/en_b.json", TinyCorpus.Template("b", "tagger"));
        var all = ModelTemplate.LoadAll(Path.Combine(Dir.Path, "t"));
        Assert.Equal(["en_b"], ModelTemplate.Select(all, ["EN_B"]).Select(t => t.Id));
        Assert.Equal(2, ModelTemplate.Select(all, []).Count);
        var error = Assert.Throws<BuildException>(() => ModelTemplate.Select(all, ["en_c"]));
        Assert.Contains("en_c, which has no template. Templates: en_a, en_b", error.Message, StringComparison.Ordinal);
    }
}
