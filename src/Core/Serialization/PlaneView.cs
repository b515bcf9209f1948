namespace Pipeline.Serialization;

/// <summary>
/// Values stored by <see cref="BytePlanes.Write"/> read in place, one at a time: loading a model then decodes its
/// millions of row lengths, classes and weight codes straight into the structures it keeps, with no array of
/// 64-bit values in between.
/// </summary>
internal readonly ref struct PlaneView
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _width;

    /// <summary>Views <paramref name="bytes"/> as planes of <paramref name="width"/> bytes (1 to 4) per value.</summary>
    public PlaneView(ReadOnlySpan<byte> bytes, int width, string what)
    {
        if (bytes.Length % width != 0)
        {
            throw new InvalidDataException($"the {what} are not a whole number of {width}-byte values");
        }

        _bytes = bytes;
        _width = width;
        Count = bytes.Length / width;
    }

    /// <summary>How many values there are.</summary>
    public int Count { get; }

    /// <summary>Value <paramref name="index"/>.</summary>
    public uint this[int index]
    {
        get
        {
            var value = (uint)_bytes[index];
            for (var b = 1; b < _width; b++)
            {
                value |= (uint)_bytes[(b * Count) + index] << (8 * b);
            }

            return value;
        }
    }
}
