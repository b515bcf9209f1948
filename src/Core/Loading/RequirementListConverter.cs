using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline;

/// <summary>
/// Reads meta.json "requirements" whose entries are strings (<c>"Snek&gt;=1.0"</c>) or objects
/// (<c>{"name": "Snek", "version": "1.0"}</c>), keeping each as one string: a plain object version becomes a
/// minimum (<c>Snek&gt;=1.0</c>), an operator or NuGet range is kept as written. Writes strings.
/// </summary>
internal sealed class RequirementListConverter : JsonConverter<List<string>>
{
    public override List<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("\"requirements\" must be an array of strings or {\"name\", \"version\"} objects");
        }

        var result = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    result.Add(reader.GetString()!);
                    break;
                case JsonTokenType.StartObject:
                    using (var entry = JsonDocument.ParseValue(ref reader))
                    {
                        result.Add(FromObject(entry.RootElement));
                    }

                    break;
                default:
                    throw new JsonException($"a \"requirements\" entry is {reader.TokenType}; use a string or a {{\"name\", \"version\"}} object");
            }
        }

        return result;
    }

    public override void Write(Utf8JsonWriter writer, List<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    internal static string FromObject(JsonElement entry)
    {
        var name = entry.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
        if (name.Length == 0)
        {
            throw new JsonException("a \"requirements\" object needs a \"name\" string");
        }

        if (!entry.TryGetProperty("version", out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return name;
        }

        var version = v.ValueKind == JsonValueKind.String
            ? v.GetString()!.Trim()
            : throw new JsonException($"the \"version\" of requirement '{name}' must be a string");
        return version.Length == 0 ? name
            : version[0] is '[' or '(' ? $"{name} {version}"
            : version[0] is '>' or '<' or '=' or '~' or '!' ? name + version
            : $"{name}>={version}";
    }
}
