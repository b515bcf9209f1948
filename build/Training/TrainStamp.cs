using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Build.Models;
using Pipeline.Trainer.Training;

namespace Pipeline.Build.Training;

/// <summary>
/// The content hashes of everything a trained model depends on: the template, its corpus files, the trainer and
/// core assemblies, and the build parameters that change training. Stored as <c>build-stamp.json</c> in the run
/// folder after a successful training; a model whose stamp matches is not retrained. Hashes, not timestamps.
/// </summary>
internal sealed class TrainStamp
{
    /// <summary>The stamp's file name in the run folder.</summary>
    public const string FileName = "build-stamp.json";

    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> FileHashes = new();
    private static readonly Lazy<string> TrainerHash = new(() => HashText(string.Join('\n',
        new[] { typeof(TrainingRunner).Assembly.Location, typeof(Nlp).Assembly.Location }.Select(HashFile))));

    private TrainStamp(SortedDictionary<string, string> inputs)
    {
        Inputs = inputs;
        Hash = HashText(string.Join('\n', inputs.Select(i => $"{i.Key}={i.Value}")));
    }

    /// <summary>Each input with its hash or value.</summary>
    public SortedDictionary<string, string> Inputs { get; }

    /// <summary>The hash over all inputs.</summary>
    public string Hash { get; }

    /// <summary>The stamp of <paramref name="template"/> trained on <paramref name="inputs"/> with <paramref name="settings"/>.</summary>
    public static TrainStamp Of(ModelTemplate template, TrainingInputs inputs, TrainSettings settings)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["template"] = HashFile(template.Path),
            ["trainer"] = TrainerHash.Value,
            ["parameter:version"] = settings.Version ?? "(template)",
            ["parameter:epochs"] = settings.Epochs?.ToString(CultureInfo.InvariantCulture) ?? "(template)",
            ["parameter:n_sents"] = settings.NSents?.ToString(CultureInfo.InvariantCulture) ?? "(all)",
            ["parameter:gpu"] = settings.Gpu ? "true" : "false",
        };
        var corpora = settings.Corpora;
        foreach (var file in inputs.Files)
        {
            // Keyed by the template's name of the file, so that a file moved from the corpus folder to the cache keeps its stamp.
            values["corpus:" + corpora.NameOf(file)] = HashFile(file);
        }

        return new TrainStamp(values);
    }

    /// <summary>The stamp stored in <paramref name="runFolder"/>, or null when there is none or it is unreadable.</summary>
    public static TrainStamp? Read(string runFolder)
    {
        var path = Path.Combine(runFolder, FileName);
        try
        {
            using var document = JsonDocument.Parse(Engine.BuildFiles.ReadJson(path));
            var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var input in document.RootElement.GetProperty("inputs").EnumerateObject())
            {
                inputs[input.Name] = input.Value.GetString() ?? string.Empty;
            }

            return new TrainStamp(inputs);
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException or Engine.BuildException)
        {
            return null;
        }
    }

    /// <summary>Writes the stamp into <paramref name="runFolder"/> (temp file, then rename).</summary>
    public void Write(string runFolder)
    {
        var json = JsonSerializer.Serialize(new { hash = Hash, inputs = Inputs }, JsonOptions.Indented);
        var path = Path.Combine(runFolder, FileName);
        File.WriteAllText(path + ".tmp", json + "\n");
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>What differs from <paramref name="earlier"/>, for the log ("corpus:ud/x/train.conllu, trainer").</summary>
    public string ChangesSince(TrainStamp? earlier)
    {
        if (earlier is null)
        {
            return "never trained";
        }

        var changed = Inputs.Keys.Union(earlier.Inputs.Keys)
            .Where(k => Inputs.GetValueOrDefault(k) != earlier.Inputs.GetValueOrDefault(k))
            .ToList();
        return changed.Count == 0 ? "unchanged" : "changed: " + string.Join(", ", changed);
    }

    /// <summary>The SHA-256 of a file's bytes, cached per path, length and write time within the process.</summary>
    public static string HashFile(string path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return "(missing)";
        }

        var info = new FileInfo(path);
        return FileHashes.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc), key =>
        {
            // A FIFO would block the hash, /dev/zero never end it (E160).
            Engine.BuildFiles.RequireRegular(key.Path);
            using var stream = File.OpenRead(key.Path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }

    private static string HashText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
