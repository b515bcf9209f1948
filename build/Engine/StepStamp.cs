using System.Text.Json;
using Pipeline.Serialization;

namespace Pipeline.Build.Engine;

/// <summary>
/// The record of a step's last successful run: the name and value of each input and their hash, stored as JSON
/// (<c>{ "step", "hash", "inputs" }</c>) next to the step's outputs, written to a temporary file and renamed.
/// </summary>
internal sealed class StepStamp
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Creates a stamp of <paramref name="inputs"/>.</summary>
    public StepStamp(IReadOnlyDictionary<string, string> inputs)
    {
        Inputs = new SortedDictionary<string, string>(inputs.ToDictionary(), StringComparer.Ordinal);
        Hash = StepInputs.HashOf(Inputs);
    }

    /// <summary>Each input with its hash or value.</summary>
    public SortedDictionary<string, string> Inputs { get; }

    /// <summary>The hash over all inputs, recomputed from them (a hand-edited hash field changes nothing).</summary>
    public string Hash { get; }

    /// <summary>The stamp stored at <paramref name="path"/>, or null when there is none or it is unreadable.</summary>
    public static StepStamp? Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(BuildFiles.ReadJson(path));
            var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var input in document.RootElement.GetProperty("inputs").EnumerateObject())
            {
                inputs[input.Name] = input.Value.GetString() ?? string.Empty;
            }

            return new StepStamp(inputs);
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException or BuildException)
        {
            return null;
        }
    }

    /// <summary>Writes the stamp of step <paramref name="step"/> to <paramref name="path"/> (temporary file, then rename).</summary>
    public void Write(string path, string step)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new { step, hash = Hash, inputs = Inputs }, Indented) + "\n");
    }

    /// <summary>The names of the inputs whose value differs from <paramref name="earlier"/> (added or removed ones too).</summary>
    public IReadOnlyList<string> ChangedSince(StepStamp earlier) =>
        Inputs.Keys.Union(earlier.Inputs.Keys)
            .Where(k => Inputs.GetValueOrDefault(k) != earlier.Inputs.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal)
            .ToList();
}
