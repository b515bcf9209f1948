using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Pipeline.Components.Matching;

/// <summary>
/// Brings token-spec values from C# (string[], int, Dictionary...) or JSON (<see cref="JsonElement"/>) into one
/// canonical shape: string, bool, long, double, null, <c>List&lt;object?&gt;</c> and
/// <c>Dictionary&lt;string, object?&gt;</c>. Patterns are stored, compiled and saved in that shape.
/// </summary>
internal static class PatternValues
{
    private const int MaxDepth = 8;

    public static Dictionary<string, object?> CanonicalSpec(object? spec, string field, PatternFailure fail) =>
        Canonical(spec, field, fail, 0) as Dictionary<string, object?>
            ?? throw fail(field, $"must be an object of attribute names to values, not {Describe(spec)}");

    public static object? Canonical(object? value, string field, PatternFailure fail, int depth)
    {
        if (depth > MaxDepth)
        {
            throw fail(field, $"nests deeper than {MaxDepth} levels");
        }

        switch (value)
        {
            case double d when !double.IsFinite(d):
                throw fail(field, "is not a finite number");
            case null or string or bool or long or double:
                return value;
            case int or short or sbyte or byte or ushort or uint:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case ulong u:
                return u <= long.MaxValue ? (long)u : throw fail(field, "is too large");
            case float or decimal:
                return Canonical(Convert.ToDouble(value, CultureInfo.InvariantCulture), field, fail, depth);
            case JsonElement element:
                return FromJson(element, field, fail, depth);
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, item) in pairs)
                {
                    dict[key] = Canonical(item, $"{field}.{key}", fail, depth + 1);
                }

                return dict;
            case IDictionary legacy:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in legacy)
                {
                    var key = entry.Key as string ?? throw fail(field, "has a key that is not a string");
                    map[key] = Canonical(entry.Value, $"{field}.{key}", fail, depth + 1);
                }

                return map;
            case IEnumerable items:
                var list = new List<object?>();
                foreach (var item in items)
                {
                    list.Add(Canonical(item, $"{field}[{list.Count}]", fail, depth + 1));
                }

                return list;
            default:
                throw fail(field, $"has a value of type {value.GetType().Name}, which patterns cannot hold");
        }
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        long or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        List<object?> => "a list",
        Dictionary<string, object?> => "an object",
        _ => value.GetType().Name,
    };

    private static object? FromJson(JsonElement element, string field, PatternFailure fail, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                return element.TryGetInt64(out var l) ? l
                    : element.TryGetDouble(out var d) ? d
                    : throw fail(field, "holds a number out of range");
            case JsonValueKind.Array:
                var list = new List<object?>();
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(Canonical(item, $"{field}[{list.Count}]", fail, depth + 1));
                }

                return list;
            case JsonValueKind.Object:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    dict[property.Name] = Canonical(property.Value, $"{field}.{property.Name}", fail, depth + 1);
                }

                return dict;
            default:
                throw fail(field, $"holds an unsupported JSON value ({element.ValueKind})");
        }
    }
}
