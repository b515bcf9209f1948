using Pipeline.Serialization;

namespace Pipeline.Tests.Serialization;

/// <summary>Integers stored as byte planes, and sorted keys as the planes of their gaps.</summary>
public class BytePlanesTests
{
    [Fact]
    public void ValuesRoundTripPlaneByPlane()
    {
        ulong[] values = [0x0102, 0x0304, 0xFFFF];
        var bytes = BytePlanes.Write(values, 2);
        Assert.Equal(new byte[] { 0x02, 0x04, 0xFF, 0x01, 0x03, 0xFF }, bytes);
        Assert.Equal(values, BytePlanes.Read(bytes, 2, "values"));
        Assert.Throws<InvalidDataException>(() => BytePlanes.Read(bytes.AsSpan(1), 2, "values"));
    }

    [Fact]
    public void SortedKeysRoundTripAsGaps()
    {
        ulong[] keys = [5, 6, 1UL << 39, (1UL << 40) - 1];
        var bytes = BytePlanes.WriteGaps(keys, 5);
        Assert.Equal(20, bytes.Length);
        Assert.Equal(new byte[] { 5, 1 }, bytes[..2]);
        Assert.Equal(keys, BytePlanes.ReadGaps(bytes, "keys", 5));
    }

    [Fact]
    public void RepeatedZeroOrOverflowingKeysAreRefused()
    {
        // Gaps 3, 0: a repeated key.
        Assert.Throws<InvalidDataException>(() => BytePlanes.ReadGaps(BytePlanes.Write([3, 0], 8), "keys"));

        // A first key of zero, allowed only where asked for.
        Assert.Throws<InvalidDataException>(() => BytePlanes.ReadGaps(BytePlanes.Write([0, 3], 8), "keys"));
        Assert.Equal([0UL, 3UL], BytePlanes.ReadGaps(BytePlanes.Write([0, 3], 8), "keys", zeroFirst: true));

        // Gaps that wrap around past 2^64.
        Assert.Throws<InvalidDataException>(() => BytePlanes.ReadGaps(BytePlanes.Write([ulong.MaxValue, 2], 8), "keys"));
    }
}
