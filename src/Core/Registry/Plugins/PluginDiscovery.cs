using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Pipeline.Registry.Plugins;

/// <summary>
/// Finds the plugin assemblies of the app, with no user code: the libraries of the app's deps.json that depend on
/// Pipeline.Core are loaded, then every loaded assembly that references Pipeline.Core is scanned for plugin
/// attributes. The full scan runs once, on first use of a registry (Nlp.Load, Nlp.Blank, Nlp.GetLanguageClass,
/// Language.Factories, Nlp.Lookups, Displacy); a name that is not found later scans assemblies loaded since.
/// Thread-safe: concurrent first uses wait for the one scan.
/// </summary>
internal static class PluginDiscovery
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Seen = new(StringComparer.Ordinal);
    private static readonly string CoreName = typeof(Nlp).Assembly.GetName().Name!;
    private static volatile bool _scanned;
    private static bool _running;

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

    /// <summary>Loads the runtime assemblies of the deps.json libraries that depend on Pipeline.Core.</summary>
    private static void LoadDependencies()
    {
        DependencyContext? context;
        try
        {
            context = DependencyContext.Default;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            Warnings.PluginAssemblyUnreadable("(the app's deps.json)", e.Message);
            return;
        }

        if (context is null)
        {
            return;
        }

        foreach (var library in context.RuntimeLibraries)
        {
            if (!library.Dependencies.Any(d => string.Equals(d.Name, CoreName, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            foreach (var name in library.GetDefaultAssemblyNames(context))
            {
                try
                {
                    Assembly.Load(name);
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    Warnings.PluginAssemblyUnreadable(name.Name ?? library.Name, e.Message);
                }
            }
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

    private static bool ReferencesCore(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Any(n => string.Equals(n.Name, CoreName, StringComparison.Ordinal));
}
