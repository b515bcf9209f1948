using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline;

/// <summary>JSON settings and validation for meta.json.</summary>
internal static class MetaJson
{
    private static readonly JsonSerializerOptions Options = Serialization.CoreJsonContext.Resolving(new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly JsonTypeInfo<ModelMeta> MetaInfo = Serialization.CoreJsonContext.Info<ModelMeta>(Options);

    /// <summary>Parses meta.json text; <paramref name="requireIdentity"/> false lets lang, name and version be missing (for packaging, which reports them itself).</summary>
    public static ModelMeta Parse(string json, string source, bool requireIdentity = true)
    {
        var meta = MetaDocumentReader.TryRead(json);
        try
        {
            meta ??= Deserialize(json);
        }
        catch (JsonException e)
        {
            if (FieldOfWrongKind(json) is { } wrong)
            {
                throw Errors.MetaField(source, wrong.Field, $"must be {wrong.Expected}");
            }

            var where = e.Path is null ? string.Empty : $" at {e.Path}";
            var line = e.LineNumber is null ? string.Empty : $", line {e.LineNumber + 1}";
            throw Errors.MetaUnreadable(source, $"{FirstSentence(e.Message)}{where}{line}", e);
        }

        if (meta is null)
        {
            throw Errors.MetaUnreadable(source, "the file holds null, not an object");
        }

        meta.Lang ??= string.Empty;
        meta.Name ??= string.Empty;
        meta.Version ??= string.Empty;
        if (requireIdentity)
        {
            Require(source, "lang", meta.Lang);
            Require(source, "name", meta.Name);
            Require(source, "version", meta.Version);
        }

        meta.Sources ??= [];
        meta.Pipeline ??= [];
        meta.Labels ??= [];
        meta.Accuracy ??= [];
        meta.Speed ??= [];
        meta.Requirements ??= [];
        meta.Extra ??= [];
        RequireFinite(source, "accuracy", meta.Accuracy);
        RequireFinite(source, "speed", meta.Speed);
        if (meta.Pipeline.Any(string.IsNullOrWhiteSpace))
        {
            throw Errors.MetaField(source, "pipeline", "contains an empty component name");
        }

        return meta;
    }

    /// <summary>Reads meta.json text with the serializer alone (what <see cref="MetaDocumentReader"/> must agree with).</summary>
    internal static ModelMeta? Deserialize(string json) => JsonSerializer.Deserialize(json, MetaInfo);

    public static string Write(ModelMeta meta) => JsonSerializer.Serialize(meta, MetaInfo) + "\n";

    // JSON numbers too large for a double (1e400) are read as infinity; written back they are not JSON at all.
    private static void RequireFinite(string source, string field, Dictionary<string, double> values)
    {
        foreach (var (key, value) in values)
        {
            if (!double.IsFinite(value))
            {
                throw Errors.MetaNotFinite(source, $"{field}.{key}", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static void Require(string source, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Errors.MetaField(source, field, "is missing or empty; meta.json needs \"lang\", \"name\" and \"version\"");
        }
    }

    // When the text is valid JSON but a known field has the wrong kind of value (a string for the pipeline, say), that
    // field and what it must be; null otherwise. Only called once deserialization failed.
    private static (string Field, string Expected)? FieldOfWrongKind(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                var expected = property.Name switch
                {
                    "lang" or "name" or "version" or "framework_version" or "description" or "author" or "email" or "url" or "license"
                        => value.ValueKind is JsonValueKind.String or JsonValueKind.Null ? null : "a string",
                    "pipeline" => IsArrayOf(value, JsonValueKind.String) ? null : "a list of component names, e.g. [\"tagger\", \"parser\"]",
                    "labels" => IsObjectOf(value, v => IsArrayOf(v, JsonValueKind.String)) ? null
                        : "an object that maps each component name to a list of label strings, e.g. {\"tagger\": [\"NOUN\", \"VERB\"]}",
                    "accuracy" or "speed" => IsObjectOf(value, v => v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out _)) ? null
                        : "an object that maps names to numbers, e.g. {\"upos\": 95.1}",
                    _ => null,
                };
                if (expected is not null)
                {
                    return (property.Name, expected);
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsArrayOf(JsonElement value, JsonValueKind kind) =>
        value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == kind));

    private static bool IsObjectOf(JsonElement value, Func<JsonElement, bool> valid) =>
        value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(p => valid(p.Value)));

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
