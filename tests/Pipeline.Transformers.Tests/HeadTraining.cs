using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Transformers.Tests;

/// <summary>What the neural heads' learning tests share: synthetic docs with random vectors, training loops, and copies of docs with or without their vectors.</summary>
internal static class HeadTraining
{
    /// <summary>The vector width of the synthetic docs.</summary>
    public const int Width = 8;

    /// <summary>
    /// Small settings of a token classifier head for the tests (a new dictionary each call), with <paramref name="extra"/>
    /// settings added.
    /// </summary>
    public static Dictionary<string, object?> SmallHead(params (string Key, object? Value)[] extra)
    {
        var settings = new Dictionary<string, object?>
        {
            ["hidden"] = 32,
            ["projection"] = 16,
            ["embedding_rows"] = 512,
            ["embedding_width"] = 8,
            ["batch"] = 2,
            ["learning_rate"] = 0.01,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// A synthetic example of <paramref name="length"/> tokens "x" whose gold UPOS is the sign of each token's first
    /// vector value ("A" or "B") and whose gold XPOS that of its second ("x" or "y"), so neither tells the other.
    /// </summary>
    public static (Doc Predicted, Doc Gold) SyntheticTagged(Vocab vocab, Random random, int length)
    {
        var (predicted, gold) = Synthetic(vocab, random, [.. Enumerable.Repeat("x", length)]);
        var tensor = predicted.Tensor!;
        for (var i = 0; i < gold.Length; i++)
        {
            gold[i].Pos = tensor[i * Width] > 0 ? "A" : "B";
            gold[i].Tag = tensor[(i * Width) + 1] > 0 ? "x" : "y";
        }

        return (predicted, gold);
    }

    /// <summary>A predicted doc of <paramref name="words"/> with random vectors and its gold twin (to be labelled from the vectors).</summary>
    public static (Doc Predicted, Doc Gold) Synthetic(Vocab vocab, Random random, params string[] words)
    {
        var predicted = new Doc(vocab, words);
        predicted.SetTensor(NeuralGradientTests.Random(words.Length * Width, random), Width);
        return (predicted, new Doc(vocab, words));
    }

    /// <summary>Initializes <paramref name="component"/> from the golds and trains it for <paramref name="epochs"/> passes.</summary>
    public static void Train(ITrainable component, IReadOnlyList<(Doc Predicted, Doc Gold)> examples, int epochs, Action<Doc>? beforeUpdate = null)
    {
        component.Initialize(examples.Select(t => t.Gold));
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var (predicted, gold) in examples)
            {
                beforeUpdate?.Invoke(predicted);
                component.Update(predicted, gold);
            }
        }

        component.FinishTraining();
    }

    /// <summary>A fresh doc with the gold doc's words and the predicted doc's vectors, or zeros in their place.</summary>
    public static Doc Input(Doc predicted, Doc gold, bool zeroed)
    {
        var doc = new Doc(gold.Vocab, [.. Enumerable.Range(0, gold.Length).Select(i => gold[i].Text)]);
        doc.SetTensor(zeroed ? new float[predicted.Tensor!.Length] : (float[])predicted.Tensor!.Clone(), predicted.TensorWidth);
        return doc;
    }
}
