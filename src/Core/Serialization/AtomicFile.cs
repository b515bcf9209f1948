namespace Pipeline.Serialization;

/// <summary>
/// Writes files and directories under a temporary name and renames them into place, so an interrupted write
/// leaves the previous version intact.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes all bytes to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var tmp = TempName(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(tmp);
            throw Errors.WriteFailed(path, e);
        }
    }

    /// <summary>Writes text as UTF-8 to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Fills a fresh temporary directory with <paramref name="fill"/>, then swaps it into <paramref name="path"/>,
    /// replacing what was there only once the new contents are complete.
    /// </summary>
    public static void ReplaceDirectory(string path, Action<string> fill)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar))!;
        Directory.CreateDirectory(parent);
        var tmp = TempName(full.TrimEnd(Path.DirectorySeparatorChar));
        var old = tmp + ".old";
        try
        {
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

    private static string TempName(string path) => $"{path}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
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
