using System.Text;

namespace Pipeline.IO;

/// <summary>
/// The one way untrusted files are read: refused before opening when they are not regular files (E160: a FIFO would
/// block, a device never end), and read only up to a size cap checked before anything is allocated (E161), so a
/// tampered or mistaken file costs an error naming it and the limit, never all the memory. Public so that tools built
/// on the library read settings, corpora and packages under the same rules as the CLI.
/// </summary>
public static class InputFiles
{
    /// <summary>The cap on a meta.json or another small settings file (training state, component cfg): 16 MiB.</summary>
    public const long MetaBytes = 16L << 20;

    /// <summary>The cap on a JSON or text resource of a model or a build (patterns, templates, parameters): 256 MiB.</summary>
    public const long JsonBytes = 256L << 20;

    /// <summary>The cap on a binary data file (component model, tokenizer, vocabulary, DocBin): 1 GiB.</summary>
    public const long DataBytes = 1L << 30;

    /// <summary>The cap on one line of a corpus or other line-based text: 8 Mi characters.</summary>
    public const int LineChars = 8 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>E160 when <paramref name="path"/> exists but is not a regular file (or a link to one); a missing path passes.</summary>
    public static void RequireRegular(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (FileKinds.NonRegular(path) is { } kind)
        {
            throw Errors.NotRegularFile(path, kind);
        }
    }

    /// <summary>
    /// Opens a regular file for reading, refusing (E161) one whose size is over <paramref name="limit"/> bytes; the
    /// stream also stops with E161 if more bytes than that come (a file that grows, a kernel file of size 0).
    /// <paramref name="what"/> names the file's role in errors ("meta.json", "the tokenizer file").
    /// </summary>
    public static Stream OpenRead(string path, long limit, string what)
    {
        RequireRegular(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        }
        catch (Exception e) when (Unreadable(e))
        {
            throw Errors.FileUnreadable(path, e);
        }

        try
        {
            if (stream.CanSeek && stream.Length > limit)
            {
                throw Errors.FileTooLarge(path, stream.Length, limit, what);
            }

            return new LimitedStream(stream, limit, () => Errors.FileTooLarge(path, null, limit, what));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>All the bytes of the file at <paramref name="path"/>, at most <paramref name="limit"/> of them (else E161).</summary>
    public static byte[] ReadAllBytes(string path, long limit, string what)
    {
        using var stream = OpenRead(path, limit, what);
        try
        {
            return ReadToLimit(stream, ((LimitedStream)stream).InnerLength, limit);
        }
        catch (Exception e) when (Unreadable(e))
        {
            throw Errors.FileUnreadable(path, e);
        }
    }

    // A failure of the system to read an existing file (permissions, I/O errors); a missing file is left to the
    // caller, which names what is missing.
    private static bool Unreadable(Exception e) =>
        e is IOException or UnauthorizedAccessException && e is not (FileNotFoundException or DirectoryNotFoundException);

    /// <summary>
    /// All the text of the file at <paramref name="path"/> (at most <paramref name="limit"/> bytes, else E161), read
    /// strictly: UTF-8 unless a byte-order mark names UTF-16 or UTF-32; an invalid byte is E157 naming line and offset.
    /// </summary>
    public static string ReadAllText(string path, long limit, string what)
    {
        return Decode(ReadAllBytes(path, limit, what), path, isFile: true);
    }

    /// <summary>
    /// <paramref name="bytes"/> decoded strictly (as <see cref="ReadAllText"/>); E157 names <paramref name="source"/>,
    /// and locates the bad byte when <paramref name="isFile"/> (the bytes are that whole file).
    /// </summary>
    public static string Decode(byte[] bytes, string source, bool isFile = false)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), StrictUtf8, detectEncodingFromByteOrderMarks: true);
        try
        {
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException e)
        {
            throw TextFiles.Invalid(source, isFile, e);
        }
    }

    /// <summary>
    /// All the bytes of <paramref name="stream"/> (an archive entry, a download), at most <paramref name="limit"/>
    /// once unpacked: E163 naming <paramref name="source"/> and <paramref name="what"/> past it, for a size an archive
    /// declares is not trusted. The stream is left open.
    /// </summary>
    public static byte[] ReadAllBytes(Stream stream, long limit, string source, string what)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var limited = new LimitedStream(stream, limit, () => Errors.DecompressedTooLarge(source, what, limit), leaveOpen: true);
        return ReadToLimit(limited, 0, limit);
    }

    /// <summary>
    /// Reads <paramref name="stream"/> (a <see cref="LimitedStream"/>, which raises the error at the cap) to its end
    /// into one array. A stream that holds exactly the <paramref name="expected"/> bytes it declared (a model file)
    /// is read into an array of that size and never copied; one that holds more grows its buffer, never past
    /// <paramref name="limit"/> + 1.
    /// </summary>
    internal static byte[] ReadToLimit(Stream stream, long expected, long limit)
    {
        var buffer = new byte[(int)Math.Clamp(Math.Min(expected, limit), 0, Array.MaxLength - 1)];
        var length = 0;
        Span<byte> probe = stackalloc byte[1];
        while (true)
        {
            if (length == buffer.Length)
            {
                // Full: one more byte decides between the exact array and a larger buffer.
                if (stream.Read(probe) == 0)
                {
                    return buffer;
                }

                var grown = new byte[(int)Math.Min(Math.Min(Array.MaxLength, limit + 1), Math.Max(4096, buffer.Length * 2L))];
                buffer.AsSpan(0, length).CopyTo(grown);
                grown[length++] = probe[0];
                buffer = grown;
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return buffer.AsSpan(0, length).ToArray();
            }

            length += read;
        }
    }
}
