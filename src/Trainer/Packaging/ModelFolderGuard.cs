using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// Checks made before a package is written: the output does not overlap the model directory, and the model
/// directory holds no symbolic links (so no file from elsewhere is copied into the package).
/// </summary>
internal static class ModelFolderGuard
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
    };

    /// <summary>Error E145 when the output directory is the model directory or lies inside it.</summary>
    public static void RefuseOutputInsideModel(string input, string output)
    {
        if (IsSameOrInside(output, input))
        {
            throw TrainerErrors.PackageOutputInsideModel(input, output);
        }
    }

    /// <summary>Error E146 when the model directory is the package directory (which is replaced) or lies inside it.</summary>
    public static void RefuseModelInsidePackage(string input, string packageDirectory)
    {
        if (IsSameOrInside(input, packageDirectory))
        {
            throw TrainerErrors.PackageReplacesModel(input, packageDirectory);
        }
    }

    /// <summary>Error E147 naming the first symbolic link (or junction), in path order, inside <paramref name="input"/>.</summary>
    public static void RefuseLinks(string input)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(input));
        while (pending.TryPop(out var directory))
        {
            var entries = directory.EnumerateFileSystemInfos("*", OneLevel).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            foreach (var entry in entries)
            {
                if (entry.LinkTarget is { } target)
                {
                    throw TrainerErrors.ModelFolderLink(input, entry.FullName, target);
                }
            }

            // Pushed in reverse so the directories are visited in ordinal order.
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                if (entries[i] is DirectoryInfo sub)
                {
                    pending.Push(sub);
                }
            }
        }
    }

    /// <summary>
    /// True when <paramref name="path"/> is <paramref name="root"/> or a path below it, as written or once symbolic
    /// links are followed (an output given as a link into the model is inside it).
    /// </summary>
    public static bool IsSameOrInside(string path, string root) =>
        IsLexicallySameOrInside(path, root) || RootedPath.IsSameOrInside(path, root);

    private static bool IsLexicallySameOrInside(string path, string root)
    {
        var p = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        return p.Equals(r, PathComparison) ||
            (p.Length > r.Length && p.StartsWith(r, PathComparison) && (p[r.Length] == Path.DirectorySeparatorChar || p[r.Length] == Path.AltDirectorySeparatorChar || r.EndsWith(Path.DirectorySeparatorChar)));
    }
}
