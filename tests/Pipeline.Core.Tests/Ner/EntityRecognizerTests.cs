using Pipeline.Components;
using Pipeline.Components.Ner;
using Pipeline.Tests.Training;
using Pipeline.Training;

namespace Pipeline.Tests.Ner;

public class EntityRecognizerTests
{
    private static EntityRecognizer TrainToy(Vocab vocab, ulong seed = 3, int sentences = 150, IEnumerable<string>? labels = null)
    {
        var ner = new EntityRecognizer(labels: labels);
        ner.Train(ToyNerCorpus.Make(vocab, sentences, seed: 1), epochs: 5, seed: seed);
        return ner;
    }

    private static EntityScores Evaluate(EntityRecognizer ner, List<Doc> gold) =>
        EntityScorer.Score(gold, gold.Select(g => ner.Process(ToyNerCorpus.Strip(g))).ToList());

    [Fact]
    public void LearnsTinyTrainingSetAndTagsHeldOutSentences()
    {
        var vocab = new Vocab();
        var ner = TrainToy(vocab);
        Assert.Equal(["LOC", "ORG", "PER"], ner.Labels);
        var scores = Evaluate(ner, ToyNerCorpus.Make(vocab, 60, seed: 77));
        Assert.True(scores.F >= 0.97, $"held-out F {scores.F}");
        Assert.Equal(["Bob Smith/PER", "Acme Corp/ORG", "New York/LOC"],
            ToyNerCorpus.Ents(ner.Process(new Doc(vocab, "Bob Smith works for Acme Corp in New York .".Split(' ')))));
        var doc = ner.Process(new Doc(vocab, "nothing happened today .".Split(' ')));
        Assert.All(doc.Tokens, t => Assert.Equal("O", t.EntIob));
    }

    [Fact]
    public void EntitiesFromAnEarlierEntityRulerAreKept()
    {
        var nlp = Nlp.Blank("en");
        var ruler = new EntityRuler(nlp);
        ruler.AddPatterns([new EntityPattern("CITY", "York"), new EntityPattern("FIRM", "Acme Corp")]);
        nlp.AddPipe(ruler);
        nlp.AddPipe(TrainToy(nlp.Vocab));

        var doc = nlp.Process("Alice works for Acme Corp in New York .");
        Assert.Equal("Acme Corp/FIRM", ToyNerCorpus.Ents(doc)[1]);
        Assert.Contains("York/CITY", ToyNerCorpus.Ents(doc));
        Assert.Equal("Alice/PER", ToyNerCorpus.Ents(doc)[0]);
        Assert.Equal("B", doc[7].EntIob);
        Assert.All(doc.Ents, e => Assert.True(e.End <= 7 || e.Start >= 7, $"{e.Text} overlaps York"));
        AssertWellFormed(doc);
    }

    [Fact]
    public void LabelRestrictionReadsOtherLabelsAsOutside()
    {
        var vocab = new Vocab();
        var ner = TrainToy(vocab, labels: ["PER", "LOC"]);
        Assert.Equal(["LOC", "PER"], ner.Labels);
        Assert.Equal(["LOC", "PER"], ner.AllowedLabels);
        var doc = ner.Process(new Doc(vocab, "Dave works for Globex in Rome .".Split(' ')));
        Assert.Equal(["Dave/PER", "Rome/LOC"], ToyNerCorpus.Ents(doc));
        Assert.Equal("O", doc[3].EntIob);

        var configured = (EntityRecognizer)Nlp.Blank("en").CreatePipe("ner", new Dictionary<string, object?> { ["labels"] = new[] { "ORG" } });
        Assert.Equal(["ORG"], configured.AllowedLabels);
        Assert.Equal("E091", Assert.Throws<PipelineException>(() => new EntityRecognizer(labels: ["O"])).Code);
        Assert.Equal("E091", Assert.Throws<PipelineException>(() => new EntityRecognizer(labels: ["A B"])).Code);
        Assert.Equal("E091", Assert.Throws<PipelineException>(() => new EntityRecognizer(labels: ["A|B"])).Code);
        Assert.Equal("E064", Assert.Throws<PipelineException>(() => new EntityRecognizer(labels: []).Initialize(ToyNerCorpus.Make(vocab, 5, 1))).Code);
    }

    [Fact]
    public void SavedPipelineLoadsAndLabelsIdentically()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(TrainToy(nlp.Vocab, sentences: 80));
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "model");
        nlp.ToDisk(path);
        Assert.True(File.Exists(Path.Combine(path, "ner", EntityRecognizer.ModelFile)));

        var loaded = Nlp.Load(path);
        Assert.Equal(["ner"], loaded.PipeNames);
        var texts = new[] { "Erin Lee met Bob Smith at Initech .", "we flew from Oslo to Rome with Carol Jones .", "Zed lives in Atlantis ." };
        foreach (var text in texts)
        {
            Assert.Equal(Annotation(nlp.Process(text)), Annotation(loaded.Process(text)));
        }

        var fromBytes = Nlp.Blank("en");
        fromBytes.AddPipe(new EntityRecognizer());
        fromBytes.FromBytes(nlp.ToBytes());
        Assert.Equal(Annotation(nlp.Process(texts[1])), Annotation(fromBytes.Process(texts[1])));
    }

    [Fact]
    public void SameSeedGivesSameBytesAndSnapshotsDoNotDisturbTraining()
    {
        var a = TrainToy(new Vocab()).ToBytes();
        Assert.Equal(a, TrainToy(new Vocab()).ToBytes());
        Assert.NotEqual(a, TrainToy(new Vocab(), seed: 4).ToBytes());

        // The trainer's loop: Initialize, Update per doc, a checkpoint after each epoch, FinishTraining.
        var vocab = new Vocab();
        var golds = ToyNerCorpus.Make(vocab, 150, seed: 1);
        var withSnapshots = new EntityRecognizer();
        var snapshotF = withSnapshots.Train(golds, epochs: 5, seed: 3, onEpoch: (_, _) =>
        {
            var snapshot = new EntityRecognizer();
            snapshot.FromBytes(withSnapshots.ToBytes());
            Assert.True(snapshot.IsTrained);
        });
        Assert.Equal(5, snapshotF.Count);
        Assert.Equal(a, withSnapshots.ToBytes());
    }

    [Fact]
    public void TrainerUpdateWritesPredictionsIntoThePredictedDoc()
    {
        var vocab = new Vocab();
        var golds = ToyNerCorpus.Make(vocab, 120, seed: 2);
        ITrainable ner = new EntityRecognizer();
        ner.Initialize(golds);
        Assert.Equal(["LOC", "ORG", "PER"], ner.Labels);
        var first = default(TrainingLoss);
        var last = default(TrainingLoss);
        for (var epoch = 0; epoch < 4; epoch++)
        {
            var loss = default(TrainingLoss);
            foreach (var gold in golds)
            {
                var predicted = ToyNerCorpus.Strip(gold);
                loss += ner.Update(predicted, gold);
                Assert.NotNull(predicted.IobColumn);
                AssertWellFormed(predicted);
            }

            first = epoch == 0 ? loss : first;
            last = loss;
        }

        Assert.Equal(golds.Sum(g => g.Length), last.Total);
        Assert.True(last.Errors < first.Errors, $"loss {first.Errors} -> {last.Errors}");
        ner.FinishTraining();
        Assert.True(Evaluate((EntityRecognizer)ner, ToyNerCorpus.Make(vocab, 40, seed: 9)).F >= 0.95);
    }

    [Fact]
    public void PartOfSpeechFeaturesAreUsedWhenPresentAndOptional()
    {
        var vocab = new Vocab();
        var golds = ToyNerCorpus.Make(vocab, 150, seed: 1);
        foreach (var doc in golds)
        {
            foreach (var token in doc.Tokens)
            {
                token.Pos = char.IsUpper(token.Text[0]) ? "PROPN" : "X";
            }
        }

        var ner = new EntityRecognizer();
        ner.Train(golds, epochs: 5, seed: 1);
        var tagged = ToyNerCorpus.Make(vocab, 40, seed: 8);
        var inputs = tagged.Select(g =>
        {
            var doc = ToyNerCorpus.Strip(g);
            foreach (var token in doc.Tokens)
            {
                token.Pos = char.IsUpper(token.Text[0]) ? "PROPN" : "X";
            }

            return ner.Process(doc);
        }).ToList();
        Assert.True(EntityScorer.Score(tagged, inputs).F >= 0.95);
        var untagged = ner.Process(new Doc(vocab, "Alice lives in Paris .".Split(' ')));
        AssertWellFormed(untagged);
    }

    [Fact]
    public void CorruptModelBytesRaiseFormatErrors()
    {
        var bytes = TrainToy(new Vocab(), sentences: 40).ToBytes();
        Assert.Throws<PipelineFormatException>(() => new EntityRecognizer().FromBytes(bytes[..(bytes.Length / 2)]));
        Assert.Throws<PipelineFormatException>(() => new EntityRecognizer().FromBytes([0xC1]));
        Assert.Throws<PipelineFormatException>(() => new EntityRecognizer().FromBytes([0x80]));
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
                new EntityRecognizer().FromBytes(copy);
            }
            catch (PipelineFormatException)
            {
            }
        }

        var nlp = Nlp.Blank("en");
        nlp.AddPipe(TrainToy(nlp.Vocab, sentences: 40));
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "model");
        nlp.ToDisk(path);
        File.WriteAllBytes(Path.Combine(path, "ner", EntityRecognizer.ModelFile), bytes[..^5]);
        var e = Assert.Throws<PipelineFormatException>(() => Nlp.Load(path));
        Assert.Contains(EntityRecognizer.ModelFile, e.DataSource, StringComparison.Ordinal);
    }

    [Fact]
    public void MisuseRaisesCatalogueErrorsAndEmptyDocsPass()
    {
        var vocab = new Vocab();
        var doc = new Doc(vocab, ["a"]);
        Assert.Equal("E063", Assert.Throws<PipelineException>(() => new EntityRecognizer().Process(doc)).Code);
        Assert.Equal("E063", Assert.Throws<PipelineException>(() => new EntityRecognizer().Update(doc, doc)).Code);
        Assert.Equal("E063", Assert.Throws<PipelineException>(() => new EntityRecognizer().ToBytes()).Code);
        Assert.Equal("E064", Assert.Throws<PipelineException>(() => new EntityRecognizer().Initialize([doc])).Code);
        Assert.Throws<ArgumentException>(() => new EntityRecognizer().Train([], epochs: 0));
        var ner = TrainToy(vocab, sentences: 30);
        Assert.Equal(0, ner.Process(new Doc(vocab, Array.Empty<string>())).Length);
        Assert.True(Language.Factories.Contains("ner"));
        Assert.IsType<EntityRecognizer>(Nlp.Blank("en").CreatePipe("ner"));
    }

    /// <summary>Every I continues a B or I of the same label, every token has an IOB code.</summary>
    internal static void AssertWellFormed(Doc doc)
    {
        for (var i = 0; i < doc.Length; i++)
        {
            Assert.NotEqual(0, doc[i].EntIobId);
            if (doc[i].EntIob == "I")
            {
                Assert.True(i > 0 && doc[i - 1].EntIob is "B" or "I", $"I without B at {i}");
                Assert.Equal(doc[i - 1].EntType, doc[i].EntType);
            }

            Assert.Equal(doc[i].EntIob == "O", doc[i].EntType.Length == 0);
        }
    }

    private static List<(string, string)> Annotation(Doc doc) => doc.Tokens.Select(t => (t.EntIob, t.EntType)).ToList();
}
