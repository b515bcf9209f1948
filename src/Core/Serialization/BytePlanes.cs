
namespace Pipeline.Serialization;

/// <summary>
/// Fixed-width integers stored as byte planes: first byte 0 of every value, then byte 1 of every value, and so on.
/// The high bytes of small numbers (row lengths, class indices, the gaps between sorted 64-bit hashes) are mostly
/// zero or repeat, so each plane is a long run that the package's zip compression shrinks to almost nothing, while
/// the file stays a flat array read in one pass. Sorted keys are written as their gaps (<see cref="WriteGaps"/>).
/// </summary>
internal static class BytePlanes
{
    /// <summary>Writes the values as <paramref name="width"/> planes (1, 2 or 8 bytes per value).</summary>
    public static byte[] Write(ReadOnlySpan<ulong> values, int width)
    {
        var n = values.Length;
        var bytes = new byte[n * width];
        for (var i = 0; i < n; i++)
        {
            var value = values[i];
            for (var b = 0; b < width; b++)
            {
                bytes[(b * n) + i] = (byte)(value >> (8 * b));
            }
        }

        return bytes;
    }

    /// <summary>Reads values written by <see cref="Write"/>; the byte count must be a multiple of the width.</summary>
    public static ulong[] Read(ReadOnlySpan<byte> bytes, int width, string what)
    {
        if (bytes.Length % width != 0)
        {
            throw new InvalidDataException($"the {what} are not a whole number of {width}-byte values");
        }

        var n = bytes.Length / width;
        var values = new ulong[n];
        for (var b = 0; b < width; b++)
        {
            var plane = bytes.Slice(b * n, n);
            var shift = 8 * b;
            for (var i = 0; i < n; i++)
            {
                values[i] |= (ulong)plane[i] << shift;
            }
        }

        return values;
    }

    /// <summary>
    /// Strictly increasing keys (only the first may be zero) as <paramref name="width"/> planes of their gaps (the
    /// first key is its gap from zero); every key must fit the width.
    /// </summary>
    public static byte[] WriteGaps(ReadOnlySpan<ulong> sortedKeys, int width = sizeof(ulong))
    {
        var gaps = new ulong[sortedKeys.Length];
        var previous = 0UL;
        for (var i = 0; i < sortedKeys.Length; i++)
        {
            gaps[i] = sortedKeys[i] - previous;
            previous = sortedKeys[i];
        }

        return Write(gaps, width);
    }

    /// <summary>
    /// Reads keys written by <see cref="WriteGaps"/>, refusing a zero gap (a repeated key, or a zero key unless
    /// <paramref name="zeroFirst"/> allows the first to be zero) and overflow.
    /// </summary>
    public static ulong[] ReadGaps(ReadOnlySpan<byte> bytes, string what, int width = sizeof(ulong), bool zeroFirst = false)
    {
        var keys = Read(bytes, width, what);
        var previous = 0UL;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = previous + keys[i];
            if ((keys[i] == 0 && !(zeroFirst && i == 0)) || key < previous)
            {
                throw new InvalidDataException($"the {what} are not strictly increasing non-zero numbers");
            }

            keys[i] = previous = key;
        }

        return keys;
    }
}
