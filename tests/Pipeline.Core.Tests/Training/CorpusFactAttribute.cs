namespace Pipeline.Tests.Training;

/// <summary>A fact that is skipped, with a message, when the shared corpus file it reads is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusFactAttribute : FactAttribute
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
