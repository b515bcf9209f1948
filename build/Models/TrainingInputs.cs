namespace Pipeline.Build.Models;

/// <summary>The corpus files a template trains on, as the trainer takes them (full paths).</summary>
/// <param name="Train">The main training corpus (CoNLL-U; IOB2 for an NER-only model).</param>
/// <param name="Dev">The main dev corpus.</param>
/// <param name="NerTrain">An IOB2 corpus for ner next to a CoNLL-U one, or null.</param>
/// <param name="NerDev">An IOB2 dev corpus for ner next to a CoNLL-U one, or null.</param>
internal sealed record TrainingInputs(string Train, string Dev, string? NerTrain, string? NerDev)
{
    /// <summary>Every distinct file.</summary>
    public IReadOnlyList<string> Files => new[] { Train, Dev, NerTrain, NerDev }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether the model learns only from IOB2 files.</summary>
    public bool IsIob2Only => Train.EndsWith(".iob2", StringComparison.OrdinalIgnoreCase);
}
