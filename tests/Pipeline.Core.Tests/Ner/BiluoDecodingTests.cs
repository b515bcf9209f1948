using Pipeline.Components.Ner;

namespace Pipeline.Tests.Ner;

public class BiluoDecodingTests
{
    private const int Labels = 3;

    [Fact]
    public void GreedyDecodingUnderTheMaskNeverYieldsAnInvalidSequence()
    {
        var random = new Random(11);
        var scores = new float[Biluo.ClassCount(Labels)];
        for (var trial = 0; trial < 2000; trial++)
        {
            var n = random.Next(1, 12);
            var classes = new int[n];
            for (var i = 0; i < n; i++)
            {
                classes[i] = random.Next(6) == 0 ? Biluo.Fixed : 0;
            }

            for (var i = 0; i < n; i++)
            {
                if (classes[i] == Biluo.Fixed)
                {
                    continue;
                }

                // Scores that often favour invalid classes (I or L after O, B at the end...).
                for (var c = 0; c < scores.Length; c++)
                {
                    scores[c] = (float)(random.NextDouble() * 10) - (c == 0 ? 4 : 0);
                }

                var previous = i == 0 ? Biluo.Start : classes[i - 1];
                var last = i + 1 == n || classes[i + 1] == Biluo.Fixed;
                classes[i] = Biluo.BestValid(scores, previous, last);
                Assert.True(Biluo.IsValid(previous, classes[i], last));
            }

            AssertSpansClosed(classes);
        }
    }

    [Fact]
    public void OracleAlwaysPicksAReachableClassAndTheGoldWhenItCan()
    {
        var count = Biluo.ClassCount(Labels);
        foreach (var previous in Enumerable.Range(0, count).Append(Biluo.Start).Append(Biluo.Fixed))
        {
            for (var gold = 0; gold < count; gold++)
            {
                foreach (var last in new[] { false, true })
                {
                    var target = Biluo.Oracle(gold, previous, last);
                    Assert.True(Biluo.IsValid(previous, target, last));
                    if (Biluo.IsValid(previous, gold, last))
                    {
                        Assert.Equal(gold, target);
                    }
                }
            }
        }

        // A wrongly opened entity is closed at once; a missed start is not half-recovered.
        Assert.Equal(Biluo.Class(1, Biluo.Last), Biluo.Oracle(Biluo.Outside, Biluo.Class(1, Biluo.Begin), false));
        Assert.Equal(Biluo.Outside, Biluo.Oracle(Biluo.Class(2, Biluo.Inside), Biluo.Outside, false));
    }

    [Fact]
    public void RecognizerOutputIsWellFormedOnRandomText()
    {
        var vocab = new Vocab();
        var ner = new EntityRecognizer();
        ner.Train(ToyNerCorpus.Make(vocab, 30, seed: 1), epochs: 1, seed: 1);
        var words = "Alice Bob Smith New York Acme Corp lives in the of . near Paris United Nations Zed".Split(' ');
        var random = new Random(3);
        for (var trial = 0; trial < 300; trial++)
        {
            var doc = new Doc(vocab, Enumerable.Range(0, random.Next(1, 15)).Select(_ => words[random.Next(words.Length)]).ToList());
            if (random.Next(3) == 0)
            {
                var start = random.Next(doc.Length);
                doc.Ents = [new Span(doc, start, random.Next(start + 1, doc.Length + 1), "FIXED")];
            }

            var before = doc.Ents.Select(e => (e.Start, e.End, e.Label)).ToList();
            ner.Process(doc);
            EntityRecognizerTests.AssertWellFormed(doc);
            var after = doc.Ents.Select(e => (e.Start, e.End, e.Label)).ToList();
            Assert.All(before, e => Assert.Contains(e, after));
        }
    }

    private static void AssertSpansClosed(int[] classes)
    {
        var open = -1;
        for (var i = 0; i < classes.Length; i++)
        {
            var c = classes[i];
            if (open >= 0)
            {
                Assert.True(c > 0 && Biluo.LabelOf(c) == open && Biluo.KindOf(c) is Biluo.Inside or Biluo.Last);
            }
            else
            {
                Assert.True(c is Biluo.Outside or Biluo.Fixed || Biluo.KindOf(c) is Biluo.Begin or Biluo.Unit);
            }

            open = c > 0 && Biluo.KindOf(c) is Biluo.Begin or Biluo.Inside ? Biluo.LabelOf(c) : -1;
        }

        Assert.Equal(-1, open);
    }
}
