using System.Reflection;
using NuGet.Versioning;
using Pipeline.Trainer.Packaging;

namespace Pipeline.Trainer.Plugins;

/// <summary>
/// Gives the <c>pipeline</c> tool the factories a model needs that the tool does not ship, such as the
/// <c>transformer</c> and the neural heads of <c>*_trf</c> models (Pipeline.Transformers, with ONNX Runtime and an
/// encoder: bundling them would make the tool a hundred times larger). The assemblies come from <c>--plugins
/// &lt;folder&gt;</c> when given, else from the packages the model's meta.json <c>requirements</c> name, with their
/// dependencies, in the NuGet global packages folder. They load into one <see cref="PluginLoadContext"/> and are
/// registered with <see cref="Nlp.AddPlugin"/>. See docs/plugins.md.
/// </summary>
internal static class ToolPlugins
{
    private static readonly Lock Gate = new();

    // Each plugin folder or package set is loaded once per process.
    private static readonly Dictionary<string, PluginLoadContext> Loaded = new(StringComparer.Ordinal);

    /// <summary>The <c>--plugins &lt;folder&gt;</c> option of the commands that load a model.</summary>
    public static System.CommandLine.Option<string?> Option() => new("--plugins")
    {
        Description = "A folder of plugin assemblies (e.g. a dotnet publish output referencing Pipeline.Transformers) for " +
            "factories the tool does not ship; without it they come from the model's requirements in the NuGet global packages folder.",
    };

    /// <summary>
    /// Makes <paramref name="model"/> loadable: returns the path or name to hand to <c>Nlp.Load</c>
    /// (a model package's data folder in the global packages folder when <paramref name="model"/> is the name of a
    /// package restored there and not installed beside the tool), after loading the plugins its pipeline needs.
    /// </summary>
    /// <param name="model">A model folder or model package name, as the command got it.</param>
    /// <param name="pluginsFolder">The <c>--plugins</c> folder, or null to use the model's requirements.</param>
    /// <param name="packageFolders">The NuGet packages folders (null: the configured global and fallback folders).</param>
    public static string Prepare(string model, string? pluginsFolder, IReadOnlyList<string>? packageFolders = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (pluginsFolder is not null)
        {
            LoadFolder(pluginsFolder);
        }

        var roots = new Lazy<IReadOnlyList<string>>(() => packageFolders ?? PackageClosure.PackageFolders());
        var directory = ModelDirectory(model, roots);
        var metaPath = directory is null ? null : Path.Combine(directory, ModelMeta.FileName);
        if (metaPath is null || !File.Exists(metaPath))
        {
            return directory ?? model; // Nlp.Load says what is missing
        }

        LoadMissing(ModelMeta.Read(metaPath), metaPath, roots);
        return directory!;
    }

    /// <summary>
    /// Loads the plugins that the pipeline of <paramref name="meta"/> (read from <paramref name="metaPath"/>) needs
    /// and the process lacks: from <paramref name="pluginsFolder"/> when given, else from the packages its
    /// <c>requirements</c> name in the NuGet packages folders. <c>pipeline package</c> uses it for a meta that may
    /// not be the model folder's own (<c>--meta-path</c>).
    /// </summary>
    public static void LoadFor(ModelMeta meta, string metaPath, string? pluginsFolder, IReadOnlyList<string>? packageFolders = null)
    {
        ArgumentNullException.ThrowIfNull(meta);
        if (pluginsFolder is not null)
        {
            LoadFolder(pluginsFolder);
        }

        LoadMissing(meta, metaPath, new Lazy<IReadOnlyList<string>>(() => packageFolders ?? PackageClosure.PackageFolders()));
    }

    private static void LoadMissing(ModelMeta meta, string metaPath, Lazy<IReadOnlyList<string>> roots)
    {
        var missing = meta.Pipeline.Where(name => !Language.Factories.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            LoadRequirements(meta, metaPath, missing, roots.Value);
        }
    }

    // A folder as given; a package name: beside the tool (Nlp.Load finds it), else restored in the global packages folder.
    private static string? ModelDirectory(string model, Lazy<IReadOnlyList<string>> roots)
    {
        if (Directory.Exists(model) || !ModelPackages.IsPackageId(model))
        {
            return Directory.Exists(model) ? model : null;
        }

        if (ModelPackages.TryLocate(model) is { } beside)
        {
            return beside;
        }

        var package = PackageClosure.FindPackage(roots.Value, model, VersionRange.All);
        var data = package is null ? null : Path.Combine(package, ModelPackages.DirectoryName, model);
        return data is not null && File.Exists(Path.Combine(data, ModelMeta.FileName)) ? data : null;
    }

    private static void LoadRequirements(ModelMeta meta, string metaPath, IReadOnlyList<string> factories, IReadOnlyList<string> roots)
    {
        var requirements = PackageRequirements.FromMeta(meta, metaPath);
        if (requirements.Count == 0)
        {
            throw TrainerErrors.PluginRequirementsMissing(metaPath, factories);
        }

        var closure = PackageClosure.Resolve(roots, requirements, out var missing);
        if (missing.Count > 0)
        {
            throw TrainerErrors.PluginPackageMissing(metaPath, factories, missing, roots);
        }

        Load(string.Join('|', closure.Packages), closure.Assemblies, closure.NativeFolders, string.Join(", ", roots));
    }

    private static void LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw TrainerErrors.PluginFolderInvalid(folder, "does not exist");
        }

        var full = Path.GetFullPath(folder);
        var assemblies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(full, "*.dll").Order(StringComparer.Ordinal))
        {
            assemblies.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        }

        if (!assemblies.Keys.Any(name => !PluginLoadContext.IsHostAssembly(name)))
        {
            throw TrainerErrors.PluginFolderInvalid(folder, "holds no assembly (.dll) that the tool does not already have");
        }

        List<string> natives = [full, .. PluginLoadContext.RuntimeIdentifiers().Select(rid => Path.Combine(full, "runtimes", rid, "native")).Where(Directory.Exists)];
        Load("folder:" + full, assemblies, natives, folder);
    }

    // Loads every plugin assembly that references Pipeline.Core and registers its factories, languages and colors.
    private static void Load(string key, IReadOnlyDictionary<string, string> assemblies, IReadOnlyList<string> natives, string source)
    {
        lock (Gate)
        {
            if (Loaded.ContainsKey(key))
            {
                return;
            }

            var context = new PluginLoadContext(assemblies, natives);
            var core = typeof(Nlp).Assembly.GetName().Name;
            foreach (var (name, path) in assemblies.Where(a => !PluginLoadContext.IsHostAssembly(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (!ReferencesCore(path, core, source))
                {
                    continue;
                }

                try
                {
                    Nlp.AddPlugin(context.LoadFromAssemblyName(new AssemblyName(name)));
                }
                catch (Exception e) when (e is IOException or BadImageFormatException)
                {
                    throw TrainerErrors.PluginAssemblyUnloadable(path, source, e.Message);
                }
            }

            Loaded[key] = context;
        }
    }

    // Reads only the metadata: assemblies that cannot hold plugin attributes are never loaded; a native library with
    // a .dll name (Windows) has none. A file that is not a readable image at all is E293.
    private static bool ReferencesCore(string path, string? core, string source)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            if (!pe.HasMetadata)
            {
                return false;
            }

            var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            return reader.AssemblyReferences.Any(h => reader.GetString(reader.GetAssemblyReference(h).Name) == core);
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or InvalidOperationException)
        {
            throw TrainerErrors.PluginAssemblyUnloadable(path, source, e.Message);
        }
    }
}
