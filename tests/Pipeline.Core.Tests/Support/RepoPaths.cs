namespace Pipeline.Tests.Support;

/// <summary>Locates the repository root (the directory holding Pipeline.sln) and the shared corpora beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared corpora folder (../shared/corpora from the repository root); may not exist.</summary>
    public static string Corpora => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpora"));

    public static string Docs => Path.Combine(Root, "docs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Pipeline.sln above {AppContext.BaseDirectory}");
    }
}
