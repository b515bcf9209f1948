using System.Buffers;
using Pipeline.Components.Tagging;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Morphology;

/// <summary>
/// Predicts morphological features in UD notation (<see cref="Token.Morph"/>, e.g. <c>Number=Plur</c>) with a
/// greedy left-to-right averaged perceptron over the word, its affixes, its neighbours and the tags the tagger set
/// (factory "morphologizer"; run it after the tagger). Each feature bundle seen in training is one class. Train it
/// with <see cref="Train"/> (or <see cref="Initialize"/>, <see cref="Update"/>, <see cref="FinishTraining"/>); it is saved as <c>model.bin</c> in its directory. <see cref="Process"/> is safe for
/// concurrent use.
/// </summary>
public sealed partial class Morphologizer : ModelComponent, IPipe, IDeclaresAttributes
{
    /// <summary>The name of the factory that creates morphologizers.</summary>
    public const string FactoryName = "morphologizer";

    private string[] _labels = [];
    private ulong[] _labelHashes = [];
    private AveragedPerceptron? _model;
    private readonly AddedLabels _labelsAdded = new();

    /// <summary>Creates an untrained morphologizer.</summary>
    public Morphologizer(string name = FactoryName)
        : base(name)
    {
    }

    /// <inheritdoc />
    public IReadOnlyList<Attr> Reads { get; } = Array.AsReadOnly<Attr>([Attr.Orth, Attr.Pos, Attr.Tag]);

    /// <inheritdoc />
    public IReadOnlyList<Attr> Writes { get; } = Array.AsReadOnly<Attr>([Attr.Morph]);

    /// <summary>Whether the morphologizer has a model (trained or loaded).</summary>
    public bool IsTrained => _model is not null;

    /// <summary>The feature bundles it can predict, sorted (the empty bundle is ""); for meta.json.</summary>
    public IReadOnlyList<string> Labels => Array.AsReadOnly(_labels);

    /// <summary>Sets <see cref="Token.Morph"/> of every token (E063 when untrained).</summary>
    public Doc Process(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var model = _model ?? throw Errors.NotTrained(Name);
        var n = doc.Length;
        if (n == 0)
        {
            return doc;
        }

        EnsureLabels(doc.Vocab.Strings);
        var predicted = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Decode(model, doc, predicted.AsSpan(0, n), default);
            var morph = Doc.Ensure(ref doc.MorphColumn, n);
            for (var i = 0; i < n; i++)
            {
                morph[i] = _labelHashes[predicted[i]];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(predicted);
        }

        return doc;
    }

    private protected override byte[] SaveModel() =>
        MorphologizerFormatter.Instance.Write(new LabelledSavedState(_labels, _model ?? throw Errors.NotTrained(Name)));

    private protected override void LoadModel(ReadOnlyMemory<byte> data, string source)
    {
        var state = MorphologizerFormatter.Instance.Read(data, source);
        SetLabels(state.Labels);
        _model = state.Model;
    }

    private void SetLabels(string[] labels)
    {
        _labels = labels;
        _labelHashes = Array.ConvertAll(labels, l => StringStore.Hash(l));
        _labelsAdded.Reset();
    }

    private void EnsureLabels(StringStore strings) => _labelsAdded.EnsureIn(strings, _labels);

    /// <summary>
    /// Predicts a class per token, left to right; given gold classes (-1 = unknown) it also learns from each
    /// mistake. Returns how many tokens with a gold class it got right.
    /// </summary>
    private static int Decode(AveragedPerceptron model, Doc doc, Span<int> predicted, ReadOnlySpan<int> gold)
    {
        var n = doc.Length;
        var lex = ArrayPool<LexicalFeatures>.Shared.Rent(n);
        var pos = ArrayPool<ulong>.Shared.Rent(n);
        var tags = ArrayPool<ulong>.Shared.Rent(n);
        var scores = ArrayPool<float>.Shared.Rent(model.Classes);
        Span<ulong> features = stackalloc ulong[MorphologizerFeatures.Count];
        var correct = 0;
        try
        {
            var strings = doc.Vocab.Strings;
            for (var i = 0; i < n; i++)
            {
                lex[i] = LexicalFeatures.Get(strings, doc.OrthColumn[i]);
                pos[i] = doc.PosColumn?[i] ?? 0;
                tags[i] = doc.TagColumn?[i] ?? 0;
            }

            var span = scores.AsSpan(0, model.Classes);
            for (var i = 0; i < n; i++)
            {
                MorphologizerFeatures.Extract(lex.AsSpan(0, n), pos.AsSpan(0, n), tags.AsSpan(0, n), i, i > 0 ? predicted[i - 1] : -1, features);
                model.Score(features, span);
                predicted[i] = AveragedPerceptron.ArgMax(span);
                if (!gold.IsEmpty && gold[i] >= 0)
                {
                    model.Update(features, gold[i], predicted[i]);
                    correct += gold[i] == predicted[i] ? 1 : 0;
                }
            }
        }
        finally
        {
            ArrayPool<LexicalFeatures>.Shared.Return(lex);
            ArrayPool<ulong>.Shared.Return(pos);
            ArrayPool<ulong>.Shared.Return(tags);
            ArrayPool<float>.Shared.Return(scores);
        }

        return correct;
    }
}
