namespace Pipeline.Registry.Plugins;

/// <summary>Makes the lookup tables a plugin exposes with <see cref="PipelineLookupsAttribute"/>.</summary>
public interface ILookupsProvider
{
    /// <summary>The tables by name (e.g. "lemma_lookup"), each a map of string keys to string values.</summary>
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetTables();
}
