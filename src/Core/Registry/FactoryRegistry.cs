using System.Collections.Concurrent;
using Pipeline.Components;

namespace Pipeline.Registry;

/// <summary>
/// The named component factories that <c>nlp.CreatePipe</c> and <c>Nlp.Load</c> use to build pipelines, e.g.
/// <c>Language.Factories["my_component"] = (nlp, cfg) =&gt; new MyComponent();</c>. Replacing a built-in factory
/// raises warning W002.
/// </summary>
public sealed class FactoryRegistry
{
    private readonly ConcurrentDictionary<string, Entry> _factories = new(StringComparer.Ordinal);

    internal FactoryRegistry()
    {
        BuiltInFactories.RegisterAll(this);
    }

    /// <summary>The factory registered under <paramref name="name"/>; setting it registers or replaces one.</summary>
    public PipeFactory this[string name]
    {
        get => TryGet(name, out var factory) ? factory : throw Errors.UnknownFactory(name, Names);
        set => Register(name, value, "user code");
    }

    /// <summary>The names of all registered factories.</summary>
    public IReadOnlyCollection<string> Names => _factories.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether a factory of that name is registered.</summary>
    public bool Contains(string name) => _factories.ContainsKey(name);

    /// <summary>Looks a factory up without throwing.</summary>
    public bool TryGet(string name, out PipeFactory factory)
    {
        if (_factories.TryGetValue(name, out var entry))
        {
            factory = entry.Factory;
            return true;
        }

        factory = null!;
        return false;
    }

    /// <summary>Where the factory of that name comes from ("built-in", "user code" or an assembly name).</summary>
    public string? SourceOf(string name) => _factories.TryGetValue(name, out var e) ? e.Source : null;

    /// <summary>Registers a factory, naming where it comes from for diagnostics.</summary>
    public void Register(string name, PipeFactory factory, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        var entry = new Entry(factory, source, IsBuiltIn: false);
        _factories.AddOrUpdate(
            name,
            entry,
            (_, previous) =>
            {
                if (previous.IsBuiltIn)
                {
                    Warnings.FactoryOverridden(name, previous.Source, source);
                }

                return entry;
            });
    }

    /// <summary>Removes a factory.</summary>
    public bool Remove(string name) => _factories.TryRemove(name, out _);

    internal void RegisterBuiltIn(string name, PipeFactory factory) =>
        _factories[name] = new Entry(factory, "built-in", IsBuiltIn: true);

    private sealed record Entry(PipeFactory Factory, string Source, bool IsBuiltIn);
}
