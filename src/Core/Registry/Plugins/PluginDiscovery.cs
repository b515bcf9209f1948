using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using Pipeline.IO;

namespace Pipeline.Registry.Plugins;

/// <summary>
/// Finds the plugin assemblies of the app, with no user code: the app's assemblies that depend on Pipeline.Core
/// (read from its deps.json) are loaded, then every loaded assembly that references Pipeline.Core is scanned for plugin
/// attributes. The full scan runs once, on first use of a registry (Nlp.Load, Nlp.Blank, Nlp.GetLanguageClass,
/// Language.Factories, Nlp.Lookups, Displacy); a name that is not found later scans assemblies loaded since.
/// Thread-safe: concurrent first uses wait for the one scan. A Native AOT app has no assembly files or metadata to
/// scan (<see cref="RuntimeFeature.IsDynamicCodeSupported"/> is false there): it names its plugin assemblies with
/// <see cref="Nlp.AddPlugin"/>, which reads the same attributes.
/// </summary>
internal static class PluginDiscovery
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Seen = new(StringComparer.Ordinal);
    private static readonly string CoreName = typeof(Nlp).Assembly.GetName().Name!;
    private static volatile bool _scanned;
    private static bool _running;

    /// <summary>Whether plugin assemblies are found by scanning: everywhere but in Native AOT apps.</summary>
    public static bool Scans => RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>Whether the full scan has run.</summary>
    public static bool HasScanned => _scanned;

    /// <summary>Registers what <paramref name="assembly"/> exposes, once; true when it was not registered before.</summary>
    public static bool Add(Assembly assembly)
    {
        lock (Gate)
        {
            if (!Seen.Add(assembly.FullName ?? string.Empty))
            {
                return false;
            }

            PluginScanner.Register(assembly, Targets);
            return true;
        }
    }

    /// <summary>Runs the full scan unless it has run (or is running on this thread).</summary>
    public static void EnsureScanned()
    {
        if (_scanned)
        {
            return;
        }

        lock (Gate)
        {
            if (_scanned || _running)
            {
                return;
            }

            Run(full: true);
        }
    }

    /// <summary>After a miss: scans what was not scanned yet; true when any new plugin assembly was scanned.</summary>
    public static bool ScanForMissing()
    {
        lock (Gate)
        {
            return !_running && Run(full: !_scanned) > 0;
        }
    }

    private static int Run(bool full)
    {
        if (!Scans)
        {
            _scanned = true;
            return 0;
        }

        _running = true;
        try
        {
            if (full)
            {
                LoadDependencies();
            }

            return ScanLoaded();
        }
        finally
        {
            _running = false;
            _scanned = true;
        }
    }

    private static PluginTargets Targets => new(
        Language.AllFactories.Slots, Nlp.AllLanguages.Slots, Nlp.AllLookups.Slots, Display.DisplacyPalette.Slots);

    /// <summary>
    /// Loads the app's assemblies that can hold plugins: with a deps.json, those of the libraries that depend on
    /// Pipeline.Core (model packages excepted: their data lies in models/ and their code is only an entry class), so
    /// an app with no plugin opens no assembly here; without one (single-file apps), the assemblies the host
    /// resolved outside the shared framework that reference Pipeline.Core, checked by reading only their metadata.
    /// </summary>
    private static void LoadDependencies()
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetName().Name)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidates = DependentAssemblies.AppDepsFile() is { } depsFile && DependentAssemblies.Read(depsFile, CoreName) is { } dependents
            ? dependents.Where(d => ModelPackages.TryLocate(d.Library) is null).SelectMany(d => d.Assemblies).Select(a => new AssemblyName(a))
            : ReferencingAssemblies();
        foreach (var name in candidates)
        {
            if (name.Name is null || loaded.Contains(name.Name))
            {
                continue;
            }

            try
            {
                Assembly.Load(name);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                Warnings.PluginAssemblyUnreadable(name.Name, e.Message);
            }
        }
    }

    /// <summary>The assemblies the host resolved outside the shared framework whose metadata references Pipeline.Core.</summary>
    private static IEnumerable<AssemblyName> ReferencingAssemblies()
    {
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is not string trusted)
        {
            yield break;
        }

        var framework = FrameworkRoot();
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if ((framework is null || !path.StartsWith(framework, StringComparison.Ordinal)) && PluginName(path) is { } name)
            {
                yield return name;
            }
        }
    }

    /// <summary>
    /// The folder of the shared frameworks (…/shared/, holding Microsoft.NETCore.App and any other), whose
    /// assemblies never reference Pipeline.Core; null for a self-contained app, whose framework lies beside it.
    /// </summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty location (single-file app) gives null: no framework folder to skip.")]
    private static string? FrameworkRoot()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(runtime));
        return shared is not null && Path.GetFileName(shared) == "shared" ? shared + Path.DirectorySeparatorChar : null;
    }

    /// <summary>The assembly name of the file at <paramref name="path"/> when it references Pipeline.Core.</summary>
    private static AssemblyName? PluginName(string path)
    {
        try
        {
            if (FileKinds.NonRegular(path) is not null)
            {
                return null;
            }

            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }

            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                return null;
            }

            foreach (var handle in metadata.AssemblyReferences)
            {
                if (metadata.StringComparer.Equals(metadata.GetAssemblyReference(handle).Name, CoreName))
                {
                    return metadata.GetAssemblyDefinition().GetAssemblyName();
                }
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return null;
        }
    }

    private static int ScanLoaded()
    {
        var scanned = 0;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic || !Seen.Add(assembly.FullName ?? string.Empty) || !ReferencesCore(assembly))
            {
                continue;
            }

            PluginScanner.Register(assembly, Targets);
            scanned++;
        }

        return scanned;
    }

    // Reached only where Scans is true (never in a Native AOT app); in a trimmed app an assembly whose references
    // were trimmed away has no plugin attributes left to read either.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only runs where assemblies keep their metadata; see Scans.")]
    private static bool ReferencesCore(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Any(n => string.Equals(n.Name, CoreName, StringComparison.Ordinal));
}
