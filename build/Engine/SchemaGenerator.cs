using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Build.Engine;

/// <summary>
/// Generates <c>.nuke/build.schema.json</c>, the JSON schema of <c>.nuke/parameters.json</c>, from the declared
/// parameters (secrets are left out: they never belong in that file). Each run rewrites it when it is out of date.
/// </summary>
public static class SchemaGenerator
{
    /// <summary>The schema's file name under <c>.nuke/</c>.</summary>
    public const string FileName = "build.schema.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The schema text for the parameters of <paramref name="buildType"/>.</summary>
    public static string Generate(Type buildType, TargetGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var properties = new JsonObject { ["$schema"] = new JsonObject { ["type"] = "string" } };
        foreach (var parameter in ParameterBinder.Describe(buildType).Where(p => !p.Attribute.Secret))
        {
            var property = new JsonObject { ["description"] = parameter.Attribute.Description };
            var type = parameter.ValueType switch
            {
                var t when t == typeof(bool) => "boolean",
                var t when t == typeof(int) => "integer",
                var t when t == typeof(double) => "number",
                var t when t.IsArray => "array",
                _ => "string",
            };
            property["type"] = parameter.IsNullable ? new JsonArray(type, "null") : type;
            if (parameter.ValueType.IsArray)
            {
                property["items"] = new JsonObject { ["type"] = "string" };
            }

            if (parameter.ValueType.IsEnum)
            {
                property["enum"] = new JsonArray(Enum.GetNames(parameter.ValueType).Select(n => (JsonNode)n).ToArray());
            }

            if (!double.IsNaN(parameter.Attribute.Minimum))
            {
                property["minimum"] = parameter.Attribute.Minimum;
            }

            properties[parameter.Name] = property;
        }

        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Build parameters (.nuke/parameters.json); generated from the build's [Parameter] properties",
            ["description"] = "Targets: " + string.Join(", ", graph.Targets.Select(t => t.Name)),
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        return schema.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Writes the schema to <paramref name="path"/> when its folder exists and the text differs.</summary>
    public static void Update(Type buildType, TargetGraph graph, string path)
    {
        var text = Generate(buildType, graph);
        if (Directory.Exists(Path.GetDirectoryName(path)) && (!File.Exists(path) || File.ReadAllText(path) != text))
        {
            File.WriteAllText(path, text);
        }
    }
}
