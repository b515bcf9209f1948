using Xunit;
using Xunit.Sdk;

namespace Pipeline.Testing;

/// <summary>
/// A fact that is skipped, saying why, when the corpus file it needs is not on this machine.
/// It reads the real shared corpora, so it also carries the trait <c>Category=Slow</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[TraitDiscoverer(SlowTraitDiscoverer.TypeName, SlowTraitDiscoverer.AssemblyName)]
public sealed class CorpusFactAttribute : FactAttribute, ITraitAttribute
{
    public CorpusFactAttribute(string relativePath)
    {
        if (TestCorpora.Find(relativePath) is null)
        {
            Skip = $"Corpus file '{relativePath}' not found: set PIPELINE_CORPORA or place the corpora in " +
                "../shared/corpora next to the repository root.";
        }
    }
}
