namespace Pipeline.Testing;

/// <summary>A fresh temporary folder for one test, deleted (best effort) on dispose.</summary>
public sealed class TempDir : IDisposable
{
    /// <summary>Creates the folder under the system's temp folder.</summary>
    public TempDir() => Path = Directory.CreateTempSubdirectory("pipeline-tests-").FullName;

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/> inside the folder (nothing is created).</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>The full path of the joined <paramref name="parts"/> inside the folder (nothing is created).</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/> (creating its folders) and returns its full path.</summary>
    public string File(string relative, string text)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Deletes the folder; a file still held open elsewhere leaves it behind.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
