using Pipeline.Components.Lemmatization;
using Pipeline.Components.Tagging;
using Pipeline.Corpora;

namespace Pipeline.Tests.Training;

public class LemmatizerTests
{
    private static Lemmatizer Train(Vocab vocab, ulong seed = 3, int sentences = 150)
    {
        var lemmatizer = new Lemmatizer();
        lemmatizer.Train(ToyCorpus.Make(vocab, sentences, seed: 1), epochs: 4, seed: seed);
        return lemmatizer;
    }

    private static Doc Tagged(Vocab vocab, params (string Word, string Pos, string Tag)[] words)
    {
        var doc = new Doc(vocab, words.Select(w => w.Word).ToList());
        for (var i = 0; i < words.Length; i++)
        {
            doc[i].Pos = words[i].Pos;
            doc[i].Tag = words[i].Tag;
        }

        return doc;
    }

    [Fact]
    public void LooksUpSeenPairsAndGeneralizesToUnseenForms()
    {
        var vocab = new Vocab();
        var lemmatizer = Train(vocab);
        Assert.True(lemmatizer.LookupSize > 10);
        var doc = lemmatizer.Process(Tagged(vocab, ("the", "DET", "DT"), ("found", "NOUN", "NN"), ("found", "VERB", "VBD"), ("birds", "NOUN", "NNS"), ("cars", "NOUN", "NNS"), ("Alice", "PROPN", "NNP")));
        Assert.Equal(["the", "found", "find", "bird", "car", "Alice"], doc.Tokens.Select(t => t.Lemma));
    }

    [Fact]
    public void SameSeedGivesSameBytes()
    {
        Assert.Equal(Train(new Vocab()).ToBytes(), Train(new Vocab()).ToBytes());
    }

    [Fact]
    public void SavedPipelineWithTaggerAndLemmatizerLoadsAndAnnotatesIdentically()
    {
        var nlp = Nlp.Blank("en");
        var docs = ToyCorpus.Make(nlp.Vocab, 150, seed: 1);
        var tagger = new Tagger { FrequencyThreshold = int.MaxValue };
        tagger.Train(docs, epochs: 3);
        var lemmatizer = new Lemmatizer();
        lemmatizer.Train(docs, epochs: 3);
        nlp.AddPipe(tagger);
        nlp.AddPipe(lemmatizer);
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "model");
        nlp.ToDisk(path);
        var loaded = Nlp.Load(path);
        Assert.Equal(["tagger", "lemmatizer"], loaded.PipeNames);
        foreach (var text in new[] { "every dog chased Bob .", "a quiet cat found the trees ." })
        {
            var expected = nlp.Process(text).Tokens.Select(t => (t.Pos, t.Lemma)).ToList();
            Assert.Equal(expected, loaded.Process(text).Tokens.Select(t => (t.Pos, t.Lemma)));
        }

        Assert.Contains(("NOUN", "tree"), loaded.Process("a quiet cat found the trees .").Tokens.Select(t => (t.Pos, t.Lemma)));
    }

    [Fact]
    public void ConcurrentPipeGivesTheSameAnnotationAsSequentialProcessing()
    {
        var nlp = Nlp.Blank("en");
        var docs = ToyCorpus.Make(nlp.Vocab, 120, seed: 1);
        var tagger = new Tagger();
        tagger.Train(docs, epochs: 2);
        var lemmatizer = new Lemmatizer();
        lemmatizer.Train(docs, epochs: 2);
        nlp.AddPipe(tagger);
        nlp.AddPipe(lemmatizer);
        var texts = ToyCorpus.Make(nlp.Vocab, 300, seed: 21).Select(d => d.Text).ToList();
        var sequential = nlp.Pipe(texts).Select(d => string.Join(' ', d.Tokens.Select(t => $"{t.Tag}/{t.Lemma}"))).ToList();
        var parallel = nlp.Pipe(texts, batchSize: 16, threads: 4).Select(d => string.Join(' ', d.Tokens.Select(t => $"{t.Tag}/{t.Lemma}"))).ToList();
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void CorruptBytesAndMisuseRaiseCatalogueErrors()
    {
        var vocab = new Vocab();
        var bytes = Train(vocab, sentences: 40).ToBytes();
        Assert.Throws<PipelineFormatException>(() => new Lemmatizer().FromBytes(bytes[..(bytes.Length / 3)]));
        Assert.Throws<PipelineFormatException>(() => new Lemmatizer().FromBytes([0x81, 0xA6, 0x66, 0x6F, 0x72, 0x6D, 0x61, 0x74, 0x01]));
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
            try
            {
                new Lemmatizer().FromBytes(copy);
            }
            catch (PipelineFormatException)
            {
            }
        }

        Assert.Equal("E063", Assert.Throws<PipelineException>(() => new Lemmatizer().Process(new Doc(vocab, ["a"]))).Code);
        Assert.Equal("E064", Assert.Throws<PipelineException>(() => new Lemmatizer().Train([new Doc(vocab, ["a"])])).Code);
        Assert.True(Language.Factories.Contains("lemmatizer"));
    }

    [CorpusFact("ud/en_ewt/train.conllu")]
    public void SmallSliceOfEnglishEwtBeatsAFloorOnDev()
    {
        var vocab = new Vocab("en");
        var train = ConlluReader.Read(TestCorpora.Find("ud/en_ewt/train.conllu")!).Take(600).Select(s => s.ToDoc(vocab)).ToList();
        var dev = ConlluReader.Read(TestCorpora.Find("ud/en_ewt/dev.conllu")!).Take(150).Select(s => s.ToDoc(vocab)).ToList();
        var lemmatizer = new Lemmatizer();
        lemmatizer.Train(train, epochs: 3, seed: 1);
        int total = 0, right = 0;
        foreach (var gold in dev)
        {
            var doc = new Doc(vocab, gold.Tokens.Select(t => t.Text).ToList());
            for (var i = 0; i < doc.Length; i++)
            {
                doc[i].PosId = gold[i].PosId;
                doc[i].TagId = gold[i].TagId;
            }

            lemmatizer.Process(doc);
            for (var i = 0; i < doc.Length; i++)
            {
                total++;
                right += doc[i].Lemma == gold[i].Lemma ? 1 : 0;
            }
        }

        Assert.True((double)right / total >= 0.92, $"lemma accuracy {(double)right / total:P2}");
    }
}
