using System.Reflection;

namespace Pipeline.Build.Engine;

/// <summary>
/// The targets a build class declares (properties of type <see cref="Target"/>, in declaration order) and the
/// execution plan for a set of invoked targets: their dependency closure in an order that respects DependsOn,
/// After and Before, ties broken by declaration order. A cycle is an error that names it.
/// </summary>
public sealed class TargetGraph
{
    private readonly Dictionary<MethodInfo, string> _names = [];
    private readonly Dictionary<string, TargetDefinition> _byName = new(StringComparer.OrdinalIgnoreCase);

    private TargetGraph(object build)
    {
        var properties = build.GetType()
            .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.PropertyType == typeof(Target))
            .OrderBy(p => p.MetadataToken)
            .ToList();
        var delegates = properties.Select(p => (p.Name, Target: (Target)p.GetValue(build)!)).ToList();
        foreach (var (name, target) in delegates)
        {
            _names[target.Method] = name;
        }

        Targets = delegates.Select((d, i) =>
        {
            var definition = new TargetDefinition(d.Name, i, NameOf);
            d.Target(definition);
            return definition;
        }).ToList();
        foreach (var target in Targets)
        {
            _byName[target.Name] = target;
        }
    }

    /// <summary>Every declared target, in declaration order.</summary>
    public IReadOnlyList<TargetDefinition> Targets { get; }

    /// <summary>Discovers the targets of <paramref name="build"/>.</summary>
    public static TargetGraph Of(object build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return new TargetGraph(build);
    }

    /// <summary>The name of a target delegate taken from the build (e.g. <c>x => x.Package</c>'s result).</summary>
    public string NameOf(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _names.TryGetValue(target.Method, out var name)
            ? name
            : throw new BuildException("A target refers to a delegate that is not a Target property of the build class.");
    }

    /// <summary>The target named <paramref name="name"/> (case-insensitive); an error lists the targets when there is none.</summary>
    public TargetDefinition Find(string name) =>
        _byName.TryGetValue(name, out var target)
            ? target
            : throw new BuildException($"There is no target '{name}'. Targets: {string.Join(", ", Targets.Select(t => t.Name))}.");

    /// <summary>The targets to run for <paramref name="invoked"/>, dependencies first, in execution order.</summary>
    public IReadOnlyList<TargetDefinition> Plan(IEnumerable<string> invoked)
    {
        var planned = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<TargetDefinition>(invoked.Select(Find).Reverse());
        while (stack.Count > 0)
        {
            var target = stack.Pop();
            if (planned.Add(target.Name))
            {
                foreach (var dependency in target.Dependencies)
                {
                    stack.Push(Find(dependency));
                }
            }
        }

        // Edges "a runs before b" among the planned targets.
        var before = planned.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var name in planned)
        {
            var target = _byName[name];
            foreach (var other in target.Dependencies.Concat(target.RunsAfter).Select(n => Find(n).Name).Where(planned.Contains))
            {
                before[other].Add(name);
            }

            foreach (var other in target.RunsBefore.Select(n => Find(n).Name).Where(planned.Contains))
            {
                before[name].Add(other);
            }
        }

        var incoming = planned.ToDictionary(n => n, n => before.Count(e => e.Value.Contains(n)), StringComparer.Ordinal);
        var order = new List<TargetDefinition>();
        var ready = new SortedSet<(int Index, string Name)>(planned.Where(n => incoming[n] == 0).Select(n => (_byName[n].Index, n)));
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(_byName[next.Name]);
            foreach (var successor in before[next.Name])
            {
                if (--incoming[successor] == 0)
                {
                    ready.Add((_byName[successor].Index, successor));
                }
            }
        }

        if (order.Count < planned.Count)
        {
            throw new BuildException($"The targets depend on each other in a cycle: {string.Join(" -> ", FindCycle(before, planned.Where(n => incoming[n] > 0)))}. Remove one of these DependsOn/After/Before links.");
        }

        return order;
    }

    private static List<string> FindCycle(Dictionary<string, HashSet<string>> before, IEnumerable<string> candidates)
    {
        var remaining = candidates.ToHashSet(StringComparer.Ordinal);
        var start = remaining.Order(StringComparer.Ordinal).First();
        var path = new List<string> { start };
        var seen = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
        var current = start;
        while (true)
        {
            // Every target left over still waits for a predecessor that is left over too: walking back finds the cycle.
            var node = current;
            current = remaining.Where(p => before[p].Contains(node)).Order(StringComparer.Ordinal).First();
            if (seen.TryGetValue(current, out var at))
            {
                var cycle = path.Skip(at).Reverse().ToList();
                cycle.Insert(0, current);
                return cycle;
            }

            seen[current] = path.Count;
            path.Add(current);
        }
    }
}
