using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Build.Engine;

/// <summary>
/// SHA-256 content hashes of files, folders and text for <see cref="StepInputs"/>: the engine decides what is up to
/// date from content, never from timestamps (a file's hash is cached per path, length and write time in the process).
/// </summary>
internal static class ContentHash
{
    /// <summary>The hash given for a file or folder that does not exist.</summary>
    public const string Missing = "(missing)";

    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> FileHashes = new();

    /// <summary>The SHA-256 of a file's bytes, or <see cref="Missing"/>.</summary>
    public static string OfFile(string path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return Missing;
        }

        var info = new FileInfo(path);
        return FileHashes.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc), key =>
        {
            // A FIFO would block the hash, /dev/zero never end it (E160).
            BuildFiles.RequireRegular(key.Path);
            using var stream = File.OpenRead(key.Path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }

    /// <summary>The hash over every file of a folder (relative path and content, in ordinal order), or <see cref="Missing"/>.</summary>
    public static string OfFolder(string path)
    {
        if (string.IsNullOrEmpty(path) || !Directory.Exists(path))
        {
            return Missing;
        }

        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(path, f).Replace(Path.DirectorySeparatorChar, '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        return OfText(string.Join('\n', files.Select(f => $"{f.Relative}={OfFile(f.Full)}")));
    }

    /// <summary>The SHA-256 of UTF-8 text.</summary>
    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
