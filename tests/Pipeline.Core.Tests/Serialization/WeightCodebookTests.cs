using Pipeline.Serialization;

namespace Pipeline.Tests.Serialization;

/// <summary>The 12-bit log-scale weight codes of saved perceptrons.</summary>
public class WeightCodebookTests
{
    [Fact]
    public void EveryWeightDecodesWithinAThirdOfAPercent()
    {
        var codebook = WeightCodebook.For(83.6f);
        var random = new Random(5);
        for (var i = 0; i < 20_000; i++)
        {
            // Magnitudes from a millionth of the largest up to the largest, both signs.
            var weight = (float)(83.6 * Math.Pow(10, -6 * random.NextDouble()) * (random.Next(2) == 0 ? -1 : 1));
            var code = codebook.Encode(weight);
            Assert.InRange(code, 0, WeightCodebook.Size - 1);
            var decoded = codebook.Values[code];
            Assert.Equal(Math.Sign(weight), Math.Sign(decoded));
            Assert.InRange(Math.Abs(decoded / weight), 1 / 1.0035, 1.0035);
        }
    }

    [Fact]
    public void DecodedWeightsEncodeToTheirOwnCodesAndTheLargestIsExact()
    {
        var codebook = WeightCodebook.For(31.07f);
        for (var code = 0; code < WeightCodebook.Size; code++)
        {
            Assert.Equal(code, codebook.Encode(codebook.Values[code]));
        }

        Assert.Equal(31.07f, codebook.Values[(WeightCodebook.Size / 2) - 1]);
        Assert.Equal(-31.07f, codebook.Values[^1]);

        // The same largest magnitude gives the same codebook, so a loaded model saves to the same codes.
        Assert.Equal(codebook.Values, WeightCodebook.For(31.07f).Values);
    }

    [Fact]
    public void ZeroWeightsAreNotStoredAndTinyOnesKeepTheirSign()
    {
        var codebook = WeightCodebook.For(10f);
        Assert.Equal(-1, codebook.Encode(0f));
        Assert.Equal(-1, WeightCodebook.For(0f).Encode(1f));
        Assert.Equal(0, codebook.Encode(1e-12f));
        Assert.Equal(WeightCodebook.Size / 2, codebook.Encode(-1e-12f));
        Assert.True(codebook.Values[0] > 0 && codebook.Values[0] < 1.1e-5f);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(-1f)]
    public void AScaleThatIsNotAFiniteMagnitudeIsRefused(float largest) =>
        Assert.Throws<InvalidDataException>(() => WeightCodebook.For(largest));
}
