namespace Pipeline.Benchmarks;

/// <summary>Finds the shared corpora: PIPELINE_CORPORA, else shared/corpora beside the repository or an ancestor.</summary>
public static class CorpusLocator
{
    /// <summary>The corpora folder, or null when it cannot be found.</summary>
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("PIPELINE_CORPORA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpora");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
