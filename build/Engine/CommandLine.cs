namespace Pipeline.Build.Engine;

/// <summary>
/// The parsed command line: <c>[targets...] [--target t...] [--skip [t...]] [--plan] [--help] [--continue]
/// [--parameter value...]</c>. Parameter names match case-insensitively, with or without dashes
/// (<c>--api-key</c>, <c>--ApiKey</c>); a parameter takes the values up to the next option.
/// </summary>
public sealed class CommandLine
{
    private CommandLine()
    {
    }

    /// <summary>The targets asked for (positional or after <c>--target</c>).</summary>
    public List<string> Targets { get; } = [];

    /// <summary>Targets to skip; empty when <c>--skip</c> came without names (skip all but the invoked ones); null without <c>--skip</c>.</summary>
    public List<string>? Skip { get; private set; }

    /// <summary>Print the plan and stop.</summary>
    public bool Plan { get; private set; }

    /// <summary>Print the help and stop.</summary>
    public bool Help { get; private set; }

    /// <summary>After a failure, still run the targets that do not depend on the failed one.</summary>
    public bool Continue { get; private set; }

    /// <summary>Parameter values by normalized name, with the option as the user wrote it.</summary>
    public Dictionary<string, (string Option, List<string> Values)> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Lower case without dashes and underscores: the form names are compared in.</summary>
    public static string Normalize(string name) =>
        new(name.Where(c => c is not ('-' or '_')).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Parses <paramref name="args"/>.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        List<string>? current = result.Targets;
        foreach (var arg in args)
        {
            if (arg is "-h" or "-?" or "--help" or "/?")
            {
                result.Help = true;
                current = null;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                if (current is null)
                {
                    throw new BuildException($"'{arg}' follows an option that takes no value; targets come first, e.g. ./build.sh Train --models en_core_web_sm.");
                }

                current.AddRange(arg.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                continue;
            }

            var name = arg[2..];
            string? inline = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }

            current = result.Option(arg, Normalize(name));
            if (inline is not null)
            {
                if (current is null)
                {
                    throw new BuildException($"{arg}: --{name} takes no value.");
                }

                current.AddRange(inline.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return result;
    }

    private List<string>? Option(string arg, string key)
    {
        switch (key)
        {
            case "target":
                return Targets;
            case "skip":
                Skip ??= [];
                return Skip;
            case "plan":
                Plan = true;
                return null;
            case "help":
                Help = true;
                return null;
            case "continue":
                Continue = true;
                return null;
            default:
                if (Values.ContainsKey(key))
                {
                    throw new BuildException($"{arg} is given twice; give it once (lists take several values: --models a b).");
                }

                var values = new List<string>();
                Values[key] = (arg.Split('=')[0], values);
                return values;
        }
    }
}
