using Pipeline.Transformers.Heads.Entities;

namespace Pipeline.Transformers.Tests;

public class BiluoDecoderTests
{
    [Fact]
    public void DecodingFindsTheBestValidSequenceByExhaustiveSearch()
    {
        var random = new Random(41);
        const int labels = 1, tokens = 4;
        var classes = BiluoDecoder.ClassCount(labels);
        for (var trial = 0; trial < 50; trial++)
        {
            var scores = NeuralGradientTests.Random(tokens * classes, random, scale: 3);
            var best = new int[tokens];
            BiluoDecoder.Decode(scores, classes, best);
            Assert.True(IsValid(best));

            // Every one of the 5^4 sequences: none valid scores higher.
            var top = float.NegativeInfinity;
            var sequence = new int[tokens];
            for (var code = 0; code < (int)Math.Pow(classes, tokens); code++)
            {
                var c = code;
                for (var i = 0; i < tokens; i++, c /= classes)
                {
                    sequence[i] = c % classes;
                }

                if (IsValid(sequence))
                {
                    top = Math.Max(top, Enumerable.Range(0, tokens).Sum(i => scores[(i * classes) + sequence[i]]));
                }
            }

            Assert.Equal(top, Enumerable.Range(0, tokens).Sum(i => scores[(i * classes) + best[i]]), 3);
        }
    }

    [Fact]
    public void DecodingIsValidWhateverTheScoresSay()
    {
        var random = new Random(43);
        var classes = BiluoDecoder.ClassCount(3);
        for (var trial = 0; trial < 200; trial++)
        {
            var tokens = 1 + random.Next(12);
            var scores = NeuralGradientTests.Random(tokens * classes, random, scale: 5);
            if (trial % 4 == 0)
            {
                // Scores that insist on an I everywhere, which no valid sequence can start with.
                for (var i = 0; i < tokens; i++)
                {
                    scores[(i * classes) + BiluoDecoder.Class(1, BiluoDecoder.Inside)] = 100;
                }
            }

            var best = new int[tokens];
            BiluoDecoder.Decode(scores, classes, best);
            Assert.True(IsValid(best), string.Join(",", best));
        }
    }

    [Fact]
    public void NonFiniteScoresDecodeAsOutside()
    {
        var classes = BiluoDecoder.ClassCount(1);
        var best = new int[2];
        BiluoDecoder.Decode(Enumerable.Repeat(float.NaN, 2 * classes).ToArray(), classes, best);
        Assert.Equal([0, 0], best);
    }

    // BILUO validity written out independently of the decoder: B and I open an entity of their label, which only
    // an I or L of that label may continue, and the sequence may not end inside one.
    private static bool IsValid(int[] sequence)
    {
        var open = -1;
        foreach (var c in sequence)
        {
            var kind = c == 0 ? 'O' : "BILU"[(c - 1) % 4];
            var label = (c - 1) / 4;
            if (open >= 0)
            {
                if (kind is not ('I' or 'L') || label != open)
                {
                    return false;
                }

                open = kind == 'L' ? -1 : open;
            }
            else if (kind is 'I' or 'L')
            {
                return false;
            }
            else if (kind == 'B')
            {
                open = label;
            }
        }

        return open < 0;
    }
}
