using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Versioning;
using ModelRequirement = Pipeline.Trainer.Packaging.PackageDependency;

namespace Pipeline.Trainer.Plugins;

/// <summary>
/// The packages a model's plugin requirements need, found in the NuGet global packages folder and fallback folders
/// (where <c>dotnet restore</c> put them or reads them from): each required package at its highest version there that
/// satisfies the requirement (the first folder that has one), then
/// its dependencies for this framework, and theirs. For each package the managed assemblies of the nearest
/// <c>lib/&lt;tfm&gt;/</c> and the folders <c>runtimes/&lt;rid&gt;/native/</c> for this platform.
/// </summary>
internal sealed class PackageClosure
{
    private static readonly NuGetFramework Framework = NuGetFramework.Parse($"net{Environment.Version.Major}.0");

    private readonly IReadOnlyList<string> _roots;
    private readonly Dictionary<string, string> _assemblies = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _nativeFolders = [];
    private readonly List<string> _packages = [];

    private PackageClosure(IReadOnlyList<string> roots) => _roots = roots;

    /// <summary>Managed assemblies by simple name (the first package that has one wins).</summary>
    public IReadOnlyDictionary<string, string> Assemblies => _assemblies;

    /// <summary>Native library folders for this platform, in package order.</summary>
    public IReadOnlyList<string> NativeFolders => _nativeFolders;

    /// <summary>The packages taken, as "id version".</summary>
    public IReadOnlyList<string> Packages => _packages;

    /// <summary>
    /// Resolves <paramref name="requirements"/> and their dependencies under <paramref name="roots"/>; returns the
    /// requirements that are not there at any fitting version in <paramref name="missing"/> (their dependencies
    /// cannot be known then). A dependency of a found package that is missing is skipped: the host or the shared
    /// framework may provide it, and an assembly that is really needed fails to load with its name.
    /// </summary>
    public static PackageClosure Resolve(IReadOnlyList<string> roots, IEnumerable<ModelRequirement> requirements, out IReadOnlyList<ModelRequirement> missing)
    {
        var closure = new PackageClosure(roots);
        var notFound = new List<ModelRequirement>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<(string Id, VersionRange Range)>();
        foreach (var requirement in requirements)
        {
            var range = requirement.VersionRange is { } text ? VersionRange.Parse(text) : VersionRange.All;
            if (closure.Find(requirement.Id, range) is null)
            {
                notFound.Add(requirement);
            }
            else
            {
                queue.Enqueue((requirement.Id, range));
            }
        }

        while (queue.TryDequeue(out var next))
        {
            if (!seen.Add(next.Id) || closure.Find(next.Id, next.Range) is not { } folder)
            {
                continue;
            }

            foreach (var dependency in closure.Add(folder))
            {
                queue.Enqueue((dependency.Id, dependency.VersionRange ?? VersionRange.All));
            }
        }

        missing = notFound;
        return closure;
    }

    /// <summary>
    /// The folders restored packages lie in, as NuGet reads them from the current folder: the global packages folder
    /// (NUGET_PACKAGES, else the one nuget.config sets, else ~/.nuget/packages), then the fallback folders.
    /// </summary>
    public static IReadOnlyList<string> PackageFolders()
    {
        var settings = NuGet.Configuration.Settings.LoadDefaultSettings(Directory.GetCurrentDirectory());
        return new[] { NuGet.Configuration.SettingsUtility.GetGlobalPackagesFolder(settings) }
            .Concat(NuGet.Configuration.SettingsUtility.GetFallbackPackageFolders(settings))
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The folder of package <paramref name="id"/> at its highest version under the first of <paramref name="roots"/>
    /// that has one satisfying <paramref name="range"/>, completely extracted (NuGet writes <c>.nupkg.metadata</c>
    /// last), or null.
    /// </summary>
    public static string? FindPackage(IReadOnlyList<string> roots, string id, VersionRange range) => roots
        .Select(root => Path.Combine(root, id.ToLowerInvariant()))
        .Where(Directory.Exists)
        .Select(folder => Directory.EnumerateDirectories(folder)
            .Select(d => (Path: d, Version: NuGetVersion.TryParse(Path.GetFileName(d), out var v) ? v : null))
            .Where(d => d.Version is not null && range.Satisfies(d.Version) && File.Exists(Path.Combine(d.Path, ".nupkg.metadata")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Path)
            .FirstOrDefault())
        .FirstOrDefault(found => found is not null);

    private string? Find(string id, VersionRange range) => FindPackage(_roots, id, range);

    // Takes the package's nearest lib/ assemblies and native folders; returns its dependencies for this framework.
    private IEnumerable<NuGet.Packaging.Core.PackageDependency> Add(string folder)
    {
        using var reader = new PackageFolderReader(folder);
        var identity = reader.GetIdentity();
        _packages.Add($"{identity.Id} {identity.Version.ToNormalizedString()}");
        var reducer = new FrameworkReducer();
        var lib = reader.GetLibItems().ToList();
        if (reducer.GetNearest(Framework, lib.Select(g => g.TargetFramework)) is { } nearest)
        {
            foreach (var item in lib.First(g => g.TargetFramework == nearest).Items.Where(i => i.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                var path = Path.Combine(folder, item.Replace('/', Path.DirectorySeparatorChar));
                _assemblies.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        foreach (var rid in PluginLoadContext.RuntimeIdentifiers())
        {
            var native = Path.Combine(folder, "runtimes", rid, "native");
            if (Directory.Exists(native))
            {
                _nativeFolders.Add(native);
            }
        }

        var groups = reader.GetPackageDependencies().ToList();
        var group = reducer.GetNearest(Framework, groups.Select(g => g.TargetFramework)) is { } fit
            ? groups.First(g => g.TargetFramework == fit)
            : null;
        return group?.Packages.ToList() ?? [];
    }
}
