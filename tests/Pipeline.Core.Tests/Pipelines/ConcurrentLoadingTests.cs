using Pipeline.Components.Ner;
using Pipeline.Components.Parsing;
using Pipeline.Components.Tagging;
using Pipeline.Tests.Ner;
using Pipeline.Tests.Parsing;

namespace Pipeline.Tests.Pipelines;

/// <summary>
/// The statistical components of a model load on several threads at once, the rest in order: the result and the
/// error reported must be those of loading one part after the other.
/// </summary>
public class ConcurrentLoadingTests
{
    private const string Probe = "load_probe";
    private static readonly string[] Texts = ["Bob Smith saw the quiet bird in a garden .", "Dave likes every red car in New York ."];

    static ConcurrentLoadingTests()
    {
        Language.Factories[Probe] = (_, _) => new FixedTagger("unset");
    }

    /// <summary>tagger, probe (a component that loads in order), parser, ner.</summary>
    private static Language Trained()
    {
        var nlp = Nlp.Blank("en");
        var treebank = ToyTreebank.Make(nlp.Vocab, 150, seed: 1);
        var tagger = new Tagger();
        tagger.Train(treebank, epochs: 2, seed: 1);
        nlp.AddPipe(tagger);
        nlp.AddPipe(new FixedTagger("PROBE"), Probe);
        var parser = new Parser();
        parser.Train(treebank, epochs: 2, seed: 1);
        nlp.AddPipe(parser);
        var ner = new EntityRecognizer();
        ner.Train(ToyNerCorpus.Make(nlp.Vocab, 100, seed: 1), epochs: 3, seed: 1);
        nlp.AddPipe(ner);
        nlp.Meta.Name = "concurrent_load";
        nlp.Meta.Version = "1.0.0";
        return nlp;
    }

    private static List<string> Annotations(Language nlp) =>
        [.. Texts.SelectMany(text => nlp.Process(text).Tokens.Select(t => $"{t.Text}/{t.Pos}/{t.Tag}/{t.HeadIndex}/{t.Dep}/{t.EntIob}/{t.EntType}"))];

    [Fact]
    public void EveryLoadAnnotatesLikeTheSavedPipeline()
    {
        using var dir = new TempDir();
        var nlp = Trained();
        nlp.ToDisk(dir["model"]);
        var expected = Annotations(nlp);
        Assert.Contains(expected, a => a.Contains("/PROBE/", StringComparison.Ordinal));
        for (var i = 0; i < 8; i++)
        {
            var loaded = Nlp.Load(dir["model"]);
            Assert.Equal(["tagger", Probe, "parser", "ner"], loaded.PipeNames);
            Assert.Equal(expected, Annotations(loaded));
        }
    }

    // A part ending in '/' is a component directory that is deleted (E007); a file is overwritten with bytes that
    // are not MessagePack (E008).
    [Theory]
    [InlineData("tokenizer", "ner/model.bin", "model/tokenizer", "model/ner", "E008")]
    [InlineData("parser/model.bin", "tagger/model.bin", "model/tagger", "model/parser", "E008")]
    [InlineData("ner/model.bin", "parser/model.bin", "model/parser", "model/ner", "E008")]
    [InlineData("parser/model.bin", "load_probe/", "model/load_probe", "model/parser", "E007")]
    [InlineData("load_probe/", "tagger/", "model/tagger", "model/load_probe", "E007")]
    [InlineData("vocab/strings.bin", "tagger/model.bin", "model/vocab", "model/tagger", "E008")]
    [InlineData("parser/", "parser/", "model/parser", "model/ner", "E007")]
    public void WhenSeveralPartsAreDamagedTheFirstInLoadingOrderIsReported(
        string damaged, string alsoDamaged, string reported, string notReported, string code)
    {
        using var dir = new TempDir();
        Trained().ToDisk(dir["model"]);
        foreach (var part in new[] { damaged, alsoDamaged }.Distinct())
        {
            if (part.EndsWith('/'))
            {
                Directory.Delete(dir[Path.Combine("model", part)], recursive: true);
            }
            else
            {
                File.WriteAllBytes(dir[Path.Combine("model", part)], [0xC1, 0x00]);
            }
        }

        var error = Assert.Throws<PipelineFormatException>(() => Nlp.Load(dir["model"]));
        Assert.Equal(code, error.Code);
        Assert.Contains(dir[reported], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(dir[notReported], error.Message, StringComparison.Ordinal);
    }
}
