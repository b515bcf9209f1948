namespace Pipeline.Trainer.Tests.Support;

/// <summary>A fact that is skipped, saying why, when the corpus file it needs is not on this machine.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(string relativePath)
    {
        if (Corpora.Find(relativePath) is null)
        {
            Skip = $"Corpus file '{relativePath}' not found: set PIPELINE_CORPORA or place the corpora in " +
                "../shared/corpora next to the repository root.";
        }
    }
}
