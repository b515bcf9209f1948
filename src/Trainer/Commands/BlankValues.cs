using System.CommandLine;
using System.CommandLine.Parsing;

namespace Pipeline.Trainer.Commands;

/// <summary>
/// Refuses empty or all-space values (<c>-o ''</c>) of a command's arguments and options with error E027 naming
/// them, before the command does any work; otherwise they surface deep inside as framework exceptions.
/// </summary>
internal static class BlankValues
{
    /// <summary>Throws E027 for the first blank value given on the command line, except for <paramref name="allowed"/>.</summary>
    public static void Reject(ParseResult result, params Symbol[] allowed)
    {
        foreach (var child in result.CommandResult.Children)
        {
            var (symbol, name) = child switch
            {
                ArgumentResult a => ((Symbol?)a.Argument, $"<{a.Argument.Name}>"),
                OptionResult o => (o.Option, o.Option.Name),
                _ => (null, string.Empty),
            };
            if (symbol is null || allowed.Contains(symbol))
            {
                continue;
            }

            if (child.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            {
                throw TrainerErrors.EmptyArgument(name);
            }
        }
    }
}
