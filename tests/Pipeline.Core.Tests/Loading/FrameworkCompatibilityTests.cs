namespace Pipeline.Tests.Loading;

public sealed class FrameworkCompatibilityTests
{
    [Theory]
    [InlineData("[0.1.0, 0.2.0)", "0.1.0", CompatibilityStatus.Compatible)]
    [InlineData("[0.1.0, 0.2.0)", "0.1.7", CompatibilityStatus.Compatible)]
    [InlineData("[0.1.0, 0.2.0)", "0.1.0-ci.4", CompatibilityStatus.Compatible)]
    [InlineData("[0.1.0, 0.2.0)", "0.2.0", CompatibilityStatus.Incompatible)]
    [InlineData("[0.1.0, 0.2.0)", "0.0.9", CompatibilityStatus.Incompatible)]
    [InlineData("[1.0.0, 2.0.0)", "1.9.3", CompatibilityStatus.Compatible)]
    [InlineData("[1.0.0, 2.0.0)", "2.0.0", CompatibilityStatus.Incompatible)]
    [InlineData("1.2.0", "1.10.0", CompatibilityStatus.Compatible)]
    [InlineData("1.2.0", "1.1.9", CompatibilityStatus.Incompatible)]
    [InlineData("(, 1.0.0]", "1.0.0", CompatibilityStatus.Compatible)]
    [InlineData("[0.1.10, 0.2.0)", "0.1.9", CompatibilityStatus.Incompatible)]
    [InlineData(">=0.1.0,<0.2.0", "0.1.0", CompatibilityStatus.InvalidRange)]
    [InlineData("", "0.1.0", CompatibilityStatus.Unspecified)]
    [InlineData(null, "0.1.0", CompatibilityStatus.Unspecified)]
    public void RangesFollowNuGetSemantics(string? range, string version, CompatibilityStatus expected) =>
        Assert.Equal(expected, FrameworkCompatibility.Check(range, version));

    [Fact]
    public void TheRangeNewModelsGetAdmitsTheRunningVersion()
    {
        Assert.Equal(CompatibilityStatus.Compatible, FrameworkCompatibility.Check(Nlp.CompatibleRange));
        Assert.Equal(CompatibilityStatus.Compatible, FrameworkCompatibility.Check(Nlp.CompatibleRange, BumpPatch(Nlp.Version)));
    }

    private static string BumpPatch(string version)
    {
        var parts = version.Split('-')[0].Split('.');
        return $"{parts[0]}.{parts[1]}.{int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 3}";
    }
}
