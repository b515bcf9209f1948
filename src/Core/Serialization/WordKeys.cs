using Pipeline.Training;

namespace Pipeline.Serialization;

/// <summary>
/// The key of a word in the models' word tables (tagger ambiguity classes, parser lexicon, entity recognizer
/// gazetteer): the low 40 bits of its lower-case hash, as for perceptron features. Saved tables then take 5 bytes
/// a word instead of 8; two of a table's n words share a key with a chance of about n² / 2^41 (under 0.005 for
/// 100,000 words), when the first one kept wins.
/// </summary>
internal static class WordKeys
{
    private const ulong Mask = (1UL << AveragedPerceptron.KeyBits) - 1;

    /// <summary>The table key of the word whose hash is <paramref name="hash"/>.</summary>
    public static ulong Of(ulong hash) => hash & Mask;
}
