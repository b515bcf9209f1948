using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Pipeline.Components;

/// <summary>
/// Reads typed settings from a factory config, which may come from C# code (bool, string, string[]) or from
/// JSON (<see cref="JsonElement"/>). A value of the wrong type is reported as E022 naming the key.
/// </summary>
internal static class ConfigValues
{
    public static bool GetBool(IReadOnlyDictionary<string, object?> config, string component, string key, bool fallback)
    {
        if (!config.TryGetValue(key, out var value) || value is null)
        {
            return fallback;
        }

        return value switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.False } => false,
            _ => throw Errors.BadConfig(component, key, $"must be true or false, not {Describe(value)}"),
        };
    }

    public static string? GetString(IReadOnlyDictionary<string, object?> config, string component, string key)
    {
        if (!config.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            _ => throw Errors.BadConfig(component, key, $"must be a string, not {Describe(value)}"),
        };
    }

    /// <summary>A number given as any .NET number, an invariant-culture string, or a JSON number.</summary>
    public static double GetDouble(IReadOnlyDictionary<string, object?> config, string component, string key, double fallback)
    {
        if (!config.TryGetValue(key, out var value) || value is null)
        {
            return fallback;
        }

        return value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            decimal m => (double)m,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
            _ => throw Errors.BadConfig(component, key, $"must be a number, not {Describe(value)}"),
        };
    }

    /// <summary>A list of strings given as string[], any IEnumerable of strings, or a JSON array of strings.</summary>
    public static List<string>? GetStringList(IReadOnlyDictionary<string, object?> config, string component, string key)
    {
        if (!config.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        var result = new List<string>();
        switch (value)
        {
            case string:
                throw Errors.BadConfig(component, key, "must be a list of strings, not a single string");
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    result.Add(item.ValueKind == JsonValueKind.String
                        ? item.GetString()!
                        : throw Errors.BadConfig(component, key, $"must be a list of strings; item {result.Count} is {item.ValueKind}"));
                }

                break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    result.Add(item switch
                    {
                        string s => s,
                        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
                        _ => throw Errors.BadConfig(component, key, $"must be a list of strings; item {result.Count} is {Describe(item)}"),
                    });
                }

                break;
            default:
                throw Errors.BadConfig(component, key, $"must be a list of strings, not {Describe(value)}");
        }

        return result;
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        JsonElement e => $"JSON {e.ValueKind}",
        string s => $"\"{s}\"",
        _ => value.GetType().Name,
    };
}
