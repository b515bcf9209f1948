using Pipeline.Components.Lemmatization;
using Pipeline.Components.Morphology;
using Pipeline.Components.Tagging;
using Pipeline.Training;

namespace Pipeline.Tests.Training;

public class MorphologizerTests
{
    private static Morphologizer Train(Vocab vocab, ulong seed = 5, int sentences = 150)
    {
        var morphologizer = new Morphologizer();
        morphologizer.Train(ToyCorpus.Make(vocab, sentences, seed: 1), epochs: 4, seed: seed);
        return morphologizer;
    }

    [Fact]
    public void LearnsFeatureBundlesAndUsesTheTagsOfUnseenWords()
    {
        var vocab = new Vocab();
        var morphologizer = Train(vocab);
        Assert.Contains("Number=Plur", morphologizer.Labels);
        Assert.Contains(string.Empty, morphologizer.Labels);
        var doc = new Doc(vocab, ["the", "cars", "sees", "Alice", "."]);
        (string Pos, string Tag)[] tags = [("DET", "DT"), ("NOUN", "NNS"), ("VERB", "VBZ"), ("PROPN", "NNP"), ("PUNCT", ".")];
        for (var i = 0; i < doc.Length; i++)
        {
            (doc[i].Pos, doc[i].Tag) = tags[i];
        }

        morphologizer.Process(doc);
        Assert.Equal(["", "Number=Plur", "Number=Sing|Person=3|Tense=Pres", "Number=Sing", ""], doc.Tokens.Select(t => t.Morph));

        var heldOut = ToyCorpus.Make(vocab, 40, seed: 77);
        var right = heldOut.Sum(g => morphologizer.Process(ToyCorpus.Strip(g).CopyTags(g)).Tokens.Count(t => t.Morph == g[t.I].Morph));
        Assert.True(right >= 0.97 * heldOut.Sum(g => g.Length));
    }

    [Fact]
    public void EpochCallbacksCanSaveCheckpoints()
    {
        var vocab = new Vocab();
        var checkpoints = new List<byte[]>();
        var morphologizer = new Morphologizer();
        morphologizer.Train(ToyCorpus.Make(vocab, 60, seed: 1), epochs: 3, onEpoch: (_, _) => checkpoints.Add(morphologizer.ToBytes()));
        Assert.Equal(3, checkpoints.Count);
        Assert.Equal(morphologizer.ToBytes(), checkpoints[^1]);
        var restored = new Morphologizer();
        restored.FromBytes(checkpoints[0]);
        Assert.True(restored.IsTrained);

        var lemmatizer = new Lemmatizer();
        var lemmaCheckpoints = 0;
        lemmatizer.Train(ToyCorpus.Make(vocab, 60, seed: 1), epochs: 2, onEpoch: (_, _) => lemmaCheckpoints += lemmatizer.ToBytes().Length > 0 ? 1 : 0);
        Assert.Equal(2, lemmaCheckpoints);
    }

    [Fact]
    public void SameSeedGivesSameBytes()
    {
        Assert.Equal(Train(new Vocab()).ToBytes(), Train(new Vocab()).ToBytes());
    }

    [Fact]
    public void SavedPipelineLoadsAndAnnotatesIdentically()
    {
        var nlp = Nlp.Blank("en");
        var docs = ToyCorpus.Make(nlp.Vocab, 150, seed: 1);
        var tagger = new Tagger { FrequencyThreshold = int.MaxValue };
        tagger.Train(docs, epochs: 3);
        var morphologizer = new Morphologizer();
        morphologizer.Train(docs, epochs: 3);
        nlp.AddPipe(tagger);
        nlp.AddPipe(morphologizer);
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "model");
        nlp.ToDisk(path);
        var loaded = Nlp.Load(path);
        Assert.Equal(["tagger", "morphologizer"], loaded.PipeNames);
        const string text = "a quiet cat chased the dogs .";
        var expected = nlp.Process(text).Tokens.Select(t => t.Morph).ToList();
        Assert.Equal(expected, loaded.Process(text).Tokens.Select(t => t.Morph));
        Assert.Equal("Number=Plur", expected[5]);
    }

    [Fact]
    public void CorruptBytesAndMisuseRaiseCatalogueErrors()
    {
        var vocab = new Vocab();
        var bytes = Train(vocab, sentences: 40).ToBytes();
        Assert.Throws<PipelineFormatException>(() => new Morphologizer().FromBytes(bytes[..^5]));
        Assert.Throws<PipelineFormatException>(() => new Morphologizer().FromBytes([0x92, 0x01]));
        var random = new Random(13);
        for (var i = 0; i < 200; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
            try
            {
                new Morphologizer().FromBytes(copy);
            }
            catch (PipelineFormatException)
            {
            }
        }

        Assert.Equal("E063", Assert.Throws<PipelineException>(() => new Morphologizer().Process(new Doc(vocab, ["a"]))).Code);
        Assert.Equal("E064", Assert.Throws<PipelineException>(() => new Morphologizer().Train([new Doc(vocab, ["a"])])).Code);
        Assert.True(Language.Factories.Contains("morphologizer"));
    }
}
