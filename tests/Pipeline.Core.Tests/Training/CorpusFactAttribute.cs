using Xunit.Sdk;

namespace Pipeline.Tests.Training;

/// <summary>
/// A fact that is skipped, with a message, when the shared corpus file it reads is absent.
/// It reads the real shared corpora, so it also carries the trait <c>Category=Slow</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[TraitDiscoverer(Pipeline.Tests.Support.SlowTraitDiscoverer.TypeName, Pipeline.Tests.Support.SlowTraitDiscoverer.AssemblyName)]
public sealed class CorpusFactAttribute : FactAttribute, ITraitAttribute
{
    /// <summary>Requires <paramref name="relativePath"/> under shared/corpora.</summary>
    public CorpusFactAttribute(string relativePath)
    {
        if (Corpora.File(relativePath) is null)
        {
            Skip = $"corpus file shared/corpora/{relativePath} not found (set PIPELINE_CORPORA to its folder)";
        }
    }
}
