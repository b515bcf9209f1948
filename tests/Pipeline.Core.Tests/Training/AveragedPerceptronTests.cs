using Pipeline.Training;

namespace Pipeline.Tests.Training;

public class AveragedPerceptronTests
{
    // Three classes; each instance has a class-specific feature (10 + class) plus shared noise features.
    private static readonly (ulong[] Features, int Gold)[] Data =
    [
        ([11, 1, 2], 1), ([10, 1, 3], 0), ([12, 2, 3], 2), ([10, 2], 0), ([11, 3], 1), ([12, 1], 2),
    ];

    private static AveragedPerceptron Train(int epochs = 5)
    {
        var model = new AveragedPerceptron(3, expectedFeatures: 2);
        Span<float> scores = stackalloc float[3];
        for (var e = 0; e < epochs; e++)
        {
            foreach (var (features, gold) in Data)
            {
                model.Score(features, scores);
                model.Update(features, gold, AveragedPerceptron.ArgMax(scores));
            }
        }

        return model;
    }

    private static int Predict(AveragedPerceptron model, ulong[] features)
    {
        Span<float> scores = stackalloc float[model.Classes];
        model.Score(features, scores);
        return AveragedPerceptron.ArgMax(scores);
    }

    [Fact]
    public void LearnsASeparableProblem()
    {
        var model = Train();
        Assert.Equal(30, model.Updates);
        Assert.False(model.IsAveraged);
        model.Average();
        Assert.True(model.IsAveraged);
        Assert.All(Data, d => Assert.Equal(d.Gold, Predict(model, d.Features)));
        Assert.Equal(1, Predict(model, [11, 0xDEADBEEF]));
        Assert.Equal(2, Predict(model, [12]));
    }

    [Fact]
    public void AveragingMatchesTheMeanOfWeightsOverSteps()
    {
        var model = new AveragedPerceptron(2);
        model.Update([7], gold: 1, guess: 0);
        model.Update([7], gold: 1, guess: 1);
        model.Update([7], gold: 1, guess: 1);
        model.Update([7], gold: 0, guess: 1);

        // Weight of class 1 after steps 1..4: 1, 1, 1, 0 -> mean 0.75; class 0: -1, -1, -1, 0 -> -0.75.
        Span<float> scores = stackalloc float[2];
        var averaged = model.CreateAveraged();
        averaged.Score([7], scores);
        Assert.Equal(0.75f, scores[1], 5);
        Assert.Equal(-0.75f, scores[0], 5);

        // The training model is untouched: raw weights are back to zero.
        model.Score([7], scores);
        Assert.Equal(0f, scores[0]);
        Assert.Equal(0f, scores[1]);
    }

    [Fact]
    public void PruningDropsSmallAveragedWeights()
    {
        var model = new AveragedPerceptron(2);
        model.Update([7], gold: 1, guess: 0);
        for (var i = 0; i < 9; i++)
        {
            model.Update([8], gold: 1, guess: 1);
        }

        model.Update([8], gold: 1, guess: 0);
        model.Update([8], gold: 1, guess: 1);

        // A change counts from the next step on: over 12 steps feature 7 averages to +-11/12 and feature 8 to +-1/12.
        Assert.Equal(2, model.CreateAveraged().FeatureCount);
        model.Average(pruneBelow: 0.5f);
        Assert.Equal(1, model.FeatureCount);
        Assert.Equal(2, model.WeightCount);
    }

    [Fact]
    public void ThePruneSettingAppliesToSavedSnapshotsAndToAveraging()
    {
        var model = new AveragedPerceptron(2) { PruneBelow = 0.5f };
        model.Update([7], gold: 1, guess: 0);
        for (var i = 0; i < 9; i++)
        {
            model.Update([8], gold: 1, guess: 1);
        }

        model.Update([8], gold: 1, guess: 0);
        model.Update([8], gold: 1, guess: 1);

        Assert.Equal(1, AveragedPerceptron.FromBytes(model.ToBytes()).FeatureCount);
        Assert.Equal(2, model.CreateAveraged(pruneBelow: 0f).FeatureCount);
        model.Average();
        Assert.Equal(1, model.FeatureCount);
    }

    [Fact]
    public void GrowsPastItsInitialCapacityAndKeepsEveryFeature()
    {
        var model = new AveragedPerceptron(2, expectedFeatures: 1);
        for (ulong f = 0; f < 5000; f++)
        {
            model.Update([(f + 1) * 0xD6E8FEB86659FD93UL], gold: (int)(f % 2), guess: (int)((f + 1) % 2));
        }

        Assert.Equal(5000, model.FeatureCount);
        model.Average();
        Span<float> scores = stackalloc float[2];
        for (ulong f = 0; f < 5000; f += 97)
        {
            model.Score([(f + 1) * 0xD6E8FEB86659FD93UL], scores);
            Assert.Equal((int)(f % 2), AveragedPerceptron.ArgMax(scores));
        }
    }

    [Fact]
    public void TheHighestClassIndexKeepsItsWeightsThroughAveragingAndBytes()
    {
        var model = new AveragedPerceptron(AveragedPerceptron.MaxClasses);
        var top = AveragedPerceptron.MaxClasses - 1;
        for (var i = 0; i < 3; i++)
        {
            model.Update([42], gold: top, guess: 0);
            model.Update([43], gold: 1, guess: top);
        }

        model.Average();
        var loaded = AveragedPerceptron.FromBytes(model.ToBytes());
        foreach (var candidate in new[] { model, loaded })
        {
            Assert.Equal(top, Predict(candidate, [42]));
            Assert.Equal(1, Predict(candidate, [43]));
        }
    }

    [Fact]
    public void KeysSharingTheirTopBitsAllKeepTheirRows()
    {
        // Keys that differ only in their low bits share a home slot: each still finds its own row, in the trained
        // model and in the one loaded from bytes (whose table is built from keys in ascending order).
        var model = new AveragedPerceptron(3, expectedFeatures: 1);
        for (var pass = 0; pass < 2; pass++)
        {
            for (ulong f = 1; f <= 600; f++)
            {
                model.Update([f], gold: (int)(f % 3), guess: (int)((f + 1) % 3));
            }
        }

        model.Average();
        var loaded = AveragedPerceptron.FromBytes(model.ToBytes());
        for (ulong f = 1; f <= 600; f++)
        {
            Assert.Equal((int)(f % 3), Predict(model, [f]));
            Assert.Equal((int)(f % 3), Predict(loaded, [f]));
        }

        Assert.Equal(600, model.FeatureCount);
        Assert.Equal(600, loaded.FeatureCount);
    }

    [Fact]
    public void BytesRoundTripKeepsScoresWithinTheCodeStepAndSavesStably()
    {
        var model = Train();
        var bytes = model.ToBytes();
        var loaded = AveragedPerceptron.FromBytes(bytes);
        model.Average();
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        Assert.Equal(bytes, loaded.ToBytes());
        Span<float> a = stackalloc float[3];
        Span<float> b = stackalloc float[3];
        foreach (var (features, _) in Data)
        {
            model.Score(features, a);
            loaded.Score(features, b);
            // Each weight is within 0.34% of its value; these scores sum at most three weights of a few units.
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(a[c], b[c], 0.05f);
            }

            Assert.Equal(AveragedPerceptron.ArgMax(a), AveragedPerceptron.ArgMax(b));
        }
    }

    [Fact]
    public void CorruptBytesRaiseOnlyFormatErrors()
    {
        var bytes = Train().ToBytes();
        Assert.Throws<PipelineFormatException>(() => AveragedPerceptron.FromBytes(bytes.AsMemory(0, bytes.Length - 3)));
        Assert.Throws<PipelineFormatException>(() => AveragedPerceptron.FromBytes(new byte[] { 0x93, 1, 2 }));
        Assert.Throws<PipelineFormatException>(() => AveragedPerceptron.FromBytes(Array.Empty<byte>()));
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
            try
            {
                AveragedPerceptron.FromBytes(copy);
            }
            catch (PipelineFormatException)
            {
            }
        }
    }

    [Fact]
    public void MisuseRaisesCatalogueErrors()
    {
        var model = new AveragedPerceptron(3);
        Assert.Equal("E065", Assert.Throws<PipelineException>(() => model.Update([1], 3, 0)).Code);
        Assert.Throws<ArgumentException>(() => model.Score([1], new float[2]));
        Assert.Throws<ArgumentException>(() => new AveragedPerceptron(0));
        model.Average();
        Assert.Equal("E066", Assert.Throws<PipelineException>(() => model.Update([1], 0, 1)).Code);
    }
}
