using System.Text;

namespace Pipeline.IO;

/// <summary>
/// Reads text files strictly: UTF-8 (a UTF-8, UTF-16 or UTF-32 byte-order mark picks the encoding) whose invalid
/// bytes raise E157 naming the file, the line and the byte offset of the first bad byte, instead of turning
/// silently into U+FFFD that would end up in a vocabulary or an output file. Public for tools that read corpora or
/// texts as the CLI does.
/// </summary>
public static class TextFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static StringBuilder? _line;

    /// <summary>
    /// Opens <paramref name="path"/> for strict reading (read its lines with <see cref="ReadLine"/>); E160 before
    /// opening when it is not a regular file (a FIFO would block, /dev/zero never end).
    /// </summary>
    public static StreamReader Open(string path)
    {
        InputFiles.RequireRegular(path);
        return new(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>
    /// The next line of <paramref name="reader"/>, or null at its end; E157 for invalid bytes, located in the file
    /// <paramref name="source"/> when <paramref name="isFile"/> (the reader was made by <see cref="Open"/>); E162 for a
    /// line longer than <paramref name="limit"/> characters, found before more than that is held
    /// (<paramref name="lineNumber"/>, from 1, locates it; 0 when unknown).
    /// </summary>
    public static string? ReadLine(TextReader reader, string source, bool isFile, long lineNumber = 0, int limit = InputFiles.LineChars)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            var c = reader.Read();
            if (c < 0)
            {
                return null;
            }

            var line = _line ??= new StringBuilder();
            line.Clear();
            while (c >= 0 && c != '\n')
            {
                if (c == '\r')
                {
                    if (reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    break;
                }

                if (line.Length >= limit)
                {
                    line.Clear();
                    throw lineNumber > 0 ? Errors.LineTooLong(source, lineNumber, limit) : Errors.LineTooLong(source, limit);
                }

                line.Append((char)c);
                c = reader.Read();
            }

            var text = line.ToString();
            if (line.Capacity > 1 << 16)
            {
                _line = null;
            }

            return text;
        }
        catch (DecoderFallbackException e)
        {
            throw Invalid(source, isFile, e);
        }
    }

    /// <summary>All the text of the file at <paramref name="path"/>, read strictly, at most <paramref name="limit"/> bytes (else E161).</summary>
    public static string ReadAll(string path, long limit = InputFiles.JsonBytes) => InputFiles.ReadAllText(path, limit, "the text file");

    /// <summary>
    /// E157 for <paramref name="source"/>: a file is scanned again to find its first invalid byte (the decoder
    /// reads ahead, so the line being read when it failed is not necessarily the bad one).
    /// </summary>
    internal static PipelineFormatException Invalid(string source, bool isFile, DecoderFallbackException e)
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
        InputFiles.RequireRegular(path);
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
