using System.Text.Json;

namespace Pipeline;

/// <summary>
/// Reads a well-formed meta.json through <see cref="JsonDocument"/> instead of the serializer: loading a model
/// then skips the serializer's first-use cost (tens of milliseconds of a cold start). Anything unusual (a value of
/// the wrong kind, a null, a repeated key, text that is not JSON) gives null, and the serializer reads the file
/// instead, with its exact errors; for every file this reader accepts, both give the same <see cref="ModelMeta"/>.
/// </summary>
internal static class MetaDocumentReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The meta of <paramref name="json"/>, or null when the serializer must read it.</summary>
    public static ModelMeta? TryRead(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Read(document.RootElement) : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static ModelMeta? Read(JsonElement root)
    {
        var meta = new ModelMeta();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            if (!seen.Add(property.Name) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var read = property.Name switch
            {
                "lang" => String(value, v => meta.Lang = v),
                "name" => String(value, v => meta.Name = v),
                "version" => String(value, v => meta.Version = v),
                "framework_version" => String(value, v => meta.FrameworkVersion = v),
                "description" => String(value, v => meta.Description = v),
                "author" => String(value, v => meta.Author = v),
                "email" => String(value, v => meta.Email = v),
                "url" => String(value, v => meta.Url = v),
                "license" => String(value, v => meta.License = v),
                "sources" => Sources(value, meta.Sources),
                "pipeline" => Strings(value, meta.Pipeline),
                "labels" => Labels(value, meta.Labels),
                "accuracy" => Numbers(value, meta.Accuracy),
                "speed" => Numbers(value, meta.Speed),
                "requirements" => Requirements(value, meta.Requirements),
                _ => Extra(property, meta.Extra),
            };
            if (!read)
            {
                return null;
            }
        }

        return meta;
    }

    private static bool String(JsonElement value, Action<string> set)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        set(value.GetString()!);
        return true;
    }

    private static bool Strings(JsonElement value, List<string> into)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            into.Add(item.GetString()!);
        }

        return true;
    }

    private static bool Labels(JsonElement value, Dictionary<string, List<string>> into)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var component in value.EnumerateObject())
        {
            var labels = new List<string>();
            if (into.ContainsKey(component.Name) || !Strings(component.Value, labels))
            {
                return false;
            }

            into[component.Name] = labels;
        }

        return true;
    }

    private static bool Numbers(JsonElement value, Dictionary<string, double> into)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetDouble(out var number)
                || !double.IsFinite(number) || !into.TryAdd(entry.Name, number))
            {
                return false;
            }
        }

        return true;
    }

    // As ModelSourceConverter: a string is a name; an object's string fields are read, anything else in it ignored.
    private static bool Sources(JsonElement value, List<ModelSource> into)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in value.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    into.Add(new ModelSource { Name = item.GetString()! });
                    break;
                case JsonValueKind.Object:
                    into.Add(new ModelSource
                    {
                        Name = Field(item, "name") ?? string.Empty,
                        Url = Field(item, "url"),
                        License = Field(item, "license"),
                        Author = Field(item, "author"),
                    });
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    // The last string value of a key, as the converter's reading loop keeps; null when the last one is not a string.
    private static string? Field(JsonElement item, string key)
    {
        string? found = null;
        foreach (var property in item.EnumerateObject())
        {
            if (property.NameEquals(key))
            {
                found = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            }
        }

        return found;
    }

    private static bool Requirements(JsonElement value, List<string> into)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in value.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    into.Add(item.GetString()!);
                    break;
                case JsonValueKind.Object:
                    into.Add(RequirementListConverter.FromObject(item));
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool Extra(JsonProperty property, Dictionary<string, JsonElement> into)
    {
        into[property.Name] = property.Value.Clone();
        return true;
    }
}
