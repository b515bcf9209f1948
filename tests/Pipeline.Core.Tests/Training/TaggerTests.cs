using Pipeline.Components.Tagging;
using Pipeline.Corpora;

namespace Pipeline.Tests.Training;

public class TaggerTests
{
    private static Tagger TrainToy(Vocab vocab, ulong seed = 7, int sentences = 200)
    {
        // No tag dictionary, so that the model itself must learn every word.
        var tagger = new Tagger { FrequencyThreshold = int.MaxValue };
        tagger.Train(ToyCorpus.Make(vocab, sentences, seed: 1), epochs: 4, seed: seed);
        return tagger;
    }

    private static double Accuracy(Tagger tagger, IEnumerable<Doc> gold, Func<Token, string> field)
    {
        int total = 0, right = 0;
        foreach (var g in gold)
        {
            var doc = tagger.Process(ToyCorpus.Strip(g));
            for (var i = 0; i < doc.Length; i++)
            {
                total++;
                right += field(doc[i]) == field(g[i]) ? 1 : 0;
            }
        }

        return (double)right / total;
    }

    [Fact]
    public void LearnsToyGrammarAndGeneralizesToHeldOutSentences()
    {
        var vocab = new Vocab();
        var tagger = TrainToy(vocab);
        var heldOut = ToyCorpus.Make(vocab, 50, seed: 99);
        Assert.True(Accuracy(tagger, heldOut, t => t.Pos) >= 0.98);
        Assert.True(Accuracy(tagger, heldOut, t => t.Tag) >= 0.95);
        Assert.Equal(["ADJ", "DET", "NOUN", "PROPN", "PUNCT", "VERB"], tagger.PosLabels);

        // The same model without its second pass at inference still tags well.
        var firstPassOnly = new Tagger { SecondPass = false };
        firstPassOnly.FromBytes(tagger.ToBytes());
        Assert.True(Accuracy(firstPassOnly, heldOut, t => t.Pos) >= 0.95);
        Assert.Contains("NNS", tagger.Labels);
    }

    [Fact]
    public void SinglePassTaggerAlsoLearnsAndRoundTrips()
    {
        var vocab = new Vocab();
        var tagger = new Tagger { SecondPass = false, FrequencyThreshold = int.MaxValue };
        tagger.Train(ToyCorpus.Make(vocab, 120, seed: 1), epochs: 3);
        var heldOut = ToyCorpus.Make(vocab, 30, seed: 98);
        Assert.True(Accuracy(tagger, heldOut, t => t.Pos) >= 0.97);
        var copy = new Tagger();
        copy.FromBytes(tagger.ToBytes());
        Assert.Equal(tagger.ToBytes(), copy.ToBytes());
        Assert.Equal(Accuracy(tagger, heldOut, t => t.Tag), Accuracy(copy, heldOut, t => t.Tag));
    }

    [Fact]
    public void TagDictionaryTagsFrequentUnambiguousWords()
    {
        var vocab = new Vocab();
        var tagger = new Tagger { FrequencyThreshold = 10 };
        tagger.Train(ToyCorpus.Make(vocab, 200, seed: 1), epochs: 2);
        Assert.True(tagger.TagDictionarySize > 5);
        Assert.True(Accuracy(tagger, ToyCorpus.Make(vocab, 30, seed: 4), t => t.Tag) >= 0.95);
    }

    [Fact]
    public void SameSeedGivesSameBytesAndTrainingIsIndependentOfTheVocab()
    {
        var a = TrainToy(new Vocab(), sentences: 80).ToBytes();
        var b = TrainToy(new Vocab(), sentences: 80).ToBytes();
        Assert.Equal(a, b);
        var c = TrainToy(new Vocab(), seed: 8, sentences: 80).ToBytes();
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void FeatureNoiseChangesTheModelButNotItsRepeatability()
    {
        static byte[] Train(double dropRate)
        {
            var tagger = new Tagger { FrequencyThreshold = int.MaxValue, DropRate = dropRate };
            tagger.Train(ToyCorpus.Make(new Vocab(), 80, seed: 1), epochs: 3, seed: 7);
            return tagger.ToBytes();
        }

        Assert.Equal(0, new Tagger().DropRate);
        Assert.Equal(Train(0.2), Train(0.2));
        Assert.NotEqual(Train(0.2), Train(0));
        Assert.Throws<ArgumentException>(() => new Tagger { DropRate = 1 });
        Assert.Throws<ArgumentException>(() => new Tagger { DropRate = -0.1 });

        // The factory setting, as meta.json's pipeline_args give it.
        using var json = System.Text.Json.JsonDocument.Parse("""{ "drop_rate": 0.25 }""");
        Assert.Equal(0.25, Tagger.FromConfig(new Dictionary<string, object?> { ["drop_rate"] = json.RootElement.GetProperty("drop_rate") }).DropRate);
        Assert.Equal(0, Tagger.FromConfig(new Dictionary<string, object?>()).DropRate);
        var bad = Assert.Throws<PipelineException>(() => Tagger.FromConfig(new Dictionary<string, object?> { ["drop_rate"] = "lots" }));
        Assert.Equal("E022", bad.Code);
        Assert.Contains("drop_rate", bad.Message, StringComparison.Ordinal);
        Assert.Equal("E022", Assert.Throws<PipelineException>(() => Tagger.FromConfig(new Dictionary<string, object?> { ["drop_rate"] = 1.0 })).Code);
    }

    [Fact]
    public void SavedPipelineLoadsAndTagsIdentically()
    {
        var nlp = Nlp.Blank("en");
        var tagger = TrainToy(nlp.Vocab);
        nlp.AddPipe(tagger);
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "model");
        nlp.ToDisk(path);
        Assert.True(File.Exists(Path.Combine(path, "tagger", Tagger.ModelFile)));

        var loaded = Nlp.Load(path);
        Assert.Equal(["tagger"], loaded.PipeNames);
        var texts = new[] { "the quiet bird found Carol .", "Dave likes every red car .", "a cat sees trees ." };
        foreach (var text in texts)
        {
            var expected = nlp.Process(text);
            var actual = loaded.Process(text);
            Assert.Equal(expected.Tokens.Select(t => (t.Pos, t.Tag)), actual.Tokens.Select(t => (t.Pos, t.Tag)));
        }

        var fromBytes = Nlp.Blank("en");
        fromBytes.AddPipe(new Tagger());
        fromBytes.FromBytes(nlp.ToBytes());
        Assert.Equal(
            nlp.Process(texts[0]).Tokens.Select(t => t.Tag),
            fromBytes.Process(texts[0]).Tokens.Select(t => t.Tag));
    }

    [Fact]
    public void CorruptModelBytesRaiseFormatErrors()
    {
        var bytes = TrainToy(new Vocab(), sentences: 60).ToBytes();
        Assert.Throws<PipelineFormatException>(() => new Tagger().FromBytes(bytes[..(bytes.Length / 2)]));
        Assert.Throws<PipelineFormatException>(() => new Tagger().FromBytes([0xC1]));
        Assert.Throws<PipelineFormatException>(() => new Tagger().FromBytes([0x80]));
        var random = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var copy = (byte[])bytes.Clone();
            for (var k = 0; k < 3; k++)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            try
            {
                new Tagger().FromBytes(copy);
            }
            catch (PipelineFormatException)
            {
            }
        }

        var nlp = Nlp.Blank("en");
        nlp.AddPipe(TrainToy(nlp.Vocab, sentences: 60));
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "model");
        nlp.ToDisk(path);
        File.WriteAllBytes(Path.Combine(path, "tagger", Tagger.ModelFile), bytes[..^7]);
        var e = Assert.Throws<PipelineFormatException>(() => Nlp.Load(path));
        Assert.Contains(Tagger.ModelFile, e.DataSource, StringComparison.Ordinal);
    }

    [Fact]
    public void MisuseRaisesCatalogueErrors()
    {
        var vocab = new Vocab();
        Assert.Equal("E063", Assert.Throws<PipelineException>(() => new Tagger().Process(new Doc(vocab, ["a"]))).Code);
        Assert.Equal("E063", Assert.Throws<PipelineException>(() => new Tagger().Update(new Doc(vocab, ["a"]))).Code);
        Assert.Equal("E064", Assert.Throws<PipelineException>(() => new Tagger().Initialize([new Doc(vocab, ["a"])])).Code);
        Assert.Throws<ArgumentException>(() => new Tagger().Train([], epochs: 0));
        Assert.Throws<ArgumentException>(() => new Tagger { Folds = 1 }.Train([new Doc(vocab, ["a"])]));
    }

    [Fact]
    public void FactoryCreatesTaggerAndEmptyDocsPass()
    {
        Assert.True(Language.Factories.Contains("tagger"));
        var nlp = Nlp.Blank("en");
        Assert.IsType<Tagger>(nlp.CreatePipe("tagger"));
        var tagger = TrainToy(nlp.Vocab, sentences: 40);
        Assert.Equal(0, tagger.Process(new Doc(nlp.Vocab, Array.Empty<string>())).Length);
    }

    [Fact]
    public void CorpusWithoutLanguageSpecificTagsSetsOnlyPos()
    {
        var vocab = new Vocab();
        var docs = ToyCorpus.Make(vocab, 80, seed: 3);
        foreach (var doc in docs)
        {
            doc.TagColumn = null;
        }

        var tagger = new Tagger();
        tagger.Train(docs, epochs: 3);
        Assert.Empty(tagger.Labels);
        var tagged = tagger.Process(ToyCorpus.Strip(docs[0]));
        Assert.Null(tagged.TagColumn);
        Assert.Equal(docs[0].Tokens.Select(t => t.Pos), tagged.Tokens.Select(t => t.Pos));
        var reloaded = new Tagger();
        reloaded.FromBytes(tagger.ToBytes());
        Assert.Equal(docs[0].Tokens.Select(t => t.Pos), reloaded.Process(ToyCorpus.Strip(docs[0])).Tokens.Select(t => t.Pos));
    }

    [CorpusFact("ud/en_ewt/train.conllu")]
    public void SmallSliceOfEnglishEwtBeatsAFloorOnDev()
    {
        var vocab = new Vocab("en");
        var train = ConlluReader.Read(TestCorpora.Find("ud/en_ewt/train.conllu")!).Take(500).Select(s => s.ToDoc(vocab)).ToList();
        var dev = ConlluReader.Read(TestCorpora.Find("ud/en_ewt/dev.conllu")!).Take(150).Select(s => s.ToDoc(vocab)).ToList();
        var tagger = new Tagger { SecondPass = false };
        tagger.Train(train, epochs: 3, seed: 1);
        var upos = Accuracy(tagger, dev, t => t.Pos);
        var xpos = Accuracy(tagger, dev, t => t.Tag);
        Assert.True(upos >= 0.85, $"UPOS {upos:P2}");
        Assert.True(xpos >= 0.82, $"XPOS {xpos:P2}");
    }
}
