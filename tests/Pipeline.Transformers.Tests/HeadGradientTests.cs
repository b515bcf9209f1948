using Pipeline.Transformers.Heads;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Tests;

/// <summary>The neural heads' backward passes against central finite differences.</summary>
public class HeadGradientTests
{
    [Fact]
    public void HashedEmbeddingBackwardMatchesFiniteDifferences()
    {
        var random = new Random(13);
        var embedding = new HashedEmbedding(5, 3, 2, random);
        ulong[] ids = [1, 7, 3, 1, 12, 4]; // 7 and 12 wrap onto rows 2; row 1 is used twice
        var r = NeuralGradientTests.Random(3 * 6, random);
        float Loss() => System.Numerics.Tensors.TensorPrimitives.Dot(r, embedding.Forward(ids));

        embedding.Backward(ids, r);
        NeuralGradientTests.CheckAgainstFiniteDifferences(embedding.Table.Value, embedding.Table.Gradient, Loss);
        Assert.Equal(0f, embedding.Table.Gradient[0]); // row 0 is never looked up
    }

    [Fact]
    public void TokenWindowNetworkBackwardMatchesFiniteDifferencesForEveryParameter()
    {
        var network = new TokenWindowNetwork(new NetworkShape(VectorWidth: 3, EmbeddingRows: 7, EmbeddingWidth: 2, Projection: 4, Radius: 1, Hidden: 5, Classes: 3), seed: 3);
        var random = new Random(17);
        const int tokens = 4;
        var vectors = NeuralGradientTests.Random(tokens * 3, random, scale: 2);
        var ids = new ulong[tokens * LexicalFeatures.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = (ulong)random.Next(100);
        }

        int[] gold = [0, 2, 1, 2];
        var scratch = new float[tokens * 3];
        float Loss() => SoftmaxCrossEntropy.Loss(network.Forward(vectors, ids, tokens).Logits, 3, gold, scratch);

        var activations = network.Forward(vectors, ids, tokens);
        var dLogits = new float[activations.Logits.Length];
        SoftmaxCrossEntropy.Loss(activations.Logits, 3, gold, dLogits);
        network.Backward(activations, dLogits);
        foreach (var parameter in network.Parameters)
        {
            Assert.Contains(parameter.Gradient, g => g != 0);
            NeuralGradientTests.CheckAgainstFiniteDifferences(parameter.Value, parameter.Gradient, Loss);
        }
    }

    [Fact]
    public void DropoutZeroesInputsAndItsBackwardPassesOnlyTheKeptOnes()
    {
        var network = new TokenWindowNetwork(new NetworkShape(3, 7, 2, 4, 1, 5, 3), seed: 5);
        var random = new Random(19);
        var vectors = NeuralGradientTests.Random(2 * 3, random);
        ulong[] ids = [.. Enumerable.Range(1, 2 * LexicalFeatures.Count).Select(i => (ulong)i)];
        var dropped = network.Forward(vectors, ids, 2, new Random(1), 0.5f);
        Assert.NotNull(dropped.Mask);
        Assert.Contains(dropped.Mask, m => m == 0);
        Assert.All(dropped.Mask, m => Assert.True(m is 0 or 2));
        for (var i = 0; i < dropped.X.Length; i++)
        {
            if (dropped.Mask[i] == 0)
            {
                Assert.Equal(0f, dropped.X[i]);
            }
        }

        // With the same mask, the analytic gradient is the finite difference's.
        int[] gold = [1, 0];
        var scratch = new float[6];
        float Loss() => SoftmaxCrossEntropy.Loss(network.Forward(vectors, ids, 2, new Random(1), 0.5f).Logits, 3, gold, scratch);
        var dLogits = new float[6];
        SoftmaxCrossEntropy.Loss(dropped.Logits, 3, gold, dLogits);
        network.Backward(dropped, dLogits);
        NeuralGradientTests.CheckAgainstFiniteDifferences(network.Project.Weights.Value, network.Project.Weights.Gradient, Loss);
        NeuralGradientTests.CheckAgainstFiniteDifferences(network.Embedding.Table.Value, network.Embedding.Table.Gradient, Loss);
    }
}
