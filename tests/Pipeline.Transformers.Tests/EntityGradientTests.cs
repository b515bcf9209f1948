using Pipeline.Transformers.Heads.Entities;
using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Tests;

/// <summary>The entity recognizer's backward passes against central finite differences.</summary>
public class EntityGradientTests
{
    [Fact]
    public void ResidualWindowBackwardMatchesFiniteDifferences()
    {
        var random = new Random(29);
        var layer = new ResidualWindow(3, 1, random);
        NeuralGradientTests.Random(3, random).CopyTo(layer.Mix.Bias.Value, 0);
        var x = NeuralGradientTests.Random(4 * 3, random, scale: 2);
        var r = NeuralGradientTests.Random(4 * 3, random); // loss = sum(r * y)
        float Loss() => System.Numerics.Tensors.TensorPrimitives.Dot(r, layer.Forward(x).Y);

        var dx = layer.Backward(layer.Forward(x), r);
        NeuralGradientTests.CheckAgainstFiniteDifferences(x, dx, Loss);
        NeuralGradientTests.CheckAgainstFiniteDifferences(layer.Mix.Weights.Value, layer.Mix.Weights.Gradient, Loss);
        NeuralGradientTests.CheckAgainstFiniteDifferences(layer.Mix.Bias.Value, layer.Mix.Bias.Gradient, Loss);
    }

    [Fact]
    public void EntityNetworkBackwardMatchesFiniteDifferencesForEveryParameter()
    {
        var network = new EntityNetwork(new EntityShape(VectorWidth: 3, EmbeddingRows: 11, EmbeddingWidth: 2, Width: 4, Depth: 2, Radius: 1, Labels: 1, Layers: 0, AttentionHeads: 1, Distance: 1), seed: 3);
        CheckEveryParameter(network, new Random(31), [1, 3, 0, 4]);
        Assert.Equal(1 + 2 + (2 * 2) + 2, network.Parameters.Count);
    }

    [Fact]
    public void EntityNetworkWithSelfAttentionBackwardMatchesFiniteDifferencesForEveryParameter()
    {
        var network = new EntityNetwork(new EntityShape(VectorWidth: 3, EmbeddingRows: 11, EmbeddingWidth: 2, Width: 4, Depth: 1, Radius: 1, Labels: 1, Layers: 1, AttentionHeads: 2, Distance: 2), seed: 7);
        CheckEveryParameter(network, new Random(41), [1, 3, 0, 4, 0]);

        // Embedding, projection (2), one window layer (2), one attention layer (4 linear layers of 2, distances), output (2).
        Assert.Equal(1 + 2 + 2 + 9 + 2, network.Parameters.Count);
        Assert.Equal(network.Shape.Floats, network.Parameters.Sum(p => (long)p.Value.Length));
    }

    [Fact]
    public void WithDropoutTheGradientIsThatOfTheMaskedNetwork()
    {
        var network = new EntityNetwork(new EntityShape(3, 11, 2, 4, 1, 1, 2, 0, 1, 1), seed: 5);
        var random = new Random(37);
        var vectors = NeuralGradientTests.Random(3 * 3, random);
        var ids = Ids(3, random);
        int[] gold = [5, 7, 0];
        var classes = network.Shape.Classes;
        var scratch = new float[3 * classes];
        float Loss() => SoftmaxCrossEntropy.Loss(network.Forward(vectors, ids, 3, new Random(1), 0.5f).Logits, classes, gold, scratch);

        var dropped = network.Forward(vectors, ids, 3, new Random(1), 0.5f);
        Assert.Contains(dropped.Mask!, m => m == 0);
        var dLogits = new float[dropped.Logits.Length];
        SoftmaxCrossEntropy.Loss(dropped.Logits, classes, gold, dLogits);
        network.Backward(dropped, dLogits);
        NeuralGradientTests.CheckAgainstFiniteDifferences(network.Project.Weights.Value, network.Project.Weights.Gradient, Loss);
        NeuralGradientTests.CheckAgainstFiniteDifferences(network.Embedding.Table.Value, network.Embedding.Table.Gradient, Loss);
    }

    // Backpropagates the cross-entropy of gold classes over random inputs; every parameter gets a gradient that
    // matches finite differences.
    private static void CheckEveryParameter(EntityNetwork network, Random random, int[] gold)
    {
        var tokens = gold.Length;
        var vectors = NeuralGradientTests.Random(tokens * network.Shape.VectorWidth, random, scale: 2);
        var ids = Ids(tokens, random);
        var classes = network.Shape.Classes;
        var scratch = new float[tokens * classes];
        float Loss() => SoftmaxCrossEntropy.Loss(network.Forward(vectors, ids, tokens).Logits, classes, gold, scratch);

        var activations = network.Forward(vectors, ids, tokens);
        var dLogits = new float[activations.Logits.Length];
        SoftmaxCrossEntropy.Loss(activations.Logits, classes, gold, dLogits);
        network.Backward(activations, dLogits);
        foreach (var parameter in network.Parameters)
        {
            Assert.Contains(parameter.Gradient, g => g != 0);
            NeuralGradientTests.CheckAgainstFiniteDifferences(parameter.Value, parameter.Gradient, Loss);
        }
    }

    private static ulong[] Ids(int tokens, Random random)
    {
        var ids = new ulong[tokens * EntityFeatures.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = (ulong)random.Next(1000);
        }

        return ids;
    }
}
