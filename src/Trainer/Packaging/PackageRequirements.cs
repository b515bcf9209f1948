using System.Text.RegularExpressions;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// Turns meta.json "requirements" into the NuGet dependencies of a model package, so that an app referencing the
/// model also gets the plugin packages its pipeline needs. Accepted entries: <c>"Snek"</c> (any version),
/// <c>"Snek 1.0"</c> or <c>"Snek&gt;=1.0"</c> (at least 1.0), <c>"Snek==1.0"</c> (exactly), <c>"Snek&gt;1.0"</c>,
/// <c>"Snek&lt;2.0"</c>, <c>"Snek&lt;=2.0"</c>, combinations such as <c>"Snek&gt;=1.0,&lt;2.0"</c>,
/// <c>"Snek~=1.4"</c> (1.4 up to, not including, 2.0), a NuGet range <c>"Snek [1.0, 2.0)"</c>, and objects
/// <c>{"name": "Snek", "version": "1.0"}</c>. A bad entry or an id listed twice is error E144.
/// </summary>
public static partial class PackageRequirements
{
    /// <summary>The dependencies listed by the meta.json at <paramref name="metaPath"/>.</summary>
    public static IReadOnlyList<PackageDependency> FromMetaFile(string metaPath) => FromMeta(ModelMeta.Read(metaPath), metaPath);

    /// <summary>The dependencies listed by <paramref name="meta"/>; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<PackageDependency> FromMeta(ModelMeta meta, string source = "meta.json")
    {
        ArgumentNullException.ThrowIfNull(meta);
        var result = new List<PackageDependency>();
        foreach (var requirement in meta.Requirements)
        {
            var dependency = Parse(requirement, source);
            if (result.Exists(d => string.Equals(d.Id, dependency.Id, StringComparison.OrdinalIgnoreCase)))
            {
                throw TrainerErrors.InvalidRequirement(source, $"'{requirement}'", $"lists package '{dependency.Id}' a second time; merge the entries");
            }

            result.Add(dependency);
        }

        return result;
    }

    /// <summary>Parses one requirement string into a package id and a NuGet version range.</summary>
    public static PackageDependency Parse(string requirement, string source = "meta.json")
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var text = requirement.Trim();
        var idMatch = IdPrefix().Match(text);
        if (!idMatch.Success)
        {
            throw TrainerErrors.InvalidRequirement(source, $"'{requirement}'", "does not start with a NuGet package id");
        }

        var id = idMatch.Value;
        var rest = text[id.Length..].Trim();
        if (rest.Length == 0)
        {
            return new PackageDependency(id, null);
        }

        string Fail(string problem) => throw TrainerErrors.InvalidRequirement(source, $"'{requirement}'", problem);

        if (rest[0] is '[' or '(')
        {
            return new PackageDependency(id, NuGetRange(rest) ?? Fail("has an invalid NuGet version range"));
        }

        if (Version().IsMatch(rest))
        {
            return new PackageDependency(id, $"[{rest}, )");
        }

        string? lower = null, upper = null;
        bool lowerInclusive = false, upperInclusive = false;
        foreach (var part in rest.Split(',', StringSplitOptions.TrimEntries))
        {
            var m = Constraint().Match(part);
            if (!m.Success)
            {
                Fail($"has a version constraint '{part}' that is not one of >=, >, ==, <=, < or ~= followed by a version");
            }

            var op = m.Groups["op"].Value;
            var version = m.Groups["version"].Value;
            switch (op)
            {
                case "==":
                    if (rest.Contains(',', StringComparison.Ordinal))
                    {
                        Fail("combines == with other constraints");
                    }

                    return new PackageDependency(id, $"[{version}]");
                case ">=" or ">":
                    (lower, lowerInclusive) = lower is null ? (version, op == ">=") : (Fail("has two lower bounds"), false);
                    break;
                case "<=" or "<":
                    (upper, upperInclusive) = upper is null ? (version, op == "<=") : (Fail("has two upper bounds"), false);
                    break;
                default: // ~=: at least the version, below the next release of its second-to-last part.
                    var pieces = version.Split('-')[0].Split('.');
                    if (pieces.Length < 2 || lower is not null || upper is not null)
                    {
                        Fail("uses ~= with a single-part version or with other bounds");
                    }

                    (lower, lowerInclusive) = (version, true);
                    var bumped = pieces[..^1];
                    bumped[^1] = (long.Parse(bumped[^1], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    (upper, upperInclusive) = (string.Join('.', bumped) + (bumped.Length == 1 ? ".0" : string.Empty), false);
                    break;
            }
        }

        var range = $"{(lowerInclusive ? '[' : '(')}{lower ?? string.Empty}, {upper ?? string.Empty}{(upperInclusive ? ']' : ')')}";
        return new PackageDependency(id, range);
    }

    /// <summary>Validates a NuGet range such as "[1.0, 2.0)", "(, 2.0]" or "[1.0]" and normalizes its spacing.</summary>
    private static string? NuGetRange(string text)
    {
        var m = Range().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var open = m.Groups["open"].Value;
        var close = m.Groups["close"].Value;
        var lower = m.Groups["lower"].Value;
        var upper = m.Groups["upper"].Value;
        if (!m.Groups["comma"].Success)
        {
            return open == "[" && close == "]" && lower.Length > 0 ? $"[{lower}]" : null;
        }

        return lower.Length == 0 && upper.Length == 0 ? null : $"{open}{lower}, {upper}{close}";
    }

    [GeneratedRegex(@"^[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*")]
    private static partial Regex IdPrefix();

    [GeneratedRegex(@"^\d+(?:\.\d+){0,3}(?:-[0-9A-Za-z.-]+)?$")]
    private static partial Regex Version();

    [GeneratedRegex(@"^(?<op>>=|<=|==|~=|>|<)\s*(?<version>\d+(?:\.\d+){0,3}(?:-[0-9A-Za-z.-]+)?)$")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"^(?<open>[\[(])\s*(?<lower>\d+(?:\.\d+){0,3}(?:-[0-9A-Za-z.-]+)?)?\s*(?<comma>,)?\s*(?<upper>\d+(?:\.\d+){0,3}(?:-[0-9A-Za-z.-]+)?)?\s*(?<close>[\])])$")]
    private static partial Regex Range();
}
