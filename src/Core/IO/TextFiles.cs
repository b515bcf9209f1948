using System.Text;

namespace Pipeline.IO;

/// <summary>
/// Reads text files strictly: UTF-8 (a UTF-8, UTF-16 or UTF-32 byte-order mark picks the encoding) whose invalid
/// bytes raise E157 naming the file, the line and the byte offset of the first bad byte, instead of turning
/// silently into U+FFFD that would end up in a vocabulary or an output file.
/// </summary>
internal static class TextFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Opens <paramref name="path"/> for strict reading (read its lines with <see cref="ReadLine"/>).</summary>
    public static StreamReader Open(string path) => new(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);

    /// <summary>
    /// The next line of <paramref name="reader"/>, or null at its end; E157 for invalid bytes, located in the file
    /// <paramref name="source"/> when <paramref name="isFile"/> (the reader was made by <see cref="Open"/>).
    /// </summary>
    public static string? ReadLine(TextReader reader, string source, bool isFile)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (DecoderFallbackException e)
        {
            throw Invalid(source, isFile, e);
        }
    }

    /// <summary>All the text of the file at <paramref name="path"/>, read strictly.</summary>
    public static string ReadAll(string path)
    {
        using var reader = Open(path);
        try
        {
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException e)
        {
            throw Invalid(path, isFile: true, e);
        }
    }

    /// <summary>
    /// E157 for <paramref name="source"/>: a file is scanned again to find its first invalid byte (the decoder
    /// reads ahead, so the line being read when it failed is not necessarily the bad one).
    /// </summary>
    public static PipelineFormatException Invalid(string source, bool isFile, DecoderFallbackException e)
    {
        if (isFile && Locate(source) is { } at)
        {
            return Errors.NotUtf8(source, at.Line, at.Offset, at.Value, e);
        }

        return Errors.NotUtf8(source, null, null, null, e);
    }

    /// <summary>The line (from 1), byte offset and value of the first byte of the file that is not valid UTF-8; null when all is.</summary>
    internal static (long Line, long Offset, byte Value)? Locate(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var buffer = new byte[1 << 16];
        var kept = 0;
        long start = 0;
        long line = 1;
        while (true)
        {
            var read = stream.Read(buffer, kept, buffer.Length - kept);
            var end = kept + read;
            var last = read == 0;
            var i = 0;
            while (i < end)
            {
                var b = buffer[i];
                if (b < 0x80)
                {
                    line += b == (byte)'\n' ? 1 : 0;
                    i++;
                    continue;
                }

                var status = Rune.DecodeFromUtf8(buffer.AsSpan(i, end - i), out _, out var used);
                if (status == System.Buffers.OperationStatus.NeedMoreData && !last)
                {
                    break;
                }

                if (status != System.Buffers.OperationStatus.Done)
                {
                    return (line, start + i, b);
                }

                i += used;
            }

            if (last)
            {
                return null;
            }

            kept = end - i;
            buffer.AsSpan(i, kept).CopyTo(buffer);
            start += i;
        }
    }
}
