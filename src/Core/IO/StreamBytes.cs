using Pipeline.Serialization;

namespace Pipeline.IO;

/// <summary>Reads the rest of a caller's stream into memory for the byte readers, with a size bound.</summary>
internal static class StreamBytes
{
    /// <summary>The most bytes one stream read accepts: the decompressed-payload bound, so a stream cannot exhaust memory.</summary>
    public const int MaxBytes = MsgPack.MaxDecompressedBytes;

    /// <summary>
    /// Everything from the stream's position to its end; more than <paramref name="limit"/> bytes raises E240 naming
    /// <paramref name="source"/>. I/O errors of the caller's stream propagate unchanged.
    /// </summary>
    public static byte[] ReadToEnd(Stream stream, string source, int limit = MaxBytes)
    {
        if (!stream.CanRead)
        {
            throw Errors.StreamNotUsable(nameof(stream), "reading");
        }

        var expected = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : 0;
        if (expected > limit)
        {
            throw Errors.StreamTooLong(source, limit);
        }

        using var limited = new LimitedStream(stream, limit, () => Errors.StreamTooLong(source, limit), leaveOpen: true);
        return InputFiles.ReadToLimit(limited, expected, limit);
    }

    /// <summary>Writes <paramref name="bytes"/> at the stream's position; the stream stays open.</summary>
    public static void Write(Stream stream, byte[] bytes)
    {
        if (!stream.CanWrite)
        {
            throw Errors.StreamNotUsable(nameof(stream), "writing");
        }

        stream.Write(bytes);
    }
}
