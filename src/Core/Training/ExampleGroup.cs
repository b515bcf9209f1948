using Pipeline.Tokens;

namespace Pipeline.Training;

/// <summary>
/// Gold training docs and the components that learn from them: <c>ner</c> may learn from an IOB2 corpus while
/// the others learn from CoNLL-U. Components before the last learner that do not learn from the group run over its
/// docs when a later one reads their output, so the learners see realistic predictions.
/// </summary>
/// <param name="Name">What the docs are, for messages ("CoNLL-U", "IOB2").</param>
/// <param name="Golds">The gold docs, in corpus order.</param>
/// <param name="Learns">For each pipeline position, whether that component learns from these docs.</param>
public sealed record ExampleGroup(string Name, IReadOnlyList<Doc> Golds, bool[] Learns)
{
    /// <summary>The position of the last learning component (components after it are not run).</summary>
    public int LastLearner => Array.LastIndexOf(Learns, true);
}
