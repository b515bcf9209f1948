using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Tests;

/// <summary>Every backward pass against central finite differences of a scalar loss.</summary>
public class NeuralGradientTests
{
    private const float Step = 1e-2f;

    // Rows in blocks of four and the rest, inputs in whole SIMD vectors and a tail.
    [Theory]
    [InlineData(4, 5, 3)]
    [InlineData(7, 21, 3)]
    [InlineData(1, 16, 2)]
    public void LinearBackwardMatchesFiniteDifferences(int rows, int inputs, int outputs)
    {
        var random = new Random(7);
        var layer = new Linear(inputs, outputs, random);
        Fill(layer.Bias.Value, random);
        var x = Random(rows * inputs, random);
        var r = Random(rows * outputs, random); // loss = sum(r * y)
        float Loss() => Dot(r, layer.Forward(x));

        var dx = layer.Backward(x, r);
        CheckAgainstFiniteDifferences(x, dx, Loss);
        CheckAgainstFiniteDifferences(layer.Weights.Value, layer.Weights.Gradient, Loss);
        CheckAgainstFiniteDifferences(layer.Bias.Value, layer.Bias.Gradient, Loss);
    }

    [Fact]
    public void LinearForwardIsTheMatrixProductForEveryRow()
    {
        var random = new Random(5);
        var layer = new Linear(19, 6, random);
        Fill(layer.Bias.Value, random);
        var x = Random(9 * 19, random);
        var y = layer.Forward(x);
        for (var row = 0; row < 9; row++)
        {
            for (var o = 0; o < 6; o++)
            {
                var expected = layer.Bias.Value[o];
                for (var i = 0; i < 19; i++)
                {
                    expected += layer.Weights.Value[(o * 19) + i] * x[(row * 19) + i];
                }

                Assert.Equal(expected, y[(row * 6) + o], 4);
            }
        }
    }

    [Fact]
    public void MovingAverageStartsAtTheWeightsAndFollowsThemSlowly()
    {
        var source = new Parameter(2);
        var average = new Parameter(2);
        source.Value[0] = 1;
        MovingAverage.Reset([average], [source]);
        Assert.Equal([1f, 0f], average.Value);

        source.Value[1] = 10;
        MovingAverage.Update([average], [source], decay: 0.9f, step: 1); // decay min(0.9, 2/11)
        Assert.Equal(10 * (1 - (2f / 11)), average.Value[1], 4);
        for (var step = 2; step < 200; step++)
        {
            source.Value[0] = step % 2 == 0 ? 0 : 2;
            MovingAverage.Update([average], [source], decay: 0.9f, step);
        }

        Assert.Equal(1f, average.Value[0], 0.2f);
        Assert.Equal(10f, average.Value[1], 3);
    }

    [Fact]
    public void GeluBackwardMatchesFiniteDifferences()
    {
        var random = new Random(11);
        var x = Random(40, random, scale: 3);
        var r = Random(40, random);
        float Loss()
        {
            var y = new float[x.Length];
            Gelu.Forward(x, y);
            return Dot(r, y);
        }

        var dx = new float[x.Length];
        Gelu.Backward(x, r, dx);
        CheckAgainstFiniteDifferences(x, dx, Loss);
    }

    [Fact]
    public void GeluHasItsKnownValues()
    {
        var y = new float[3];
        Gelu.Forward([0f, 1f, -1f], y);
        Assert.Equal(0f, y[0]);
        Assert.Equal(0.8412f, y[1], 3);
        Assert.Equal(-0.1588f, y[2], 3);
    }

    [Fact]
    public void SoftmaxCrossEntropyGradientMatchesFiniteDifferences()
    {
        var random = new Random(3);
        var logits = Random(6 * 4, random, scale: 2);
        int[] gold = [0, 3, 2, 1, 1, 0];
        var scratch = new float[logits.Length];
        float Loss() => SoftmaxCrossEntropy.Loss(logits, 4, gold, scratch);

        var gradient = new float[logits.Length];
        var loss = SoftmaxCrossEntropy.Loss(logits, 4, gold, gradient);
        Assert.True(loss > 0);
        CheckAgainstFiniteDifferences(logits, gradient, Loss);
    }

    [Fact]
    public void SoftmaxCrossEntropyOfUniformScoresIsLogOfTheClassCount()
    {
        var gradient = new float[8];
        Assert.Equal(MathF.Log(4), SoftmaxCrossEntropy.Loss(new float[8], 4, [1, 2], gradient), 5);
        Assert.Equal(-0.375f, gradient[1], 5); // (0.25 - 1) / 2 rows
        Assert.Equal(0.125f, gradient[0], 5);
        Assert.Equal("E266", Assert.Throws<PipelineException>(() => SoftmaxCrossEntropy.Loss(new float[8], 4, [1, 4], gradient)).Code);
    }

    [Fact]
    public void SoftmaxCrossEntropyStaysFiniteForLargeScores()
    {
        var gradient = new float[3];
        var loss = SoftmaxCrossEntropy.Loss([1000f, 0f, 500f], 3, [2], gradient);
        Assert.Equal(-MathF.Log(1e-30f), loss, 2); // the gold's probability, e^-500, counts as its floor 1e-30
        Assert.Equal([1f, 0f, -1f], gradient);
    }

    [Fact]
    public void AdamTrainsATwoLayerNetworkOnXor()
    {
        var random = new Random(5);
        var hidden = new Linear(2, 8, random);
        var output = new Linear(8, 2, random);
        var adam = new Adam([.. hidden.Parameters, .. output.Parameters], learningRate: 0.05f);
        float[] x = [0, 0, 0, 1, 1, 0, 1, 1];
        int[] gold = [0, 1, 1, 0];
        float Train()
        {
            var h = hidden.Forward(x);
            var a = new float[h.Length];
            Gelu.Forward(h, a);
            var logits = output.Forward(a);
            var dLogits = new float[logits.Length];
            var loss = SoftmaxCrossEntropy.Loss(logits, 2, gold, dLogits);
            var da = output.Backward(a, dLogits);
            var dh = new float[h.Length];
            Gelu.Backward(h, da, dh);
            hidden.Backward(x, dh);
            adam.Step();
            return loss;
        }

        var first = Train();
        var last = first;
        for (var i = 0; i < 300; i++)
        {
            last = Train();
        }

        Assert.True(first > 0.5f, $"first loss {first}");
        Assert.True(last < 0.05f, $"loss after 300 steps {last}");
        Assert.Equal(301, adam.Steps);
        Assert.All(hidden.Weights.Gradient, g => Assert.Equal(0f, g));
    }

    [Fact]
    public void AdamFirstStepMovesEachWeightByTheLearningRateAgainstItsGradient()
    {
        var p = new Parameter(3);
        p.Gradient[0] = 2f;
        p.Gradient[1] = -0.001f;
        var adam = new Adam([p], learningRate: 0.1f);
        adam.Step();
        Assert.Equal(-0.1f, p.Value[0], 4);
        Assert.Equal(0.1f, p.Value[1], 3);
        Assert.Equal(0f, p.Value[2]);
    }

    internal static void CheckAgainstFiniteDifferences(float[] values, float[] analytic, Func<float> loss)
    {
        Assert.Equal(values.Length, analytic.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var kept = values[i];
            values[i] = kept + Step;
            var up = loss();
            values[i] = kept - Step;
            var down = loss();
            values[i] = kept;
            var numeric = (up - down) / (2 * Step);
            var tolerance = 2e-3f + (1e-2f * Math.Abs(numeric));
            Assert.True(Math.Abs(numeric - analytic[i]) <= tolerance, $"index {i}: analytic {analytic[i]}, numeric {numeric}");
        }
    }

    internal static float[] Random(int length, Random random, float scale = 1)
    {
        var values = new float[length];
        Fill(values, random, scale);
        return values;
    }

    private static void Fill(float[] values, Random random, float scale = 1)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ((2 * random.NextSingle()) - 1) * scale;
        }
    }

    private static float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
