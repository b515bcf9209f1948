using Pipeline.Serialization;

namespace Pipeline.IO;

/// <summary>
/// One file being written by <see cref="AtomicFile"/>: opened with <see cref="Open"/>, filled through
/// <see cref="Stream"/>, put in place by <see cref="Commit"/>; disposing it without a commit removes the temporary
/// file. Where the bytes go follows the rules in <see cref="AtomicFile"/>'s summary (<see cref="InPlace"/>).
/// </summary>
internal sealed class FileTarget : IDisposable
{
    private readonly string _path;
    private readonly string? _final;
    private readonly string? _temp;
    private readonly FileStream _file;
    private bool _committed;

    private FileTarget(string path, string? final, string? temp, FileStream file)
    {
        _path = path;
        _final = final;
        _temp = temp;
        _file = file;
        Stream = new WriteGuardStream(file, path);
    }

    /// <summary>Where the caller writes; failures become E025.</summary>
    public Stream Stream { get; }

    /// <summary>
    /// Opens <paramref name="path"/> for writing; E029 (creating nothing) when it ends with a folder separator, E025
    /// when the file or its folder cannot be made.
    /// </summary>
    public static FileTarget Open(string path)
    {
        AtomicFile.RequireFileName(path);
        string? temp = null;
        try
        {
            var full = Path.GetFullPath(path);
            var final = FinalLocation(full);
            if (final is null)
            {
                return new FileTarget(path, null, null, new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.ReadWrite));
            }

            temp = $"{final}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
            return new FileTarget(path, final, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (temp is not null)
            {
                AtomicFile.TryDelete(temp);
            }

            throw Errors.WriteFailed(path, e);
        }
    }

    /// <summary>
    /// Whether a write to the absolute path <paramref name="full"/> goes straight to it rather than through a
    /// temporary file and a rename. Looks at the file system (links) but changes nothing.
    /// </summary>
    public static bool InPlace(string full) => FinalLocation(full, createFolder: false) is null;

    /// <summary>Flushes (to disk, for a temporary file) and puts the file in place; E025 on failure.</summary>
    public void Commit()
    {
        try
        {
            if (_final is null)
            {
                _file.Flush();
                _file.Dispose();
            }
            else
            {
                _file.Flush(flushToDisk: true);
                _file.Dispose();
                File.Move(_temp!, _final, overwrite: true);
            }

            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.WriteFailed(_path, e);
        }
    }

    /// <summary>Closes the file; without a <see cref="Commit"/>, removes the temporary file.</summary>
    public void Dispose()
    {
        try
        {
            _file.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Flushing what a failed write left in the buffer; the file is abandoned anyway.
        }

        if (!_committed && _temp is not null)
        {
            AtomicFile.TryDelete(_temp);
        }
    }

    /// <summary>
    /// The regular file a temporary file replaces, or null to write <paramref name="full"/> in place: a path under
    /// the system trees, a link that cannot be followed or leads there, and a link whose final target is not an
    /// existing file (dangling, or a folder, which then fails to open).
    /// </summary>
    private static string? FinalLocation(string full, bool createFolder = true)
    {
        if (FilePaths.IsSystemPath(full))
        {
            return null;
        }

        if (createFolder)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        }

        var real = FilePaths.Resolve(full);
        if (real is null || FilePaths.IsSystemPath(real))
        {
            return null;
        }

        var isLink = new FileInfo(full).LinkTarget is not null;
        return isLink && !File.Exists(real) ? null : real;
    }
}
