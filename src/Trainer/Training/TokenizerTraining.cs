using System.Diagnostics;
using System.Globalization;
using Pipeline.Corpora;
using Pipeline.Tokenization.Learned;

namespace Pipeline.Trainer.Training;

/// <summary>
/// Trains the learned tokenizer for <c>pipeline train</c> when <c>--pipeline</c> names <c>tokenizer</c> or the
/// template says <c>"training": {"tokenizer": "learned"}</c>: once, before the components' epochs, from the raw text
/// of the training corpus. Every checkpoint then saves it as its <c>tokenizer</c> file and scores token and
/// sentence F1 with it.
/// </summary>
internal static class TokenizerTraining
{
    /// <summary>The name that asks for the learned tokenizer in <c>--pipeline</c>.</summary>
    public const string PipelineName = "tokenizer";

    /// <summary>Whether the run trains the tokenizer.</summary>
    public static bool Requested(IReadOnlyList<string> pipeline, MetaTemplate template) =>
        pipeline.Contains(PipelineName) || template.Tokenizer == "learned";

    /// <summary>Trains a tokenizer over <paramref name="nlp"/>'s vocab on <paramref name="sentences"/>.</summary>
    public static LearnedTokenizer Train(Language nlp, IReadOnlyList<ConlluSentence> sentences, ulong seed, Action<string> info)
    {
        var clock = Stopwatch.StartNew();
        var accuracy = 0.0;
        var tokenizer = LearnedTokenizer.Train(
            nlp.Vocab, TokenizerDocuments.Group(sentences), new LearnedTokenizerOptions { Seed = seed }, (_, a) => accuracy = a);
        info(string.Create(
            CultureInfo.InvariantCulture,
            $"tokenizer: learned from the corpus text in {clock.Elapsed.TotalSeconds:F1}s (character accuracy {accuracy * 100:F2}, {tokenizer.MultiwordCount} multiword forms)."));
        return tokenizer;
    }
}
