namespace Pipeline.Tests.Tokenization;

/// <summary>
/// Finds the shared corpora: $PIPELINE_CORPORA if set, else ../shared/corpora (or shared/corpora) next to the
/// repository root, the directory holding Pipeline.sln above the test binaries.
/// </summary>
internal static class Corpora
{
    /// <summary>The full path of a file below the corpora folder, or null when it is absent.</summary>
    public static string? Find(string relative)
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("PIPELINE_CORPORA") is { Length: > 0 } env)
        {
            roots.Add(env);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                roots.Add(Path.Combine(dir.FullName, "..", "shared", "corpora"));
                roots.Add(Path.Combine(dir.FullName, "shared", "corpora"));
                break;
            }
        }

        return roots.Select(r => Path.GetFullPath(Path.Combine(r, relative))).FirstOrDefault(File.Exists);
    }
}
