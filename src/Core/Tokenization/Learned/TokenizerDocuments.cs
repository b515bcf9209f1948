using Pipeline.Corpora;

namespace Pipeline.Tokenization.Learned;

/// <summary>
/// Groups a corpus's sentences into the documents the learned tokenizer trains on: a document breaks at each
/// <c># newdoc</c> comment and after at most a given number of sentences, so that sentence boundaries are learned
/// inside running text while memory stays bounded on treebanks without document marks.
/// </summary>
public static class TokenizerDocuments
{
    /// <summary>The default number of sentences a document holds at most.</summary>
    public const int DefaultMaxSentences = 50;

    /// <summary>The documents of <paramref name="sentences"/>, in corpus order.</summary>
    public static IEnumerable<IReadOnlyList<ConlluSentence>> Group(IEnumerable<ConlluSentence> sentences, int maxSentences = DefaultMaxSentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (maxSentences < 1)
        {
            throw Errors.InvalidArgument("maxSentences", $"is {maxSentences}; it must be at least 1");
        }

        return GroupLazily(sentences, maxSentences);
    }

    private static IEnumerable<IReadOnlyList<ConlluSentence>> GroupLazily(IEnumerable<ConlluSentence> sentences, int maxSentences)
    {
        var group = new List<ConlluSentence>();
        foreach (var sentence in sentences)
        {
            var newDoc = sentence.Comments.Any(c => c.StartsWith("newdoc", StringComparison.Ordinal));
            if (group.Count > 0 && (newDoc || group.Count >= maxSentences))
            {
                yield return group;
                group = [];
            }

            group.Add(sentence);
        }

        if (group.Count > 0)
        {
            yield return group;
        }
    }
}
