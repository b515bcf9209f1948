using Pipeline.Transformers.Heads;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Tests;

/// <summary>The parser's backward passes against central finite differences.</summary>
public class ParserGradientTests
{
    [Fact]
    public void BiaffineBackwardMatchesFiniteDifferences()
    {
        var random = new Random(29);
        var biaffine = new Biaffine(4, random);
        NeuralGradientTests.Random(16, random).CopyTo(biaffine.Weights.Value, 0);
        NeuralGradientTests.Random(4, random).CopyTo(biaffine.Bias.Value, 0);
        var d = NeuralGradientTests.Random(3 * 4, random);
        var h = NeuralGradientTests.Random(5 * 4, random);
        var r = NeuralGradientTests.Random(3 * 5, random); // loss = sum(r * s)
        float Loss() => System.Numerics.Tensors.TensorPrimitives.Dot(r, biaffine.Forward(d, h));

        var (dd, dh) = biaffine.Backward(d, h, r);
        NeuralGradientTests.CheckAgainstFiniteDifferences(d, dd, Loss);
        NeuralGradientTests.CheckAgainstFiniteDifferences(h, dh, Loss);
        NeuralGradientTests.CheckAgainstFiniteDifferences(biaffine.Weights.Value, biaffine.Weights.Gradient, Loss);
        NeuralGradientTests.CheckAgainstFiniteDifferences(biaffine.Bias.Value, biaffine.Bias.Gradient, Loss);
    }

    [Fact]
    public void BiaffineScoresAreTheBilinearFormPlusTheHeadPrior()
    {
        var biaffine = new Biaffine(2, new Random(1));
        float[] u = [1, 2, 3, 4];
        u.CopyTo(biaffine.Weights.Value, 0);
        biaffine.Bias.Value[0] = 0.5f;
        var s = biaffine.Forward([1, 0], [0, 1]);

        // d U h = [1 0] [[1 2] [3 4]] [0 1]^T = 2, plus b . h = 0.
        Assert.Equal(2f, s[0], 5);
        Assert.Equal("E266", Assert.Throws<PipelineException>(() => biaffine.Forward([1, 0, 1], [0, 1])).Code);
    }

    [Fact]
    public void SelfAttentionBackwardMatchesFiniteDifferences()
    {
        var random = new Random(53);
        var attention = new SelfAttention(width: 6, heads: 2, maxDistance: 1, random);
        NeuralGradientTests.Random(attention.Distances.Value.Length, random).CopyTo(attention.Distances.Value, 0);
        var x = NeuralGradientTests.Random(4 * 6, random);
        var r = NeuralGradientTests.Random(4 * 6, random); // loss = sum(r * y)
        float Loss() => System.Numerics.Tensors.TensorPrimitives.Dot(r, attention.Forward(x).Y);

        var dx = attention.Backward(attention.Forward(x), r);
        NeuralGradientTests.CheckAgainstFiniteDifferences(x, dx, Loss);
        foreach (var parameter in attention.Parameters)
        {
            Assert.Contains(parameter.Gradient, g => g != 0);
            NeuralGradientTests.CheckAgainstFiniteDifferences(parameter.Value, parameter.Gradient, Loss);
        }

        Assert.Equal("E266", Assert.Throws<PipelineException>(() => new SelfAttention(6, 4, 1, random)).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ParserNetworkBackwardMatchesFiniteDifferencesForEveryParameter(int layers)
    {
        var network = new ParserNetwork(new ParserShape(VectorWidth: 3, EmbeddingRows: 7, EmbeddingWidth: 2, Projection: 4, Radius: 1, Hidden: 4, Arc: 3, Label: 2, Distance: 2, Labels: 3, Layers: layers, AttentionHeads: 2), seed: 3);
        var random = new Random(31);
        const int tokens = 4;
        var vectors = NeuralGradientTests.Random(tokens * 3, random, scale: 2);
        var ids = new ulong[tokens * LexicalFeatures.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = (ulong)random.Next(100);
        }

        int[] heads = [1, tokens, 1, 0]; // token 1 is the root; token 3's head is three to its left, past Distance
        int[] labels = [2, 0, 1, 2];
        var (arcScratch, labelScratch) = (new float[tokens * (tokens + 1)], new float[tokens * 3]);
        float Loss()
        {
            var a = network.Forward(vectors, ids, tokens);
            return SoftmaxCrossEntropy.Loss(a.Scores, tokens + 1, heads, arcScratch)
                + SoftmaxCrossEntropy.Loss(network.Label(a, heads).Logits, 3, labels, labelScratch);
        }

        var activations = network.Forward(vectors, ids, tokens);
        var l = network.Label(activations, heads);
        var (dScores, dLabels) = (new float[activations.Scores.Length], new float[l.Logits.Length]);
        SoftmaxCrossEntropy.Loss(activations.Scores, tokens + 1, heads, dScores);
        SoftmaxCrossEntropy.Loss(l.Logits, 3, labels, dLabels);
        network.Backward(activations, dScores, l, dLabels);
        Assert.Equal(ParserNetwork.SelfScore, activations.Scores[0]);
        foreach (var parameter in network.Parameters)
        {
            Assert.Contains(parameter.Gradient, g => g != 0);
            NeuralGradientTests.CheckAgainstFiniteDifferences(parameter.Value, parameter.Gradient, Loss);
        }
    }

    [Fact]
    public void ALabelHeadOutsideTheSentenceIsRefused()
    {
        var network = new ParserNetwork(new ParserShape(3, 7, 2, 4, 1, 5, 3, 2, 2, 3, 0, 1), seed: 1);
        var a = network.Forward(new float[6], new ulong[2 * LexicalFeatures.Count], 2);
        Assert.Equal("E266", Assert.Throws<PipelineException>(() => network.Label(a, [0, 2])).Code); // token 0 as its own head
        Assert.Equal("E266", Assert.Throws<PipelineException>(() => network.Label(a, [3, 2])).Code);
    }
}
