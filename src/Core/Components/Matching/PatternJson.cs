using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Components.Matching;

/// <summary>
/// Reads and writes entity patterns in the spaCy-compatible JSON shapes, one object per line of a JSONL file:
/// <c>{"label": "ORG", "pattern": "Apple"}</c> or <c>{"label": "GPE", "pattern": [{"LOWER": "paris"}], "id": "paris"}</c>.
/// </summary>
internal static class PatternJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 32 };

    /// <summary>The pattern as one line of JSON (no trailing newline).</summary>
    public static string Serialize(EntityPattern pattern)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, pattern);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The patterns as JSONL text, one line each, every line ending in a newline.</summary>
    public static string ToJsonl(IEnumerable<EntityPattern> patterns)
    {
        var builder = new StringBuilder();
        foreach (var pattern in patterns)
        {
            builder.Append(Serialize(pattern)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Parses one JSON object; invalid JSON or shape is reported through <paramref name="fail"/>.</summary>
    public static EntityPattern ParseLine(string json, PatternFailure fail)
    {
        try
        {
            using var document = JsonDocument.Parse(json, ReaderOptions);
            return FromElement(document.RootElement, fail);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw fail("json", $"is not valid JSON ({e.Message})");
        }
    }

    /// <summary>
    /// Parses JSONL text, skipping blank lines. <paramref name="lineFail"/> builds the error for a bad line from its
    /// 1-based number and a description.
    /// </summary>
    public static List<(EntityPattern Pattern, int Line)> ParseJsonl(string text, Func<int, string, Exception?, Exception> lineFail)
    {
        var result = new List<(EntityPattern, int)>();
        var lineNumber = 0;
        foreach (var raw in text.AsSpan().TrimStart('\uFEFF').EnumerateLines())
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var number = lineNumber;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line.ToString(), ReaderOptions);
            }
            catch (JsonException e)
            {
                throw lineFail(number, $"invalid JSON ({e.Message})", e);
            }

            using (document)
            {
                try
                {
                    result.Add((FromElement(document.RootElement, (field, problem) => lineFail(number, $"field '{field}' {problem}", null)), number));
                }
                catch (InvalidOperationException e)
                {
                    throw lineFail(number, $"unreadable JSON text ({e.Message})", e);
                }
            }
        }

        return result;
    }

    /// <summary>Reads the pattern shape from a JSON object.</summary>
    public static EntityPattern FromElement(JsonElement root, PatternFailure fail)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw fail("(pattern)", $"must be a JSON object, not {root.ValueKind}");
        }

        var label = root.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String
            ? l.GetString()!
            : throw fail("label", "is missing or not a string");
        string? id = null;
        if (root.TryGetProperty("id", out var i) && i.ValueKind != JsonValueKind.Null)
        {
            id = i.ValueKind == JsonValueKind.String ? i.GetString() : throw fail("id", $"must be a string, not {i.ValueKind}");
        }

        if (!root.TryGetProperty("pattern", out var pattern))
        {
            throw fail("pattern", "is missing");
        }

        switch (pattern.ValueKind)
        {
            case JsonValueKind.String:
                return new EntityPattern(label, pattern.GetString()!, id);
            case JsonValueKind.Array:
                var specs = new List<IReadOnlyDictionary<string, object?>>();
                foreach (var spec in pattern.EnumerateArray())
                {
                    specs.Add(PatternValues.CanonicalSpec(spec, $"pattern[{specs.Count}]", fail));
                }

                return new EntityPattern(label, specs, id);
            default:
                throw fail("pattern", $"must be a phrase string or a list of token specs, not {pattern.ValueKind}");
        }
    }

    /// <summary>Writes one pattern object.</summary>
    public static void Write(Utf8JsonWriter writer, EntityPattern pattern)
    {
        PatternFailure fail = (field, problem) => Errors.InvalidEntityPattern($"(label '{pattern.Label}')", field, problem);
        writer.WriteStartObject();
        writer.WriteString("label", pattern.Label);
        if (pattern.Phrase is not null)
        {
            writer.WriteString("pattern", pattern.Phrase);
        }
        else
        {
            writer.WritePropertyName("pattern");
            writer.WriteStartArray();
            for (var t = 0; t < pattern.Tokens!.Count; t++)
            {
                WriteValue(writer, PatternValues.CanonicalSpec(pattern.Tokens[t], $"pattern[{t}]", fail));
            }

            writer.WriteEndArray();
        }

        if (pattern.Id is not null)
        {
            writer.WriteString("id", pattern.Id);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case Dictionary<string, object?> dict:
                writer.WriteStartObject();
                foreach (var (key, item) in dict)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"non-canonical pattern value {value.GetType()}"));
        }
    }
}
