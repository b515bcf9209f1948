namespace Pipeline.Build.Engine;

/// <summary>
/// What a step depends on, each input under a stable name: files and folders (by content hash) and parameter
/// values (as text). Two sets of inputs with equal <see cref="Hash"/> give the same outputs.
/// </summary>
internal sealed class StepInputs
{
    private readonly SortedDictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Each input's name with its hash or value.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The hash over all inputs (<c>name=value</c> lines in ordinal order).</summary>
    public string Hash => HashOf(_values);

    /// <summary>Adds a file, hashed by content (<see cref="ContentHash.Missing"/> when it does not exist).</summary>
    public StepInputs File(string name, string path) => Add(name, ContentHash.OfFile(path));

    /// <summary>Adds a folder, hashed over the relative paths and contents of all its files.</summary>
    public StepInputs Folder(string name, string path) => Add(name, ContentHash.OfFolder(path));

    /// <summary>Adds a parameter value; <paramref name="unset"/> stands for null.</summary>
    public StepInputs Value(string name, string? value, string unset = "(none)") => Add(name, value ?? unset);

    /// <summary>The hash of inputs given as name and value.</summary>
    public static string HashOf(IEnumerable<KeyValuePair<string, string>> values) =>
        ContentHash.OfText(string.Join('\n', values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")));

    private StepInputs Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_values.TryAdd(name, value))
        {
            throw new ArgumentException($"The input '{name}' is declared twice.", nameof(name));
        }

        return this;
    }
}
