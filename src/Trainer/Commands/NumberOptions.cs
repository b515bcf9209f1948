using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Pipeline.Trainer.Commands;

/// <summary>Optional whole-number options whose parse errors say what is expected instead of naming a CLR type.</summary>
internal static class NumberOptions
{
    public static Option<int?> Int(string name, string alias, string description) => new(name, alias)
    {
        Description = description,
        CustomParser = result => Parse<int>(result, name, s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null, "a whole number"),
    };

    public static Option<ulong?> ULong(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse<ulong>(result, name, s => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (ulong?)null, "a whole number from 0"),
    };

    private static T? Parse<T>(ArgumentResult result, string name, Func<string, T?> parse, string expected)
        where T : struct
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (parse(text) is { } value)
        {
            return value;
        }

        result.AddError($"{name} takes {expected}, not '{text}'.");
        return null;
    }
}
