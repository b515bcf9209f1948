namespace Pipeline.Build.Corpora;

/// <summary>
/// Where each corpus file a template names is read from after the Corpora target checked it: the corpus folder
/// or the download cache. A name that was not resolved is looked up under <see cref="Root"/>.
/// </summary>
internal sealed class CorpusFiles
{
    private readonly Dictionary<string, string> _paths;
    private readonly Dictionary<string, string> _names;

    /// <summary>Creates the map from template names to full paths.</summary>
    public CorpusFiles(string root, IReadOnlyDictionary<string, string> paths)
    {
        Root = Path.GetFullPath(root);
        _paths = paths.ToDictionary(p => Normalize(p.Key), p => Path.GetFullPath(p.Value), StringComparer.Ordinal);
        _names = _paths.GroupBy(p => p.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
    }

    /// <summary>The corpus folder (<c>--corpora</c>).</summary>
    public string Root { get; }

    /// <summary>The checked files, by template name.</summary>
    public IReadOnlyDictionary<string, string> Paths => _paths;

    /// <summary>Every file directly under <paramref name="root"/> (no checks): the map of a plain corpus folder.</summary>
    public static CorpusFiles Under(string root) => new(root, new Dictionary<string, string>());

    /// <summary>The full path of the file a template calls <paramref name="name"/>.</summary>
    public string Locate(string name) =>
        _paths.TryGetValue(Normalize(name), out var path) ? path : Path.GetFullPath(Path.Combine(Root, name));

    /// <summary>The template name of <paramref name="path"/>, the same wherever the file was found (part of the training stamp).</summary>
    public string NameOf(string path) =>
        _names.TryGetValue(Path.GetFullPath(path), out var name) ? name : Normalize(Path.GetRelativePath(Root, path));

    private static string Normalize(string name) => name.Replace('\\', '/');
}
