namespace Pipeline.Tokenization.Learned;

/// <summary>Settings of <see cref="LearnedTokenizer.Train"/>.</summary>
public sealed record LearnedTokenizerOptions
{
    /// <summary>Passes over the training text (default 6).</summary>
    public int Epochs { get; init; } = 6;

    /// <summary>The seed of the shuffling; the same seed gives the same model bytes.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// A class context (previous, current, next character class) is not scored but gets its usual label when
    /// training saw it at least this often (default 200) ...
    /// </summary>
    public int MinFixedCount { get; init; } = 200;

    /// <summary>
    /// ... and with another label in at most this share of cases (default 0.001); fixed contexts are what keep
    /// tokenizing fast. Splits the multiword lexicon makes anyway do not count.
    /// </summary>
    public double MaxFixedError { get; init; } = 0.001;

    /// <summary>A surface form enters the multiword lexicon when it was a multiword token in more than this share of its occurrences (default 0.5).</summary>
    public double MultiwordShare { get; init; } = 0.5;
}
