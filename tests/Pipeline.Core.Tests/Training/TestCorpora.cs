namespace Pipeline.Tests.Training;

/// <summary>Finds the shared corpora (<c>shared/corpora</c> beside the repository or one of its ancestors).</summary>
internal static class TestCorpora
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The full path of a file under the corpora folder, or null when the corpora are not available.</summary>
    public static string? File(string relative)
    {
        if (Root.Value is not { } root)
        {
            return null;
        }

        var path = Path.Combine(root, relative);
        return System.IO.File.Exists(path) ? path : null;
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("PIPELINE_CORPORA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
        {
            dir = dir.Parent;
        }

        for (var up = dir?.Parent; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, "shared", "corpora");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
