using System.Collections;
using System.Globalization;

namespace Pipeline.Build.Engine;

/// <summary>Writes <c>--help</c> (targets with their dependencies, parameters with descriptions and defaults) and <c>--plan</c>.</summary>
public static class HelpWriter
{
    /// <summary>Writes the help for <paramref name="build"/>.</summary>
    public static void Write(TextWriter output, BuildBase build, TargetGraph graph, string defaultTarget)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(graph);
        output.WriteLine("Usage: ./build.sh [targets...] [--parameter value...] [--skip [targets...]] [--plan] [--continue] [--help]");
        output.WriteLine();
        output.WriteLine("Targets (default marked ->):");
        var width = graph.Targets.Max(t => t.Name.Length) + 2;
        foreach (var target in graph.Targets)
        {
            var marker = target.Name == defaultTarget ? "->" : "  ";
            output.WriteLine($"  {marker} {target.Name.PadRight(width)}{target.Text}");
            var links = new List<string>();
            if (target.Dependencies.Count > 0)
            {
                links.Add("depends on " + string.Join(", ", target.Dependencies));
            }

            if (target.RunsAfter.Count > 0)
            {
                links.Add("after " + string.Join(", ", target.RunsAfter));
            }

            if (target.RunsBefore.Count > 0)
            {
                links.Add("before " + string.Join(", ", target.RunsBefore));
            }

            if (target.RequiredParameters.Count > 0)
            {
                links.Add("requires " + string.Join(", ", target.RequiredParameters));
            }

            if (target.Products.Count > 0)
            {
                links.Add("produces " + string.Join(", ", target.Products.Select(p => Path.IsPathRooted(p) ? Path.GetRelativePath(build.RootDirectory, p) : p)));
            }

            if (links.Count > 0)
            {
                output.WriteLine($"     {new string(' ', width)}({string.Join("; ", links)})");
            }
        }

        output.WriteLine();
        output.WriteLine("Parameters (command line, then environment variable, then .nuke/parameters.json):");
        var parameters = ParameterBinder.Describe(build.GetType());
        var optionWidth = parameters.Max(p => p.Option.Length + p.TypeName.Length + 3) + 2;
        foreach (var parameter in parameters)
        {
            var head = $"{parameter.Option} <{parameter.TypeName}>";
            var value = parameter.Attribute.Secret ? "secret" : "default: " + Show(parameter.GetValue(build));
            output.WriteLine($"  {head.PadRight(optionWidth)}{parameter.Attribute.Description} ({value}; env {parameter.EnvironmentVariable})");
        }

        output.WriteLine();
        output.WriteLine("  --skip [targets]     skip the named targets, or with no names every target not named on the command line");
        output.WriteLine("  --plan               print the execution plan and stop");
        output.WriteLine("  --continue           after a failure, still run the targets that do not depend on it");
    }

    /// <summary>Writes the execution plan: the targets in order with what they depend on, skipped ones marked.</summary>
    public static void WritePlan(TextWriter output, IReadOnlyList<TargetDefinition> plan, IReadOnlySet<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(skipped);
        output.WriteLine("Execution plan:");
        var width = plan.Count == 0 ? 0 : plan.Max(t => t.Name.Length) + 2;
        for (var i = 0; i < plan.Count; i++)
        {
            var target = plan[i];
            var notes = new List<string>();
            if (target.Dependencies.Count > 0)
            {
                notes.Add("depends on " + string.Join(", ", target.Dependencies));
            }

            if (skipped.Contains(target.Name))
            {
                notes.Add("SKIPPED (--skip)");
            }

            if (target.Conditions.Count > 0)
            {
                notes.Add("only when " + string.Join(" and ", target.Conditions.Select(c => c.Reason)));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i + 1,2}. {target.Name.PadRight(width)}{string.Join("; ", notes)}").TrimEnd());
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "none",
        string { Length: 0 } => "none",
        string s => s,
        bool b => b ? "true" : "false",
        IEnumerable items => items.Cast<object>().Any() ? string.Join(",", items.Cast<object>()) : "none",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "none",
    };
}
