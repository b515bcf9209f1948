using Pipeline.Training;

namespace Pipeline.Tokenization.Learned;

/// <summary>
/// What the learned tokenizer knows: a four-class averaged perceptron that labels each character (inside, new
/// word inside a multiword token, token start, sentence start), the class contexts where training never saw a
/// boundary (skipped, which keeps tokenization fast), and the multiword lexicon. Immutable; safe for concurrent use.
/// </summary>
internal sealed class TokenizerModel
{
    public const int Classes = 4;

    /// <summary>The value of <see cref="Fixed"/> for contexts the perceptron decides.</summary>
    public const byte Scored = 255;

    public TokenizerModel(AveragedPerceptron perceptron, byte[] fixedLabels, MultiwordLexicon lexicon, MultiwordChooser? chooser)
    {
        Chooser = chooser;
        Perceptron = perceptron;
        Fixed = fixedLabels;
        Lexicon = lexicon;
    }

    public AveragedPerceptron Perceptron { get; }

    /// <summary>
    /// Per class context (<see cref="CharClass.Context"/>), the label training (almost) always saw there, which is
    /// then used without scoring, or <see cref="Scored"/>.
    /// </summary>
    public byte[] Fixed { get; }

    public MultiwordLexicon Lexicon { get; }

    /// <summary>Decides the lexicon's ambiguous forms in context; null when there are none.</summary>
    public MultiwordChooser? Chooser { get; }

    /// <summary>
    /// Labels every character of <paramref name="text"/> (see <see cref="TokenizerExample"/> for the labels).
    /// Line breaks always end a token and a blank line always ends a sentence.
    /// </summary>
    public void Label(ReadOnlySpan<char> text, Span<byte> labels)
    {
        Span<ulong> features = stackalloc ulong[CharFeatures.Max];
        Span<float> scores = stackalloc float[Classes];
        var walker = new PositionWalker(text);
        var first = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Whitespace.Is(c))
            {
                labels[i] = TokenizerExample.None;
                continue;
            }

            walker.MoveTo(i);
            if (first)
            {
                labels[i] = TokenizerExample.SentenceStart;
                first = false;
                continue;
            }

            var gap = Whitespace.Is(text[i - 1]);
            var newlines = gap ? CountNewlines(text, i) : 0;
            var fixedLabel = Fixed[walker.Context(i, gap)];
            if (newlines == 0 && fixedLabel != Scored)
            {
                labels[i] = fixedLabel;
                continue;
            }

            var count = walker.Features(i, gap, features);
            Perceptron.Score(features[..count], scores);
            var label = Best(scores, gap);
            if (newlines > 0)
            {
                label = newlines > 1 ? TokenizerExample.SentenceStart : Math.Max(label, TokenizerExample.TokenStart);
            }

            labels[i] = (byte)label;
        }
    }

    /// <summary>The best label; after whitespace a new word inside a token is impossible.</summary>
    public static int Best(ReadOnlySpan<float> scores, bool gap)
    {
        var best = 0;
        for (var k = 1; k < Classes; k++)
        {
            if (k == TokenizerExample.WordStart && gap)
            {
                continue;
            }

            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return best;
    }

    private static int CountNewlines(ReadOnlySpan<char> text, int i)
    {
        var count = 0;
        for (var k = i - 1; k >= 0 && Whitespace.Is(text[k]); k--)
        {
            count += text[k] == '\n' ? 1 : 0;
        }

        return count;
    }
}
