using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Tagging;

public sealed partial class Tagger
{
    /// <summary>
    /// First-pass tags for every training doc from a model that did not see it: the docs are split into
    /// <see cref="Folds"/> folds and each fold is tagged by a model trained on the others, so the second pass
    /// learns from first-pass tags as good (and as wrong) as they are on new text.
    /// </summary>
    private (int[][] Pos, int[][] Tags) Jackknife(IReadOnlyList<Doc> examples, int epochs, ref SplitMix64 random)
    {
        var pos = new int[examples.Count][];
        var tags = new int[examples.Count][];
        for (var fold = 0; fold < Folds; fold++)
        {
            var model = new AveragedPerceptron(_model!.Classes, expectedFeatures: 1024);
            var training = Enumerable.Range(0, examples.Count).Where(d => d % Folds != fold).ToArray();
            TrainEpochs(model, examples, training, epochs, ref random, null, null);
            model.Average();
            for (var d = fold; d < examples.Count; d += Folds)
            {
                var doc = examples[d];
                var lex = new LexicalFeatures[doc.Length];
                Lexicalize(doc, lex);
                (pos[d], tags[d]) = (new int[doc.Length], new int[doc.Length]);
                Decode(model, lex, pos[d], tags[d], default);
            }
        }

        return (pos, tags);
    }

    /// <summary>
    /// Trains the second pass for <paramref name="epochs"/> shuffled passes over all the docs, learning from the
    /// first-pass tags of the fold models (<see cref="Jackknife"/>), and makes it the tagger's second pass.
    /// </summary>
    private void TrainSecondPass(IReadOnlyList<Doc> examples, int epochs, ref SplitMix64 random, (int[][] Pos, int[][] Tags) firstPass)
    {
        var second = new AveragedPerceptron(_model!.Classes, expectedFeatures: 1024);
        TrainEpochs(second, examples, [.. Enumerable.Range(0, examples.Count)], epochs, ref random, firstPass.Pos, firstPass.Tags);
        second.Average();
        _second = second;
        _secondMargin = SecondPassMargin;
    }

    /// <summary>
    /// Trains <paramref name="model"/> for <paramref name="epochs"/> shuffled passes over the docs at
    /// <paramref name="indices"/>, as a second pass when first-pass tags are given.
    /// </summary>
    private void TrainEpochs(
        AveragedPerceptron model,
        IReadOnlyList<Doc> examples,
        int[] indices,
        int epochs,
        ref SplitMix64 random,
        int[][]? firstPos,
        int[][]? firstTags)
    {
        ShuffledEpochs.Run(indices, epochs, ref random, d =>
        {
            var doc = examples[d];
            var lex = new LexicalFeatures[doc.Length];
            Lexicalize(doc, lex);
            var (goldPos, goldTags) = GoldClasses(doc);
            var pass = firstPos is null
                ? new Pass { GoldPos = goldPos, GoldTags = goldTags }
                : new Pass { GoldPos = goldPos, GoldTags = goldTags, FirstPos = firstPos[d], FirstTags = firstTags![d] };
            var total = goldPos.Count(c => c >= 0);
            return new TrainingLoss(total - Decode(model, lex, new int[doc.Length], new int[doc.Length], pass), total);
        });
    }
}
