using Pipeline.IO;

namespace Pipeline.Serialization;

/// <summary>
/// Writes files and directories under a temporary name and renames them into place, so an interrupted write
/// leaves the previous version intact.
/// <para>
/// A file is written to a temporary file beside it, flushed to disk and renamed over it. When the path is a
/// symbolic link (or a chain of them) to an existing regular file, the temporary file goes beside that final
/// target and replaces it, so the link stays a link. Some paths are written straight, without a temporary file, a
/// rename or a flush to disk: on Unix, paths under <c>/dev</c>, <c>/proc</c> or <c>/sys</c>, either as given or
/// once their links are followed (e.g. <c>/dev/null</c>, <c>/dev/stdout</c>, <c>/proc/self/fd/1</c>), and links
/// that cannot be followed to an existing regular file (dangling ones, such as a descriptor link to a pipe). .NET
/// has no public API for the type of a file, so the system-tree rule goes by the path alone: a device or pipe
/// elsewhere (a FIFO made in a work folder) would be replaced like a file. Every <see cref="IOException"/> or
/// <see cref="UnauthorizedAccessException"/> while writing a file becomes <c>E025</c> naming the path; a file path
/// ending with a folder separator is refused with <c>E029</c> before anything is created.
/// </para>
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="path"/> atomically with what <paramref name="write"/> puts into the stream it gets
    /// (it may dispose the stream; the file is only put in place once <paramref name="write"/> returns). Errors of
    /// the stream or of putting the file in place are E025; exceptions of <paramref name="write"/> itself pass
    /// through, leaving the previous file as it was.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        using var target = FileTarget.Open(path);
        write(target.Stream);
        target.Commit();
    }

    /// <summary>Writes all bytes to <paramref name="path"/> atomically, as <see cref="Write"/> does.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var target = FileTarget.Open(path);
        target.Stream.Write(bytes);
        target.Commit();
    }

    /// <summary>Writes text as UTF-8 to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Throws E025 when <paramref name="path"/> cannot become a file: it is a folder, or something on the way to it
    /// is a file; E029 when it ends with a folder separator. Lets a command refuse an unusable output before doing
    /// its work; changes nothing.
    /// </summary>
    public static void CheckFileTarget(string path) => CheckTarget(path, folder: false);

    /// <summary>
    /// Throws E025 when <paramref name="path"/> cannot become a folder: it is a file, or something on the way to it
    /// is a file. Lets a command refuse an unusable output before doing its work; changes nothing.
    /// </summary>
    public static void CheckDirectoryTarget(string path) => CheckTarget(path, folder: true);

    /// <summary>
    /// Fills a fresh temporary directory with <paramref name="fill"/>, then swaps it into <paramref name="path"/>,
    /// replacing what was there only once the new contents are complete.
    /// </summary>
    public static void ReplaceDirectory(string path, Action<string> fill)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar))!;
        var tmp = TempName(full.TrimEnd(Path.DirectorySeparatorChar));
        var old = tmp + ".old";
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(tmp);
            fill(tmp);
            if (Directory.Exists(full))
            {
                Directory.Move(full, old);
            }

            Directory.Move(tmp, full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDeleteDirectory(tmp);
            if (!Directory.Exists(full) && Directory.Exists(old))
            {
                Directory.Move(old, full);
            }

            throw Errors.WriteFailed(path, e);
        }
        catch
        {
            TryDeleteDirectory(tmp);
            throw;
        }

        TryDeleteDirectory(old);
    }

    /// <summary>E029 when <paramref name="path"/> ends with a folder separator, so it cannot name a file.</summary>
    internal static void RequireFileName(string path)
    {
        if (Path.EndsInDirectorySeparator(path))
        {
            throw Errors.OutputNeedsFileName(path);
        }
    }

    private static void CheckTarget(string path, bool folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!folder)
        {
            RequireFileName(path);
        }

        var full = Path.GetFullPath(path);
        string? problem = null;
        if (!folder && Directory.Exists(full))
        {
            problem = "it is a folder, not a file";
        }
        else if (folder && File.Exists(full))
        {
            problem = "it is a file, not a folder";
        }
        else
        {
            for (var dir = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar)); dir is not null; dir = Path.GetDirectoryName(dir))
            {
                if (Directory.Exists(dir))
                {
                    break;
                }

                if (File.Exists(dir))
                {
                    problem = $"'{dir}' is a file, not a folder";
                    break;
                }
            }
        }

        if (problem is not null)
        {
            throw Errors.WriteFailed(path, new IOException(problem));
        }
    }

    private static string TempName(string path) => $"{path}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Deletes a file, ignoring failures (for temporary files being abandoned).</summary>
    internal static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void TryDeleteDirectory(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
