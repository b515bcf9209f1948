using Pipeline.Components;
using Pipeline.Registry.Plugins;

namespace Pipeline.Registry;

/// <summary>
/// The named component factories that <c>nlp.CreatePipe</c> and <c>Nlp.Load</c> use to build pipelines, e.g.
/// <c>Language.Factories["my_component"] = (nlp, cfg) =&gt; new MyComponent();</c>. Factories that referenced
/// assemblies expose with <see cref="PipelineFactoryAttribute"/> are found on first use, with no code. Replacing a
/// built-in factory raises warning W002; two plugins claiming one name make that name fail with E135.
/// </summary>
public sealed class FactoryRegistry
{
    private readonly PluginSlots<PipeFactory> _slots = new("pipeline factory", Warnings.FactoryOverridden);

    internal FactoryRegistry(bool discover = false)
    {
        if (discover)
        {
            _slots.OnMiss = PluginDiscovery.ScanForMissing;
        }

        BuiltInFactories.RegisterAll(this);
    }

    /// <summary>The factory registered under <paramref name="name"/>; setting it registers or replaces one.</summary>
    public PipeFactory this[string name]
    {
        get => TryGet(name, out var factory) ? factory : throw Errors.UnknownFactory(name, Names);
        set => Register(name, value, "user code");
    }

    /// <summary>The names of all registered factories.</summary>
    public IReadOnlyCollection<string> Names => _slots.Names;

    /// <summary>Whether a factory of that name is registered.</summary>
    public bool Contains(string name) => _slots.Contains(name);

    /// <summary>Looks a factory up without throwing for a missing one (E135 when two plugins claim the name).</summary>
    public bool TryGet(string name, out PipeFactory factory) => _slots.TryGet(name, out factory);

    /// <summary>Where the factory of that name comes from ("built-in", "user code" or an assembly name).</summary>
    public string? SourceOf(string name) => _slots.SourceOf(name);

    /// <summary>Registers a factory, naming where it comes from for diagnostics.</summary>
    public void Register(string name, PipeFactory factory, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        _slots.SetUser(name, factory, source);
    }

    /// <summary>Removes a factory.</summary>
    public bool Remove(string name) => _slots.Remove(name);

    internal PluginSlots<PipeFactory> Slots => _slots;

    internal void RegisterBuiltIn(string name, PipeFactory factory) => _slots.SetBuiltIn(name, factory);
}
