using System.Text;
using Pipeline.Corpora;

namespace Pipeline.Trainer.Evaluation;

/// <summary>
/// Rebuilds the raw text of a CoNLL-U corpus for scoring tokenization and sentence splitting: sentences are joined
/// with a space into documents that break at <c># newdoc</c> comments and after at most
/// <see cref="MaxSentences"/> sentences, so memory stays bounded on treebanks without document marks.
/// </summary>
internal static class RawTextDocuments
{
    /// <summary>The most sentences one document holds.</summary>
    public const int MaxSentences = 50;

    /// <summary>The documents: their text and their gold sentences, in corpus order.</summary>
    public static IEnumerable<(string Text, List<ConlluSentence> Sentences)> Group(IEnumerable<ConlluSentence> sentences)
    {
        var group = new List<ConlluSentence>();
        foreach (var sentence in sentences)
        {
            var newDoc = sentence.Comments.Any(c => c.StartsWith("newdoc", StringComparison.Ordinal));
            if (group.Count > 0 && (newDoc || group.Count >= MaxSentences))
            {
                yield return (Join(group), group);
                group = [];
            }

            group.Add(sentence);
        }

        if (group.Count > 0)
        {
            yield return (Join(group), group);
        }
    }

    /// <summary>The text of one sentence: its <c># text</c>, else its tokens with their spacing.</summary>
    public static string TextOf(ConlluSentence sentence)
    {
        if (!string.IsNullOrWhiteSpace(sentence.Text))
        {
            return sentence.Text.Trim();
        }

        var builder = new StringBuilder();
        foreach (var token in sentence.Tokens)
        {
            builder.Append(token.Form);
            if (token.SpaceAfter)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }

    private static string Join(List<ConlluSentence> sentences) => string.Join(' ', sentences.Select(TextOf));
}
