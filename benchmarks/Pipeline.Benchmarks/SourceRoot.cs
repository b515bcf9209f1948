namespace Pipeline.Benchmarks;

/// <summary>Finds the clone the benchmarks run from: the folder holding Pipeline.sln above the benchmark's binaries.</summary>
public static class SourceRoot
{
    /// <summary>The clone's root folder, or null when the benchmark runs outside one.</summary>
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
