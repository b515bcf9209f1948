using System.IO.Hashing;
using System.Text;
using Pipeline.IO;

namespace Pipeline.Trainer.Training;

/// <summary>
/// A hash of a model directory's data: every file but meta.json and accuracy.json (which hold timings), by
/// relative path and content. Equal hashes mean byte-identical models; --resume uses it to prove a replay.
/// </summary>
internal static class ModelHash
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "meta.json", CheckpointWriter.AccuracyFile };

    public static string OfDirectory(string directory)
    {
        var hasher = new XxHash64();
        foreach (var file in Files(directory))
        {
            hasher.Append(Encoding.UTF8.GetBytes(file + "\n"));
            InputFiles.RequireRegular(Path.Combine(directory, file));
            using var stream = File.OpenRead(Path.Combine(directory, file));
            hasher.Append(stream);
        }

        return Convert.ToHexStringLower(hasher.GetCurrentHash());
    }

    /// <summary>The files the hash covers: relative paths ('/'-separated, ordinal order), meta.json and accuracy.json left out.</summary>
    public static List<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => !Skipped.Contains(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The hash of a pipeline as it would be saved (written to a temporary directory).</summary>
    public static string Of(Language nlp)
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-hash-").FullName;
        try
        {
            nlp.ToDisk(dir);
            return OfDirectory(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The hash of a file's content (for the run fingerprint).</summary>
    public static void AppendFile(XxHash64 hasher, string? path)
    {
        hasher.Append(Encoding.UTF8.GetBytes((path is null ? "-" : "+") + "\n"));
        if (path is not null && File.Exists(path))
        {
            // Checked before opening: hashing a FIFO would block, hashing /dev/zero never end (E160).
            InputFiles.RequireRegular(path);
            using var stream = File.OpenRead(path);
            hasher.Append(stream);
        }
    }
}
