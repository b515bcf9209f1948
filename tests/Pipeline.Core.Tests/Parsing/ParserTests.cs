using Pipeline.Components.Parsing;
using Pipeline.Components.Tagging;
using Pipeline.Tests.Training;

namespace Pipeline.Tests.Parsing;

public class ParserTests
{
    private static Parser TrainToy(Vocab vocab, ulong seed = 7, int sentences = 300, int epochs = 5)
    {
        var parser = new Parser();
        parser.Train(ToyTreebank.Make(vocab, sentences, seed: 1), epochs, seed);
        return parser;
    }

    /// <summary>Unlabelled and labelled attachment scores of the parser on gold docs, parsing words and gold tags.</summary>
    private static (double Uas, double Las) Score(Parser parser, IEnumerable<Doc> gold)
    {
        int total = 0, uas = 0, las = 0;
        foreach (var g in gold)
        {
            var doc = parser.Process(ToyTreebank.WordsAndTags(g));
            for (var i = 0; i < doc.Length; i++)
            {
                total++;
                var head = doc[i].HeadIndex == g[i].HeadIndex;
                uas += head ? 1 : 0;
                las += head && (g[i].HeadIndex == i ? doc[i].Dep == parser.RootDep : doc[i].Dep == g[i].Dep) ? 1 : 0;
            }
        }

        return ((double)uas / total, (double)las / total);
    }

    /// <summary>Asserts that every sentence of the doc is one tree: a single root and heads within the sentence.</summary>
    internal static void AssertWellFormed(Doc doc, string rootDep = "root")
    {
        Assert.NotNull(doc.HeadColumn);
        var heads = doc.HeadColumn!;
        Assert.True(PseudoProjective.IsForest(heads));
        foreach (var sentence in doc.Sents)
        {
            var roots = 0;
            for (var i = sentence.Start; i < sentence.End; i++)
            {
                Assert.InRange(doc[i].HeadIndex, sentence.Start, sentence.End - 1);
                Assert.NotEqual(string.Empty, doc[i].Dep);
                if (doc[i].HeadIndex == i)
                {
                    roots++;
                    Assert.Equal(rootDep, doc[i].Dep);
                }
            }

            Assert.Equal(1, roots);
        }
    }

    [Fact]
    public void LearnsToyGrammarAndGeneralizesToHeldOutSentences()
    {
        var vocab = new Vocab();
        var parser = TrainToy(vocab);
        var heldOut = ToyTreebank.Make(vocab, 60, seed: 99);
        var (uas, las) = Score(parser, heldOut);
        Assert.True(uas >= 0.95, $"UAS {uas:P1}");
        Assert.True(las >= 0.93, $"LAS {las:P1}");
        Assert.Contains("nsubj", parser.Labels);
        Assert.Equal("root", parser.RootDep);
        Assert.Contains(parser.RootDep, parser.Labels);
        foreach (var gold in heldOut.Take(20))
        {
            var doc = parser.Process(ToyTreebank.WordsAndTags(gold));
            AssertWellFormed(doc);
            Assert.Single(doc.Sents);
        }
    }

    [Fact]
    public void ParsesMarkedSentencesSeparately()
    {
        var vocab = new Vocab();
        var parser = TrainToy(vocab, sentences: 150, epochs: 3);
        foreach (var gold in ToyTreebank.MakeMultiSentence(vocab, 20, sentences: 3, seed: 5))
        {
            var doc = ToyTreebank.WordsAndTags(gold);
            var starts = gold.Sents.Select(s => s.Start).ToList();
            foreach (var start in starts)
            {
                doc[start].IsSentStart = true;
            }

            parser.Process(doc);
            AssertWellFormed(doc);
            Assert.Equal(starts, doc.Sents.Select(s => s.Start));
        }
    }

    [Fact]
    public void LearnsToSplitUnmarkedDocsIntoSentences()
    {
        var vocab = new Vocab();
        var parser = new Parser();
        parser.Train(ToyTreebank.MakeMultiSentence(vocab, 200, sentences: 2, seed: 1), epochs: 4, seed: 3);
        var right = 0;
        var docs = ToyTreebank.MakeMultiSentence(vocab, 30, sentences: 2, seed: 8);
        foreach (var gold in docs)
        {
            var doc = parser.Process(ToyTreebank.WordsAndTags(gold));
            AssertWellFormed(doc);
            right += doc.Sents.Select(s => s.Start).SequenceEqual(gold.Sents.Select(s => s.Start)) ? 1 : 0;
        }

        Assert.True(right >= 27, $"{right} of {docs.Count} docs split right");
    }

    [Fact]
    public void SameSeedGivesSameBytes()
    {
        var a = TrainToy(new Vocab(), sentences: 120, epochs: 3).ToBytes();
        var b = TrainToy(new Vocab(), sentences: 120, epochs: 3).ToBytes();
        Assert.Equal(a, b);
        var c = TrainToy(new Vocab(), seed: 8, sentences: 120, epochs: 3).ToBytes();
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void SavingDuringTrainingDoesNotDisturbIt()
    {
        var vocab = new Vocab();
        var golds = ToyTreebank.Make(vocab, 80, seed: 2);
        byte[] Run(bool save)
        {
            var parser = new Parser { Seed = 4 };
            parser.Initialize(golds);
            for (var epoch = 0; epoch < 3; epoch++)
            {
                foreach (var gold in golds)
                {
                    parser.Update(ToyTreebank.WordsAndTags(gold), gold);
                }

                if (save)
                {
                    var snapshot = new Parser();
                    snapshot.FromBytes(parser.ToBytes());
                    Assert.True(Score(snapshot, golds.Take(10)).Uas > 0.5);
                }
            }

            parser.FinishTraining();
            return parser.ToBytes();
        }

        Assert.Equal(Run(save: false), Run(save: true));
    }

    [Fact]
    public void SavedPipelineLoadsAndParsesIdentically()
    {
        var nlp = Nlp.Blank("en");
        var golds = ToyTreebank.Make(nlp.Vocab, 200, seed: 1);
        var tagger = new Tagger();
        tagger.Train(golds, epochs: 3, seed: 1);
        nlp.AddPipe(tagger);
        var parser = new Parser();
        parser.Train(golds, epochs: 4, seed: 1);
        nlp.AddPipe(parser);
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "model");
        nlp.ToDisk(path);
        Assert.True(File.Exists(Path.Combine(path, "parser", Parser.ModelFile)));

        var loaded = Nlp.Load(path);
        Assert.Equal(["tagger", "parser"], loaded.PipeNames);
        Assert.IsType<Parser>(loaded.GetPipe("parser"));
        var texts = new[] { "the quiet bird found Carol in a garden .", "Dave likes every red car .", "a cat sees the tree . Bob chased a dog ." };
        foreach (var text in texts)
        {
            var expected = nlp.Process(text);
            var actual = loaded.Process(text);
            Assert.Equal(expected.Tokens.Select(t => (t.HeadIndex, t.Dep)), actual.Tokens.Select(t => (t.HeadIndex, t.Dep)));
            Assert.Equal(expected.Sents.Select(s => s.Start), actual.Sents.Select(s => s.Start));
            AssertWellFormed(actual);
        }

        var fromBytes = Nlp.Blank("en");
        fromBytes.AddPipe(new Tagger());
        fromBytes.AddPipe(new Parser());
        fromBytes.FromBytes(nlp.ToBytes());
        Assert.Equal(nlp.Process(texts[0]).Tokens.Select(t => t.HeadIndex), fromBytes.Process(texts[0]).Tokens.Select(t => t.HeadIndex));
    }

    [Fact]
    public void CorruptModelBytesRaiseFormatErrors()
    {
        var bytes = TrainToy(new Vocab(), sentences: 60, epochs: 2).ToBytes();
        Assert.Throws<PipelineFormatException>(() => new Parser().FromBytes(bytes[..(bytes.Length / 2)]));
        Assert.Throws<PipelineFormatException>(() => new Parser().FromBytes([0xC1]));
        Assert.Throws<PipelineFormatException>(() => new Parser().FromBytes([0x80]));
        var random = new Random(5);
        for (var i = 0; i < 600; i++)
        {
            // Half the runs change a few bytes anywhere, half use the shared structural mutator.
            var copy = (byte[])bytes.Clone();
            if (i % 2 == 0)
            {
                for (var k = 0; k < 3; k++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }
            }
            else
            {
                copy = Mutator.Mutate(bytes, random);
            }

            var parser = new Parser();
            try
            {
                parser.FromBytes(copy);
            }
            catch (PipelineFormatException)
            {
                continue;
            }

            // Whatever survives validation must still parse into well-formed trees.
            var vocab = new Vocab();
            AssertWellFormed(parser.Process(ToyTreebank.WordsAndTags(ToyTreebank.Make(vocab, 1, seed: i)[0])), parser.RootDep);
        }

        var nlp = Nlp.Blank("en");
        nlp.AddPipe(TrainToy(nlp.Vocab, sentences: 60, epochs: 2));
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "model");
        nlp.ToDisk(path);
        File.WriteAllBytes(Path.Combine(path, "parser", Parser.ModelFile), bytes[..^7]);
        var e = Assert.Throws<PipelineFormatException>(() => Nlp.Load(path));
        Assert.Contains(Parser.ModelFile, e.DataSource, StringComparison.Ordinal);
    }

    [Fact]
    public void MisuseRaisesCatalogueErrors()
    {
        var vocab = new Vocab();
        var doc = new Doc(vocab, ["a"]);
        Assert.Equal("E063", Assert.Throws<PipelineException>(() => new Parser().Process(doc)).Code);
        Assert.Equal("E063", Assert.Throws<PipelineException>(() => new Parser().Update(doc, doc)).Code);
        Assert.Equal("E064", Assert.Throws<PipelineException>(() => new Parser().Initialize([doc])).Code);
        Assert.Throws<ArgumentException>(() => new Parser().Train([], epochs: 0));
        var parser = new Parser();
        parser.Initialize(ToyTreebank.Make(vocab, 5, seed: 1));
        Assert.Throws<ArgumentException>(() => parser.Update(doc, new Doc(vocab, ["a", "b"])));
    }

    [Fact]
    public void FactoryCreatesParserAndEmptyDocsPass()
    {
        Assert.True(Language.Factories.Contains("parser"));
        var nlp = Nlp.Blank("en");
        Assert.IsType<Parser>(nlp.CreatePipe("parser"));
        var parser = TrainToy(nlp.Vocab, sentences: 40, epochs: 2);
        Assert.Equal(0, parser.Process(new Doc(nlp.Vocab, Array.Empty<string>())).Length);
        var single = parser.Process(new Doc(nlp.Vocab, ["Alice"]));
        Assert.Equal(0, single[0].HeadIndex);
        Assert.Equal(parser.RootDep, single[0].Dep);
    }

    [Fact]
    public void DocsWithoutTreesAreParsedButNotLearnedFrom()
    {
        var vocab = new Vocab();
        var parser = new Parser();
        var golds = ToyTreebank.Make(vocab, 30, seed: 1);
        parser.Initialize(golds);
        var predicted = ToyTreebank.WordsAndTags(golds[0]);
        Assert.Equal(default, parser.Update(predicted, ToyTreebank.WordsAndTags(golds[0])));
        AssertWellFormed(predicted);

        var cyclic = ToyTreebank.WordsAndTags(golds[1]);
        for (var i = 0; i < cyclic.Length; i++)
        {
            cyclic[i].HeadIndex = (i + 1) % cyclic.Length;
        }

        Assert.Equal(default, parser.Update(ToyTreebank.WordsAndTags(golds[1]), cyclic));
    }
}
