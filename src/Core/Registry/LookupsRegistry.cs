using Pipeline.Registry.Plugins;

namespace Pipeline.Registry;

/// <summary>
/// Named sets of lookup tables (lemma lookups and the like), read with <c>Nlp.Lookups.Get("snk")</c>. Sets that
/// referenced assemblies expose with <see cref="PipelineLookupsAttribute"/> are found on first use; two plugins
/// claiming one name make that name fail with E135.
/// </summary>
public sealed class LookupsRegistry
{
    // Pipeline.Core ships no lookup tables, so there is no built-in set to warn about replacing.
    private readonly PluginSlots<LookupTables> _slots = new("lookup tables", static (_, _, _) => { });

    internal LookupsRegistry(bool discover = false)
    {
        if (discover)
        {
            _slots.OnMiss = PluginDiscovery.ScanForMissing;
        }
    }

    /// <summary>The names of the registered sets.</summary>
    public IReadOnlyCollection<string> Names => _slots.Names;

    /// <summary>Whether a set of that name is registered.</summary>
    public bool Contains(string name) => _slots.Contains(name);

    /// <summary>Where the set comes from ("user code" or an assembly name).</summary>
    public string? SourceOf(string name) => _slots.SourceOf(name);

    /// <summary>The set of that name (E139 when none is registered).</summary>
    public LookupTables Get(string name) => TryGet(name, out var tables) ? tables : throw Errors.UnknownLookups(name, Names);

    /// <summary>Looks a set up without throwing for a missing one.</summary>
    public bool TryGet(string name, out LookupTables tables) => _slots.TryGet(name, out tables);

    /// <summary>Registers (or replaces) a set of tables from code.</summary>
    public void Register(string name, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tables)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(tables);
        _slots.SetUser(name, new LookupTables(name, () => tables), "user code");
    }

    internal PluginSlots<LookupTables> Slots => _slots;
}
