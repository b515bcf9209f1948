namespace Pipeline.IO;

/// <summary>
/// Path questions that .NET has no public API for: where a path really leads once every symbolic link along it is
/// followed, whether two paths name the same file, and whether a path lies in the Unix system trees (<c>/dev</c>,
/// <c>/proc</c>, <c>/sys</c>) whose entries are devices and kernel views rather than regular files. Public so that a
/// tool can refuse, as the CLI does, to write its output over its input.
/// </summary>
public static class FilePaths
{
    private static readonly string[] SystemRoots = ["/dev", "/proc", "/sys"];

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>How paths compare on this system: case-sensitive on Linux, case-insensitive elsewhere.</summary>
    public static StringComparison Comparison =>
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>
    /// The absolute form of <paramref name="path"/> with every symbolic link along it replaced by what it points
    /// to, as far as the entries exist (the missing tail is kept as written); null when a link cannot be followed
    /// (a loop, more than 40 links, or an entry that cannot be read).
    /// </summary>
    public static string? Resolve(string path)
    {
        try
        {
            return RootedPath.Real(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether two paths lead to the same place once symbolic links are followed.</summary>
    public static bool Same(string first, string second)
    {
        var a = Resolve(first) ?? Path.GetFullPath(first);
        var b = Resolve(second) ?? Path.GetFullPath(second);
        return string.Equals(Trim(a), Trim(b), Comparison);
    }

    /// <summary>
    /// Whether the absolute path <paramref name="full"/> is, or lies under, <c>/dev</c>, <c>/proc</c> or
    /// <c>/sys</c> (Unix only; always false on Windows). Decided on the path alone.
    /// </summary>
    public static bool IsSystemPath(string full)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        foreach (var root in SystemRoots)
        {
            if (full.StartsWith(root, StringComparison.Ordinal) && (full.Length == root.Length || full[root.Length] == '/'))
            {
                return true;
            }
        }

        return false;
    }

    private static string Trim(string path) =>
        path.Length > 1 ? path.TrimEnd(Separators) : path;
}
