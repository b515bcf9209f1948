using System.Text.Json;
using Pipeline.IO;

namespace Pipeline.Registry.Plugins;

/// <summary>
/// The app's assemblies that can hold plugins, read from its deps.json with no assembly opened: the runtime
/// assemblies of every library that depends on Pipeline.Core, directly or through other libraries. Pipeline.Core's
/// own dependencies and unrelated libraries are never candidates, so an app with no plugin loads nothing extra.
/// </summary>
internal static class DependentAssemblies
{
    /// <summary>Cap on the deps.json read: far above what an app's dependency list needs.</summary>
    private const long MaxDepsFileBytes = 64L << 20;

    /// <summary>
    /// The app's deps.json (the host lists it first in APP_CONTEXT_DEPS_FILES, separated by ';' on every platform);
    /// null when there is none on disk (single-file apps keep it in the bundle).
    /// </summary>
    public static string? AppDepsFile() =>
        AppContext.GetData("APP_CONTEXT_DEPS_FILES") is string files
            && files.Split(';', StringSplitOptions.RemoveEmptyEntries) is [var first, ..]
            && File.Exists(first)
            ? first
            : null;

    /// <summary>
    /// The libraries of <paramref name="depsFile"/> that depend on <paramref name="coreName"/>, each with the names
    /// of its runtime assemblies; null when the file cannot be read as a deps.json (the caller then falls back to
    /// reading assembly metadata).
    /// </summary>
    public static IReadOnlyList<(string Library, IReadOnlyList<string> Assemblies)>? Read(string depsFile, string coreName)
    {
        try
        {
            using var json = JsonDocument.Parse(InputFiles.ReadAllBytes(depsFile, MaxDepsFileBytes, "deps file"));
            return Dependents(json.RootElement, coreName);
        }
        catch (Exception e) when (e is JsonException or PipelineException or IOException or UnauthorizedAccessException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static List<(string Library, IReadOnlyList<string> Assemblies)>? Dependents(JsonElement root, string coreName)
    {
        if (!root.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // The runtime target the host uses: named by runtimeTarget, else the first (the only one in most apps).
        var name = root.TryGetProperty("runtimeTarget", out var runtime) && runtime.TryGetProperty("name", out var n) ? n.GetString() : null;
        var target = name is not null && targets.TryGetProperty(name, out var named) ? named : targets.EnumerateObject().Select(p => p.Value).FirstOrDefault();
        if (target.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var libraries = new Dictionary<string, (string[] Dependencies, string[] Assemblies)>(StringComparer.OrdinalIgnoreCase);
        foreach (var library in target.EnumerateObject())
        {
            var id = library.Name.Split('/')[0];
            libraries[id] = (Keys(library.Value, "dependencies"), Keys(library.Value, "runtime").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToArray());
        }

        // Every library whose dependency closure reaches Pipeline.Core (a fixed point over the graph).
        var dependents = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { coreName };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (id, entry) in libraries)
            {
                if (!dependents.Contains(id) && entry.Dependencies.Any(dependents.Contains))
                {
                    grew = dependents.Add(id);
                }
            }
        }

        return libraries
            .Where(l => dependents.Contains(l.Key) && !string.Equals(l.Key, coreName, StringComparison.OrdinalIgnoreCase))
            .Select(l => (l.Key, (IReadOnlyList<string>)l.Value.Assemblies))
            .ToList();
    }

    private static string[] Keys(JsonElement library, string property) =>
        library.ValueKind == JsonValueKind.Object && library.TryGetProperty(property, out var map) && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject().Select(p => p.Name).ToArray()
            : [];
}
