namespace Pipeline.Build.Engine;

/// <summary>What a <see cref="Target"/> declared: the engine's view of one target.</summary>
public sealed class TargetDefinition : ITargetDefinition
{
    private readonly Func<Target, string> _nameOf;
    private readonly List<Func<TargetContext, Task>> _actions = [];

    internal TargetDefinition(string name, int index, Func<Target, string> nameOf)
    {
        Name = name;
        Index = index;
        _nameOf = nameOf;
    }

    /// <summary>The target's name (its property name).</summary>
    public string Name { get; }

    /// <summary>The declaration order, used to break ties in the plan.</summary>
    public int Index { get; }

    /// <summary>The description shown by <c>--help</c>.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>Names of the targets this one depends on.</summary>
    public List<string> Dependencies { get; } = [];

    /// <summary>Names of the targets this one runs after when both are planned.</summary>
    public List<string> RunsAfter { get; } = [];

    /// <summary>Names of the targets this one runs before when both are planned.</summary>
    public List<string> RunsBefore { get; } = [];

    /// <summary>Conditions checked at the target's turn, with the reason shown when one is false.</summary>
    public List<(Func<bool> Condition, string Reason)> Conditions { get; } = [];

    /// <summary>Parameters that must have a value.</summary>
    public List<string> RequiredParameters { get; } = [];

    /// <summary>Requirements checked before the build starts.</summary>
    public List<(Func<bool> Condition, string Message)> Requirements { get; } = [];

    /// <summary>File patterns the target produces.</summary>
    public List<string> Products { get; } = [];

    /// <summary>Whether the target has work to do.</summary>
    public bool HasActions => _actions.Count > 0;

    /// <inheritdoc/>
    public ITargetDefinition Description(string text)
    {
        Text = text;
        return this;
    }

    /// <inheritdoc/>
    public ITargetDefinition DependsOn(params Target[] targets)
    {
        Dependencies.AddRange(targets.Select(_nameOf));
        return this;
    }

    /// <inheritdoc/>
    public ITargetDefinition After(params Target[] targets)
    {
        RunsAfter.AddRange(targets.Select(_nameOf));
        return this;
    }

    /// <inheritdoc/>
    public ITargetDefinition Before(params Target[] targets)
    {
        RunsBefore.AddRange(targets.Select(_nameOf));
        return this;
    }

    /// <inheritdoc/>
    public ITargetDefinition OnlyWhen(Func<bool> condition, string reason)
    {
        Conditions.Add((condition, reason));
        return this;
    }

    /// <inheritdoc/>
    public ITargetDefinition Requires(params string[] parameters)
    {
        RequiredParameters.AddRange(parameters);
        return this;
    }

    /// <inheritdoc/>
    public ITargetDefinition Requires(Func<bool> condition, string message)
    {
        Requirements.Add((condition, message));
        return this;
    }

    /// <inheritdoc/>
    public ITargetDefinition Produces(params string[] patterns)
    {
        Products.AddRange(patterns);
        return this;
    }

    /// <inheritdoc/>
    public ITargetDefinition Executes(Action action) => Executes(_ => action());

    /// <inheritdoc/>
    public ITargetDefinition Executes(Action<TargetContext> action)
    {
        _actions.Add(context =>
        {
            action(context);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <inheritdoc/>
    public ITargetDefinition Executes(Func<TargetContext, Task> action)
    {
        _actions.Add(action);
        return this;
    }

    /// <summary>Runs the target's work in declaration order.</summary>
    internal async Task RunAsync(TargetContext context)
    {
        foreach (var action in _actions)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            await action(context).ConfigureAwait(false);
        }
    }
}
