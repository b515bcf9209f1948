using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline;

/// <summary>JSON settings and validation for meta.json.</summary>
internal static class MetaJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses meta.json text; <paramref name="requireIdentity"/> false lets lang, name and version be missing (for packaging, which reports them itself).</summary>
    public static ModelMeta Parse(string json, string source, bool requireIdentity = true)
    {
        ModelMeta? meta;
        try
        {
            meta = JsonSerializer.Deserialize<ModelMeta>(json, Options);
        }
        catch (JsonException e)
        {
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
        if (meta.Pipeline.Any(string.IsNullOrWhiteSpace))
        {
            throw Errors.MetaField(source, "pipeline", "contains an empty component name");
        }

        return meta;
    }

    public static string Write(ModelMeta meta) => JsonSerializer.Serialize(meta, Options) + "\n";

    private static void Require(string source, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Errors.MetaField(source, field, "is missing or empty; meta.json needs \"lang\", \"name\" and \"version\"");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
