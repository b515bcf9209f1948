using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Pipeline.Trainer.Commands;

/// <summary>
/// Optional whole-number options whose parse errors say what is expected (the allowed range) instead of naming a
/// CLR type. Values inside the type but below what the setting allows are left to the runner, which names the
/// setting with a coded error.
/// </summary>
internal static class NumberOptions
{
    /// <summary>A positive int option (counts such as epochs, sentences, threads).</summary>
    public static Option<int?> Int(string name, string alias, string description) => new(name, alias)
    {
        Description = description,
        CustomParser = result => Parse<int>(result, name, s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null, $"a whole number from 1 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}"),
    };

    /// <summary>A non-negative 64-bit option (a seed).</summary>
    public static Option<ulong?> ULong(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse<ulong>(result, name, s => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (ulong?)null, $"a whole number from 0 to {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}"),
    };

    private static T? Parse<T>(ArgumentResult result, string name, Func<string, T?> parse, string expected)
        where T : struct
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (parse(text) is { } value)
        {
            return value;
        }

        var digits = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        var integer = digits.Length > 0 && digits.All(char.IsAsciiDigit);
        result.AddError(integer ? $"{name} {text} is out of range: it takes {expected}." : $"{name} takes {expected}, not '{text}'.");
        return null;
    }
}
