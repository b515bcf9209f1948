namespace Pipeline.Build.Engine;

/// <summary>The fluent API that configures a <see cref="Target"/>: dependencies, ordering, conditions and work.</summary>
public interface ITargetDefinition
{
    /// <summary>A one-line description shown by <c>--help</c>.</summary>
    ITargetDefinition Description(string text);

    /// <summary>Targets that must run (and succeed) before this one; they join the plan when this one does.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>When both are in the plan, this target runs after <paramref name="targets"/> (no dependency implied).</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>When both are in the plan, this target runs before <paramref name="targets"/> (no dependency implied).</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Runs the target only when <paramref name="condition"/> holds at its turn; otherwise it is skipped with <paramref name="reason"/>.</summary>
    ITargetDefinition OnlyWhen(Func<bool> condition, string reason);

    /// <summary>Fails the build before any target runs when one of the named parameters has no value.</summary>
    ITargetDefinition Requires(params string[] parameters);

    /// <summary>Fails the build before any target runs when <paramref name="condition"/> is false, with <paramref name="message"/>.</summary>
    ITargetDefinition Requires(Func<bool> condition, string message);

    /// <summary>Files the target writes (paths or globs relative to the root); each must match a file after a successful run.</summary>
    ITargetDefinition Produces(params string[] patterns);

    /// <summary>The target's work.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>The target's work, with its context (cancellation, log, notes).</summary>
    ITargetDefinition Executes(Action<TargetContext> action);

    /// <summary>The target's asynchronous work.</summary>
    ITargetDefinition Executes(Func<TargetContext, Task> action);
}
