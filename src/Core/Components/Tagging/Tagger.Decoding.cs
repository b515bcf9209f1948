using System.Buffers;
using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Components.Tagging;

public sealed partial class Tagger
{
    /// <summary>
    /// Tags left to right into <paramref name="pos"/> and <paramref name="tags"/> (-1 when the model has no
    /// language-specific tags). With gold classes in <paramref name="pass"/> (-1 = unknown) it also learns from each
    /// mistake. A second pass reads the first pass's tags (including those to the right) and re-tags only the
    /// tokens whose first-pass margin is below the threshold. Returns how many tokens with a gold universal tag it
    /// got right.
    /// </summary>
    private int Decode(AveragedPerceptron model, ReadOnlySpan<LexicalFeatures> lex, Span<int> pos, Span<int> tags, in Pass pass)
    {
        var training = !pass.GoldPos.IsEmpty;
        var second = !pass.FirstPos.IsEmpty;
        var posCount = _pos.Length;
        var tagCount = _tags.Length;
        var count = model.Classes;
        float[]? rented = null;
        var scores = count <= 512 ? stackalloc float[count] : (rented = ArrayPool<float>.Shared.Rent(count)).AsSpan(0, count);
        var ambiguity = ArrayPool<ulong>.Shared.Rent(lex.Length);
        Span<ulong> features = stackalloc ulong[TaggerFeatures.SecondPassCount];
        var used = second ? features : features[..TaggerFeatures.Count];
        var correct = 0;
        try
        {
            for (var i = 0; i < lex.Length; i++)
            {
                ambiguity[i] = _ambiguity.GetValueOrDefault(WordKeys.Of(lex[i].Lower));
            }

            var capitals = TaggerFeatures.Capitals(lex);
            for (var i = 0; i < lex.Length; i++)
            {
                if (_tagDictionary.TryGetValue(lex[i].Orth, out var known))
                {
                    (pos[i], tags[i]) = known;
                    if (!pass.Margins.IsEmpty)
                    {
                        pass.Margins[i] = float.PositiveInfinity;
                    }
                }
                else if (second && !training && pass.Margins[i] >= pass.Threshold)
                {
                    (pos[i], tags[i]) = (pass.FirstPos[i], pass.FirstTags[i]);
                }
                else
                {
                    TaggerFeatures.Extract(lex, ambiguity.AsSpan(0, lex.Length), pos, tags, i, capitals, features);
                    if (second)
                    {
                        TaggerFeatures.ExtendSecondPass(pass.FirstPos, pass.FirstTags, pos, i, features);
                    }

                    var current = training && DropRate > 0 ? used[..FeatureDropout.Apply(used, DropRate, ref _noise)] : used;
                    model.Score(current, scores);
                    pos[i] = AveragedPerceptron.ArgMax(scores[..posCount]);
                    tags[i] = tagCount == 0 ? -1 : AveragedPerceptron.ArgMax(scores.Slice(posCount, tagCount));
                    if (!second && !pass.Margins.IsEmpty)
                    {
                        pass.Margins[i] = Margin(scores[..posCount], pos[i]);
                    }

                    if (training && pass.GoldPos[i] >= 0)
                    {
                        model.Update(current, pass.GoldPos[i], pos[i]);
                    }

                    if (training && tagCount > 0 && pass.GoldTags[i] >= 0)
                    {
                        model.Update(current, posCount + pass.GoldTags[i], posCount + tags[i]);
                    }
                }

                if (training && pass.GoldPos[i] >= 0 && pass.GoldPos[i] == pos[i])
                {
                    correct++;
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(ambiguity);
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }

        return correct;
    }

    /// <summary>How far the best score leads the runner-up.</summary>
    private static float Margin(ReadOnlySpan<float> scores, int best)
    {
        var second = float.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++)
        {
            if (c != best && scores[c] > second)
            {
                second = scores[c];
            }
        }

        return scores[best] - second;
    }

    /// <summary>What one decoding pass reads and writes besides the tags.</summary>
    private readonly ref struct Pass
    {
        /// <summary>Gold classes to learn from (training only).</summary>
        public ReadOnlySpan<int> GoldPos { get; init; }

        /// <summary>Gold language-specific classes to learn from (training only).</summary>
        public ReadOnlySpan<int> GoldTags { get; init; }

        /// <summary>The first pass's universal tags (second pass only).</summary>
        public ReadOnlySpan<int> FirstPos { get; init; }

        /// <summary>The first pass's language-specific tags (second pass only).</summary>
        public ReadOnlySpan<int> FirstTags { get; init; }

        /// <summary>The first pass writes each token's margin here; the second pass reads it.</summary>
        public Span<float> Margins { get; init; }

        /// <summary>The second pass re-tags tokens whose margin is below this.</summary>
        public float Threshold { get; init; }
    }
}
