namespace Pipeline.Tokenization.Learned;

/// <summary>Settings of <see cref="LearnedTokenizer.Train"/>.</summary>
public sealed record LearnedTokenizerOptions
{
    /// <summary>Passes over the training text (default 6).</summary>
    public int Epochs { get; init; } = 6;

    /// <summary>The seed of the shuffling; the same seed gives the same model bytes.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// A class context (previous, current, next character class) is never scored when training saw it at least this
    /// often (default 200) and almost never (at most 1 in 2000) at a boundary; this is what keeps tokenizing fast.
    /// </summary>
    public int MinSkipCount { get; init; } = 200;

    /// <summary>A surface form enters the multiword lexicon when it was a multiword token in more than this share of its occurrences (default 0.5).</summary>
    public double MultiwordShare { get; init; } = 0.5;
}
