namespace Pipeline.Registry;

/// <summary>
/// A named set of lookup tables (e.g. the "snk" tables with "lemma_lookup"), each a map of strings to strings.
/// Plugin tables are read on first use.
/// </summary>
public sealed class LookupTables
{
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> _tables;

    /// <summary>Creates a set whose tables are made on first use by <paramref name="load"/>.</summary>
    public LookupTables(string name, Func<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> load)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(load);
        Name = name;
        _tables = new(load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The name of the set, usually a language code.</summary>
    public string Name { get; }

    /// <summary>The names of the tables.</summary>
    public IReadOnlyCollection<string> TableNames => _tables.Value.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether the set has a table of that name.</summary>
    public bool HasTable(string table) => _tables.Value.ContainsKey(table);

    /// <summary>The table of that name (E139 when absent).</summary>
    public IReadOnlyDictionary<string, string> GetTable(string table) =>
        _tables.Value.TryGetValue(table, out var t) ? t : throw Errors.UnknownLookups($"{Name}/{table}", TableNames.Select(n => $"{Name}/{n}"));

    /// <summary>Looks a value up in a table, e.g. <c>Lookup("lemma_lookup", "snakes")</c>; null when absent.</summary>
    public string? Lookup(string table, string key) =>
        _tables.Value.TryGetValue(table, out var t) && t.TryGetValue(key, out var value) ? value : null;
}
