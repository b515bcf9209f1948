using System.Reflection;
using System.Text.Json;

namespace Pipeline.Registry.Plugins;

/// <summary>Turns a <see cref="PipelineLookupsAttribute"/> into lazily loaded <see cref="LookupTables"/>.</summary>
internal static class PluginLookups
{
    private const string Suffix = ".json";

    public static (LookupTables? Tables, Func<PipelineException>? Error) Create(PipelineLookupsAttribute attribute, Assembly assembly, string assemblyName)
    {
        var name = attribute.Name;
        if (attribute.ProviderType is { } type)
        {
            if (type.IsAbstract || !typeof(ILookupsProvider).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is not { } ctor)
            {
                return (null, () => Errors.PluginTypeInvalid("lookup tables", name, type.FullName ?? type.Name, assemblyName,
                    "is not an ILookupsProvider class with a public parameterless constructor"));
            }

            return (new LookupTables(name, () => ((ILookupsProvider)PluginScanner.Invoke(ctor, [])).GetTables()), null);
        }

        if (string.IsNullOrEmpty(attribute.ResourcePrefix))
        {
            return (null, () => Errors.PluginTypeInvalid("lookup tables", name, "(none)", assemblyName,
                "gives neither a provider type nor a ResourcePrefix of embedded resources"));
        }

        var prefix = attribute.ResourcePrefix;
        return (new LookupTables(name, () => ReadResources(assembly, assemblyName, prefix)), null);
    }

    /// <summary>Each resource <c>prefix + table + ".json"</c> is one table: a JSON object of strings.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadResources(Assembly assembly, string assemblyName, string prefix)
    {
        var tables = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(Suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var table = resource[prefix.Length..^Suffix.Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            tables[table] = ReadTable(stream, $"assembly '{assemblyName}', resource '{resource}'");
        }

        return tables;
    }

    internal static Dictionary<string, string> ReadTable(Stream stream, string source)
    {
        try
        {
            using var json = JsonDocument.Parse(stream);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Errors.LookupsUnreadable(source, $"the root is {json.RootElement.ValueKind}");
            }

            var table = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                table[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : throw Errors.LookupsUnreadable(source, $"the value of \"{property.Name}\" is {property.Value.ValueKind}");
            }

            return table;
        }
        catch (JsonException e)
        {
            throw Errors.LookupsUnreadable(source, e.Message, e);
        }
    }
}
