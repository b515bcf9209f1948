using Pipeline.Build.Engine;

namespace Pipeline.Build;

/// <content>The work of Clean.</content>
internal sealed partial class Build
{
    private void CleanOutputs(TargetContext context)
    {
        var folders = new[] { "src", "tests", "benchmarks" }
            .Select(Full)
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateDirectories(d, "*", SearchOption.AllDirectories))
            .Where(d => Path.GetFileName(d) is "bin" or "obj")
            .Append(PackagesDirectory)
            .Append(Path.Combine(ArtifactsDirectory, "tmp"))
            .Where(Directory.Exists)
            .ToList();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        context.Note($"{folders.Count} folder(s) deleted");
    }
}
