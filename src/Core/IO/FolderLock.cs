using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pipeline.Serialization;

namespace Pipeline.IO;

/// <summary>
/// One writer per output folder: an exclusive lock taken for the whole run of a command that writes into a folder
/// (<c>pipeline train</c>'s run folder, <c>pipeline package</c>'s output, the build's <c>artifacts/</c>), so that two
/// runs never delete or overwrite each other's files. The lock is the file <see cref="FileName"/> in the folder,
/// created exclusively (of two runs creating it at once, one wins) with the holder's process id, process start time,
/// host and command, kept open for the run and deleted on <see cref="Dispose"/>.
/// <para>
/// A second run finds the file and stops with <c>E180</c> naming the holder, unless the lock is stale: written on
/// this host by a process that is no longer running (its id is free, or now belongs to a process started at
/// another time). A stale lock (a killed run's) is taken over with warning <c>W035</c>. A lock of another host
/// cannot be checked and is never taken over.
/// </para>
/// </summary>
public sealed class FolderLock : IDisposable
{
    /// <summary>The lock file's name inside the locked folder.</summary>
    public const string FileName = ".pipeline.lock";

    private const int Attempts = 5;

    private static readonly JsonSerializerOptions Json = CoreJsonContext.Resolving(new() { WriteIndented = true });

    private readonly FileStream _stream;
    private readonly string _token;
    private bool _disposed;

    private readonly bool _created;

    private FolderLock(string folder, string path, FileStream stream, string token, bool created)
    {
        _created = created;
        Folder = folder;
        Path = path;
        _stream = stream;
        _token = token;
    }

    /// <summary>The locked folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>
    /// Creates <paramref name="folder"/> if needed and takes its lock for <paramref name="command"/> (shown to a
    /// second run, e.g. <c>pipeline train out/</c>). Throws E180 when another live run holds it, E025 when the lock
    /// file cannot be written.
    /// </summary>
    public static FolderLock Acquire(string folder, string command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(command);
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));
        var path = System.IO.Path.Combine(full, FileName);
        try
        {
            var created = !Directory.Exists(full);
            Directory.CreateDirectory(full);
            var unreadable = 0;
            for (var attempt = 1; ; attempt++)
            {
                var token = Guid.NewGuid().ToString("N");
                if (TryCreate(path, JsonSerializer.Serialize(Holder.Current(command, token), CoreJsonContext.Info<Holder>(Json))) is { } stream)
                {
                    return new FolderLock(full, path, stream, token, created);
                }

                var text = ReadOrNull(path);
                if (text is null)
                {
                    // Released between our try and the read: try again (a bounded number of times).
                    if (attempt >= Attempts * 20)
                    {
                        throw Errors.FolderLocked(full, path, "other runs that keep taking and releasing it");
                    }

                    continue;
                }

                var holder = Holder.Parse(text);
                if (holder is null && ++unreadable < Attempts * 2)
                {
                    Thread.Sleep(20); // its holder may still be writing it
                    continue;
                }

                if (holder is null || !holder.IsStale() || attempt >= Attempts * 20)
                {
                    throw Errors.FolderLocked(full, path, holder?.Describe() ?? "an unreadable lock file (not written by Pipeline, or damaged)");
                }

                if (TakeOver(path, text))
                {
                    Warnings.StaleLockRemoved(full, holder.Describe());
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.WriteFailed(path, e);
        }
    }

    /// <summary>
    /// A command as a lock records it: the program's name and <paramref name="action"/> (e.g. <c>Pipeline.Trainer
    /// train</c>); the arguments are left out, as they may hold secrets.
    /// </summary>
    public static string CommandOf(string action)
    {
        var args = Environment.GetCommandLineArgs();
        var program = args.Length > 0 ? System.IO.Path.GetFileNameWithoutExtension(args[0]) : "pipeline";
        return $"{program} {action}";
    }

    /// <summary>
    /// Releases the lock: closes and deletes the lock file (when it is still this run's), and removes the folder
    /// when the lock created it and nothing else was written there.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stream.Dispose();
        try
        {
            if (ReadOrNull(Path) is { } text && Holder.Parse(text)?.Token == _token)
            {
                File.Delete(Path);
            }

            if (_created && !Directory.EnumerateFileSystemEntries(Folder).Any())
            {
                Directory.Delete(Folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, the lock is stale (its process ends) and the next run takes it over.
        }
    }

    // Creates the lock file exclusively (O_CREAT|O_EXCL: of two runs, one wins) with the holder's record, and keeps it
    // open; null when it exists.
    private static FileStream? TryCreate(string path, string record)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
        }
        catch (IOException)
        {
            return null; // it exists (or existed a moment ago): the caller reads it and decides
        }

        try
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(record));
            stream.Flush(flushToDisk: true);
            return stream;
        }
        catch
        {
            stream.Dispose();
            AtomicFile.TryDelete(path);
            throw;
        }
    }

    // Moves a stale lock aside, keeping it only when it is still the one judged stale (else puts it back).
    private static bool TakeOver(string path, string staleText)
    {
        var aside = $"{path}.stale-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            File.Move(path, aside, overwrite: false);
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        if (ReadOrNull(aside) == staleText)
        {
            AtomicFile.TryDelete(aside);
            return true;
        }

        // Another run took it over and locked the folder in between: give its lock back (unless yet another run
        // locked it meanwhile).
        if (ReadOrNull(aside) is { } live && TryCreate(path, live) is { } restored)
        {
            restored.Dispose();
        }

        AtomicFile.TryDelete(aside);
        return false;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > 64 * 1024)
            {
                return string.Empty; // not a lock this class wrote
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>What a lock file records about its holder.</summary>
    internal sealed record Holder(int Pid, string Host, DateTime Started, string Command, DateTime Acquired, string Token)
    {
        public static Holder Current(string command, string token)
        {
            using var self = Process.GetCurrentProcess();
            return new Holder(Environment.ProcessId, Environment.MachineName, self.StartTime.ToUniversalTime(), command, DateTime.UtcNow, token);
        }

        public static Holder? Parse(string text)
        {
            try
            {
                var holder = JsonSerializer.Deserialize(text, CoreJsonContext.Default.Holder);
                return holder is { Pid: > 0, Host: not null, Command: not null, Token: not null } ? holder : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        // On this host, with no process of that id started at that time.
        public bool IsStale()
        {
            if (!string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            try
            {
                using var process = Process.GetProcessById(Pid);
                return process.HasExited || Math.Abs((process.StartTime.ToUniversalTime() - Started).TotalSeconds) > 2;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                return e is ArgumentException or InvalidOperationException;
            }
        }

        public string Describe() => string.Create(
            CultureInfo.InvariantCulture,
            $"process {Pid} on host '{Host}' ({Command}), since {Acquired:yyyy-MM-dd HH:mm:ss} UTC");
    }
}
