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

        if (stream.CanSeek && stream.Length - stream.Position > limit)
        {
            throw Errors.StreamTooLong(source, limit);
        }

        using var buffer = stream.CanSeek ? new MemoryStream((int)Math.Max(0, stream.Length - stream.Position)) : new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw Errors.StreamTooLong(source, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
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
