using Xunit.Abstractions;
using Xunit.Sdk;

namespace Pipeline.Testing;

/// <summary>
/// Gives a test whose attribute names this discoverer the trait <c>Category=Slow</c>, so
/// <c>dotnet test --filter "Category!=Slow"</c> leaves it out (see the README's fast test run).
/// </summary>
public sealed class SlowTraitDiscoverer : ITraitDiscoverer
{
    /// <summary>The assembly-qualified name xunit's <see cref="TraitDiscovererAttribute"/> needs.</summary>
    public const string TypeName = "Pipeline.Testing.SlowTraitDiscoverer";

    /// <summary>The assembly holding this discoverer.</summary>
    public const string AssemblyName = "Pipeline.Testing";

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        yield return new("Category", "Slow");
    }
}
