using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Pipeline.Trainer.Plugins;

/// <summary>
/// The load context of the plugin assemblies the <c>pipeline</c> tool does not ship (Pipeline.Transformers, ONNX
/// Runtime, an encoder package): managed assemblies come from <paramref name="assemblies"/> (simple name to file),
/// native libraries from <paramref name="nativeFolders"/>. Every assembly the tool itself has (Pipeline.Core above
/// all, and the shared framework) is left to the default context, so the plugin's factories implement the very
/// <c>IPipe</c> the tool loads models with.
/// </summary>
/// <param name="assemblies">Managed assemblies by simple name.</param>
/// <param name="nativeFolders">Folders searched, in order, for native libraries (runtimes/&lt;rid&gt;/native of each package).</param>
internal sealed class PluginLoadContext(IReadOnlyDictionary<string, string> assemblies, IReadOnlyList<string> nativeFolders)
    : AssemblyLoadContext("pipeline-plugins", isCollectible: false)
{
    // Simple names of the assemblies the host resolves: the tool's own (deps.json) and the shared framework's.
    private static readonly Lazy<HashSet<string>> HostAssemblies = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>The runtime identifiers whose native folders fit this process, most specific first (e.g. linux-x64, linux, unix).</summary>
    public static IReadOnlyList<string> RuntimeIdentifiers()
    {
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        List<string> rids = [RuntimeInformation.RuntimeIdentifier, $"{os}-{arch}", os];
        if (!OperatingSystem.IsWindows())
        {
            rids.Add("unix");
        }

        return rids.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the host (the default context) provides the assembly named <paramref name="simpleName"/>.</summary>
    public static bool IsHostAssembly(string simpleName) => HostAssemblies.Value.Contains(simpleName);

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null || IsHostAssembly(name) || !assemblies.TryGetValue(name, out var path))
        {
            return null; // the default context: the tool's copy, the shared framework, or a failure naming the assembly
        }

        return LoadFromAssemblyPath(path);
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        foreach (var folder in nativeFolders)
        {
            foreach (var file in NativeFileNames(unmanagedDllName))
            {
                var path = Path.Combine(folder, file);
                if (File.Exists(path))
                {
                    return LoadUnmanagedDllFromPath(path);
                }
            }
        }

        return IntPtr.Zero;
    }

    // "onnxruntime" is libonnxruntime.so on Linux, libonnxruntime.dylib on macOS, onnxruntime.dll on Windows.
    private static IEnumerable<string> NativeFileNames(string name)
    {
        yield return name;
        var (prefix, suffix) = OperatingSystem.IsWindows() ? (string.Empty, ".dll") : OperatingSystem.IsMacOS() ? ("lib", ".dylib") : ("lib", ".so");
        if (!name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            yield return name + suffix;
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return prefix + name + suffix;
            }
        }
    }
}
