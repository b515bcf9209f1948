namespace Pipeline.IO;

/// <summary>
/// Paths that must stay inside a root: real paths (every symbolic link followed, <c>..</c> taken physically after
/// a link, as the system does) and the checks built on them, so that a name from data (a template's corpus, a
/// component name) or a link cannot reach outside the folder it is meant for.
/// </summary>
public static class RootedPath
{
    // As the system's limit on links followed in one lookup (ELOOP).
    private const int MaxLinks = 40;

    /// <summary>
    /// The real path of <paramref name="path"/>: absolute, with every symbolic link on the way followed. The part
    /// that does not exist yet is kept as written (with <c>.</c> and <c>..</c> applied). A loop of links is an
    /// <see cref="IOException"/>.
    /// </summary>
    public static string Real(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var links = 0;
        return Resolve(Path.Combine(Directory.GetCurrentDirectory(), path), ref links);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or lies below it, comparing real paths.</summary>
    public static bool IsSameOrInside(string path, string root)
    {
        var p = Real(path);
        var r = Path.TrimEndingDirectorySeparator(Real(root));
        return p.Equals(r, FilePaths.Comparison) || (p.StartsWith(r, FilePaths.Comparison) && p.Length > r.Length && (p[r.Length] == Path.DirectorySeparatorChar || r.EndsWith(Path.DirectorySeparatorChar)));
    }

    /// <summary>
    /// <paramref name="relative"/> (a <paramref name="what"/>, e.g. "corpus of template x.json") joined to
    /// <paramref name="root"/> (a full path, links kept as written); error E181 when it is absolute or leads outside
    /// the root once <c>..</c> and links are resolved.
    /// </summary>
    public static string Inside(string root, string relative, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(relative);
        var realRoot = Real(root);
        if (Path.IsPathRooted(relative))
        {
            throw Errors.PathOutsideRoot(what, relative, root, relative);
        }

        var real = Real(Path.Combine(realRoot, relative));
        if (!IsSameOrInside(real, realRoot))
        {
            throw Errors.PathOutsideRoot(what, relative, root, real);
        }

        return Path.GetFullPath(Path.Combine(root, relative));
    }

    /// <summary>
    /// <paramref name="folder"/> joined with <paramref name="name"/>, which must be one plain name: not empty, not
    /// <c>.</c> or <c>..</c>, without folder separators or control characters (error E182 naming the
    /// <paramref name="what"/>).
    /// </summary>
    public static string Child(string folder, string name, string what)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(name);
        if (!IsPlainName(name))
        {
            throw Errors.UnsafeEntryName(what, name, folder);
        }

        return Path.Combine(folder, name);
    }

    /// <summary>Whether <paramref name="name"/> is one plain file or folder name (see <see cref="Child"/>).</summary>
    public static bool IsPlainName(string name) =>
        !string.IsNullOrWhiteSpace(name) && name is not ("." or "..")
        && name.IndexOfAny(['/', '\\']) < 0 && !name.Any(char.IsControl)
        && !Path.IsPathRooted(name) && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0;

    private static string Resolve(string absolute, ref int links)
    {
        var root = Path.GetPathRoot(absolute) ?? Path.DirectorySeparatorChar.ToString();
        var current = root;
        var parts = absolute[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"Too many levels of symbolic links at '{next}'.");
                }

                next = Resolve(Path.IsPathRooted(target) ? target : Path.Combine(current, target), ref links);
            }

            current = next;
        }

        return current;
    }
}
