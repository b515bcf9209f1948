using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Pipeline.Serialization;

namespace Pipeline;

/// <summary>
/// Finds the model packages an app references. A model package (made by <c>pipeline package</c>) copies its data
/// to <c>models/&lt;lang&gt;_&lt;name&gt;/</c> of the app's build and publish output, so a model is found by its
/// package id in the <c>models</c> folder beside the app (<see cref="AppContext.BaseDirectory"/>) or beside the
/// assembly that asks for it.
/// </summary>
public static class ModelPackages
{
    /// <summary>The folder of the app's output that holds one data directory per model package.</summary>
    public const string DirectoryName = "models";

    /// <summary>
    /// The <c>models</c> folders searched, in order: beside <paramref name="anchor"/>'s file, then beside the app
    /// (the only one in a single-file or Native AOT app, whose assemblies have no file of their own).
    /// </summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty location (single-file or AOT app) is skipped; AppContext.BaseDirectory is searched.")]
    public static IReadOnlyList<string> SearchDirectories(Assembly? anchor = null)
    {
        var roots = new List<string>();
        var location = anchor?.Location;
        if (!string.IsNullOrEmpty(location) && Path.GetDirectoryName(location) is { } assemblyDir)
        {
            roots.Add(Path.Combine(assemblyDir, DirectoryName));
        }

        roots.Add(Path.Combine(AppContext.BaseDirectory, DirectoryName));
        return roots.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The models whose data lies in <c>models/</c> under <paramref name="baseDirectory"/> (default: the folders of
    /// <see cref="SearchDirectories"/>), each with its compatibility with the running Pipeline.Core.
    /// </summary>
    public static IReadOnlyList<InstalledModel> Find(string? baseDirectory = null) => Find(baseDirectory, unreadable: null);

    /// <summary>
    /// As <see cref="Find(string?)"/>, and hands each model folder that cannot be read (no meta.json, or one that
    /// does not parse) to <paramref name="unreadable"/> with the error, as <c>pipeline validate</c> reports them;
    /// loading skips them.
    /// </summary>
    public static IReadOnlyList<InstalledModel> Find(string? baseDirectory, Action<string, PipelineException>? unreadable)
    {
        var roots = baseDirectory is null ? SearchDirectories() : [Path.Combine(baseDirectory, DirectoryName)];
        var found = new Dictionary<string, InstalledModel>(StringComparer.Ordinal);
        foreach (var root in roots.Where(Directory.Exists))
        {
            foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileName(dir);
                var metaPath = Path.Combine(dir, ModelMeta.FileName);
                if (found.ContainsKey(id))
                {
                    continue;
                }

                if (!File.Exists(metaPath))
                {
                    unreadable?.Invoke(dir, Errors.PackageDataIncomplete(dir));
                    continue;
                }

                ModelMeta meta;
                try
                {
                    meta = ModelMeta.Read(metaPath);
                }
                catch (PipelineException e)
                {
                    unreadable?.Invoke(metaPath, e);
                    continue;
                }

                found[id] = new InstalledModel(
                    id, meta.Version, meta.FrameworkVersion, dir, FrameworkCompatibility.Check(meta.FrameworkVersion));
            }
        }

        return found.Values.OrderBy(m => m.PackageId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The data directory of model package <paramref name="packageId"/>, or null when the app does not have it.</summary>
    public static string? TryLocate(string packageId, Assembly? anchor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packageId);
        if (!IsPackageId(packageId))
        {
            return null;
        }

        return SearchDirectories(anchor)
            .Select(root => Path.Combine(root, packageId))
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, ModelMeta.FileName)));
    }

    /// <summary>The data directory of model package <paramref name="packageId"/>; error E120 when it is missing.</summary>
    public static string Locate(string packageId, Assembly? anchor = null) =>
        TryLocate(packageId, anchor) ?? throw Errors.PackageDataMissing(
            packageId, SearchDirectories(anchor).Select(root => Path.Combine(root, packageId)));

    /// <summary>
    /// Loads model package <paramref name="packageId"/> from its data beside <paramref name="anchor"/> or the app;
    /// the generated entry class of a model package calls this.
    /// </summary>
    public static Language Load(string packageId, Assembly? anchor = null, IReadOnlyDictionary<string, object?>? overrides = null) =>
        ModelLoader.LoadDirectory(Locate(packageId, anchor), overrides ?? new Dictionary<string, object?>());

    /// <summary>The meta.json of model package <paramref name="packageId"/>.</summary>
    public static ModelMeta ReadMeta(string packageId, Assembly? anchor = null) =>
        ModelMeta.Read(Path.Combine(Locate(packageId, anchor), ModelMeta.FileName));

    /// <summary>True for names a model package can have: lower-case letters, digits and underscores.</summary>
    public static bool IsPackageId(string name) =>
        !string.IsNullOrEmpty(name) && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
