namespace Pipeline.Testing;

/// <summary>
/// Finds the shared corpora: $PIPELINE_CORPORA if set, else ../shared/corpora (or shared/corpora) next to the
/// repository root, the directory holding Pipeline.sln above the test binaries.
/// </summary>
public static class TestCorpora
{
    /// <summary>The full path of a file below the corpora folder, or null when it is absent.</summary>
    public static string? Find(string relative)
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("PIPELINE_CORPORA") is { Length: > 0 } env)
        {
            roots.Add(env);
        }

        roots.Add(Path.Combine(RepoPaths.Root, "..", "shared", "corpora"));
        roots.Add(Path.Combine(RepoPaths.Root, "shared", "corpora"));

        return roots.Select(r => Path.GetFullPath(Path.Combine(r, relative))).FirstOrDefault(File.Exists);
    }

    /// <summary>Copies the first <paramref name="sentences"/> sentences (blank-line separated) of <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static void Slice(string source, string target, int sentences)
    {
        using var reader = new StreamReader(source);
        using var writer = new StreamWriter(target);
        var count = 0;
        string? line;
        while (count < sentences && (line = reader.ReadLine()) is not null)
        {
            writer.WriteLine(line);
            if (line.Length == 0)
            {
                count++;
            }
        }
    }
}
