using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Registry.Plugins;

/// <summary>
/// Exposes named lookup tables (a lemma lookup, for instance) to every app that references the assembly, read
/// with <c>Nlp.Lookups.Get(name)</c>. Give either a provider type
/// (<c>[assembly: PipelineLookups("snk", typeof(SnekLookups))]</c>, an <see cref="ILookupsProvider"/> with a
/// public parameterless constructor) or embedded resources
/// (<c>[assembly: PipelineLookups("snk", ResourcePrefix = "Snek.Lookups.")]</c>: each resource named
/// <c>&lt;prefix&gt;&lt;table&gt;.json</c> holds one table as a JSON object of strings).
/// Tables are loaded on first use.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class PipelineLookupsAttribute : Attribute
{
    /// <summary>Exposes tables read from embedded resources; set <see cref="ResourcePrefix"/>.</summary>
    /// <param name="name">The name of the set of tables, usually a language code.</param>
    public PipelineLookupsAttribute(string name)
    {
        Name = name;
    }

    /// <summary>Exposes tables made by a provider type.</summary>
    /// <param name="name">The name of the set of tables, usually a language code.</param>
    /// <param name="providerType">An <see cref="ILookupsProvider"/> with a public parameterless constructor.</param>
    public PipelineLookupsAttribute(string name, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type providerType)
    {
        Name = name;
        ProviderType = providerType;
    }

    /// <summary>The name of the set of tables.</summary>
    public string Name { get; }

    /// <summary>The provider type, when the tables are made in code.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    public Type? ProviderType { get; }

    /// <summary>The prefix of the embedded resources holding the tables (one <c>&lt;table&gt;.json</c> each).</summary>
    public string? ResourcePrefix { get; set; }
}
