using System.Buffers;
using Pipeline.Components.Tagging;
using Pipeline.Corpora;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Ner;

/// <summary>
/// A named-entity recognizer (factory "ner"): greedy left-to-right BILUO tagging with an averaged perceptron over
/// the word, its shape, affixes and capitalization, the neighbouring words and shapes, the previous predictions,
/// what the training corpus said about the word and its neighbours (a lexicon learned from the training data, see
/// <see cref="NerLexicon"/>) and, when a tagger ran before it, the part-of-speech tags. Training leaves out a random
/// share of the features of each decision (<see cref="DropRate"/>). Decoding follows the BILUO constraints, so every
/// predicted entity is a well-formed span. It writes <see cref="Token.EntIob"/> and <see cref="Token.EntType"/>.
/// Entities already in the doc (from an entity_ruler earlier in the pipeline, say) are kept: the recognizer labels
/// only the other tokens, and its entities never overlap or extend the existing ones; every token outside an
/// entity gets O. Train it with <see cref="Train"/> (or <see cref="Initialize"/>, <see cref="Update(Doc, Doc)"/>,
/// <see cref="FinishTraining"/>); it is saved as <c>model.bin</c> in its directory. <see cref="Process"/> is safe
/// for concurrent use.
/// </summary>
public sealed partial class EntityRecognizer : ModelComponent, ITrainable, IDeclaresAttributes
{
    private const ulong NoiseSeed = 0x4E45_525F_4E4F_4953UL;

    /// <summary>The name of the factory that creates entity recognizers.</summary>
    public const string FactoryName = "ner";

    /// <summary>Config key: the entity labels to learn (a list of strings); others are read as O.</summary>
    public const string LabelsKey = "labels";

    private readonly string[]? _allowedLabels;
    private string[] _labels = [];
    private ulong[] _labelHashes = [];
    private AveragedPerceptron? _model;
    private readonly AddedLabels _labelsAdded = new();
    private SplitMix64 _noise = new(NoiseSeed);
    private NerLexicon _lexicon = NerLexicon.Empty;
    private double _dropRate = 0.3;

    /// <summary>
    /// Creates an untrained recognizer. With <paramref name="labels"/>, training learns only those entity labels
    /// and reads entities of other labels as O (E091 for an empty label, "O", or one containing whitespace).
    /// </summary>
    public EntityRecognizer(string name = FactoryName, IEnumerable<string>? labels = null)
        : base(name)
    {
        if (labels is not null)
        {
            _allowedLabels = [.. labels.Select(ValidLabel).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Attr> Reads { get; } = Array.AsReadOnly<Attr>([Attr.Orth, Attr.Pos, Attr.Tag, Attr.EntIob, Attr.EntType]);

    /// <inheritdoc />
    public IReadOnlyList<Attr> Writes { get; } = Array.AsReadOnly<Attr>([Attr.EntIob, Attr.EntType, Attr.EntId]);

    /// <summary>
    /// The share of features (all but the bias) left out of each training decision, at random (default 0.3, from 0
    /// up to 1): noise that keeps the model from leaning on a few memorized words, so it generalizes better to unseen
    /// names (+2 F on ner/en_ewt dev). The drops come from a generator seeded in <see cref="Initialize"/>, so the
    /// same training gives the same model.
    /// </summary>
    public double DropRate
    {
        get => _dropRate;
        init => _dropRate = FeatureDropout.Checked(value, nameof(DropRate));
    }

    /// <summary>Whether the recognizer has a model (trained or loaded).</summary>
    public bool IsTrained => _model is not null;

    /// <summary>The entity labels it predicts, sorted; for meta.json.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The labels training is restricted to (the "labels" setting), or null when every label is learned.</summary>
    public IReadOnlyList<string>? AllowedLabels => _allowedLabels;

    /// <summary>Creates a recognizer from a factory config: "labels" (optional list of strings).</summary>
    public static EntityRecognizer FromConfig(IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new EntityRecognizer(labels: ConfigValues.GetStringList(config, FactoryName, LabelsKey));
    }

    /// <summary>
    /// Labels the entities of <paramref name="doc"/>: existing entities are kept, every other token gets O or
    /// becomes part of a predicted entity (E063 when untrained).
    /// </summary>
    public Doc Process(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var model = _model ?? throw Errors.NotTrained(Name);
        if (doc.Length == 0)
        {
            return doc;
        }

        EnsureLabels(doc.Vocab.Strings);
        Run(model, doc, default);
        return doc;
    }

    private protected override byte[] SaveModel() =>
        EntityRecognizerFormatter.Instance.Write(new LabelledSavedState(_labels, _model ?? throw Errors.NotTrained(Name), _lexicon.Codes));

    private protected override void LoadModel(ReadOnlyMemory<byte> data, string source)
    {
        var state = EntityRecognizerFormatter.Instance.Read(data, source);
        SetLabels(state.Labels);
        _model = state.Model;
        _lexicon = state.Lexicon is { Count: > 0 } codes ? NerLexicon.FromCodes(codes) : NerLexicon.Empty;
        _labelIndex = null;
    }

    /// <summary>
    /// Decodes <paramref name="doc"/> and writes the entities into it. Given gold classes (-1 = unknown) it also
    /// learns from each mistake and returns the loss.
    /// </summary>
    private TrainingLoss Run(AveragedPerceptron model, Doc doc, ReadOnlySpan<int> gold)
    {
        var n = doc.Length;
        var lex = ArrayPool<LexicalFeatures>.Shared.Rent(n);
        var history = ArrayPool<int>.Shared.Rent(n);
        var codes = ArrayPool<ulong>.Shared.Rent(n);
        try
        {
            var strings = doc.Vocab.Strings;
            var orth = doc.OrthColumn;
            var lexicon = _lexicon;
            for (var i = 0; i < n; i++)
            {
                lex[i] = LexicalFeatures.Get(strings, orth[i]);
                codes[i] = lexicon.CodeOf(lex[i].Lower, gold.IsEmpty ? -1 : gold[i]);
            }

            var classes = history.AsSpan(0, n);
            MarkFixed(doc, classes);
            var lexSpan = lex.AsSpan(0, n);
            var priors = lexicon.Codes.Count > 0 ? codes.AsSpan(0, n) : default;
            var context = new NerFeatures.Context(lexSpan, doc.PosColumn, doc.TagColumn, TaggerFeatures.Capitals(lexSpan), priors);
            var loss = Decode(model, context, classes, gold);
            Write(doc, classes);
            return loss;
        }
        finally
        {
            ArrayPool<LexicalFeatures>.Shared.Return(lex);
            ArrayPool<int>.Shared.Return(history);
            ArrayPool<ulong>.Shared.Return(codes);
        }
    }

    /// <summary>Sets <see cref="Biluo.Fixed"/> for the tokens of existing entities and 0 elsewhere.</summary>
    private static void MarkFixed(Doc doc, Span<int> classes)
    {
        classes.Clear();
        if (doc.IobColumn is not { } iob || doc.EntTypeColumn is not { } types)
        {
            return;
        }

        for (var i = 0; i < classes.Length; i++)
        {
            if (iob[i] is 1 or 3 && types[i] != 0)
            {
                classes[i] = Biluo.Fixed;
            }
        }
    }

    /// <summary>
    /// Labels every non-fixed token left to right, choosing the best class the BILUO constraints allow after the
    /// previous one. A fixed token (or the doc's end) closes any open entity: the token before it may not be B or I.
    /// </summary>
    private TrainingLoss Decode(AveragedPerceptron model, in NerFeatures.Context context, Span<int> classes, ReadOnlySpan<int> gold)
    {
        var training = !gold.IsEmpty;
        var n = classes.Length;
        float[]? rented = null;
        var scores = model.Classes <= 512 ? stackalloc float[model.Classes] : (rented = ArrayPool<float>.Shared.Rent(model.Classes)).AsSpan(0, model.Classes);
        Span<ulong> features = stackalloc ulong[NerFeatures.MaxCount];
        int errors = 0, total = 0;
        for (var i = 0; i < n; i++)
        {
            if (classes[i] == Biluo.Fixed)
            {
                continue;
            }

            var count = NerFeatures.Extract(context, classes, i, features);
            if (training && DropRate > 0)
            {
                count = FeatureDropout.Apply(features[..count], DropRate, ref _noise);
            }

            var used = features[..count];
            model.Score(used, scores);
            var previous = i == 0 ? Biluo.Start : classes[i - 1];
            var last = i + 1 == n || classes[i + 1] == Biluo.Fixed;
            var guess = Biluo.BestValid(scores, previous, last);
            if (training && gold[i] >= 0)
            {
                model.Update(used, Biluo.Oracle(gold[i], previous, last), guess);
                total++;
                errors += guess == gold[i] ? 0 : 1;
            }

            classes[i] = guess;
        }

        if (rented is not null)
        {
            ArrayPool<float>.Shared.Return(rented);
        }

        return new TrainingLoss(errors, total);
    }

    /// <summary>Writes the decoded classes as IOB codes and entity types, leaving fixed tokens alone.</summary>
    private void Write(Doc doc, ReadOnlySpan<int> classes)
    {
        var n = doc.Length;
        var iob = Doc.Ensure(ref doc.IobColumn, n);
        var types = Doc.Ensure(ref doc.EntTypeColumn, n);
        for (var i = 0; i < n; i++)
        {
            var cls = classes[i];
            if (cls == Biluo.Fixed)
            {
                continue;
            }

            if (cls == Biluo.Outside)
            {
                iob[i] = 2;
                types[i] = 0;
                continue;
            }

            var kind = Biluo.KindOf(cls);
            iob[i] = kind is Biluo.Begin or Biluo.Unit ? (byte)3 : (byte)1;
            types[i] = _labelHashes[Biluo.LabelOf(cls)];
        }

        if (doc.EntIdColumn is { } ids)
        {
            for (var i = 0; i < n; i++)
            {
                if (classes[i] != Biluo.Fixed)
                {
                    ids[i] = 0;
                }
            }
        }
    }

    private void SetLabels(string[] labels)
    {
        _labels = labels;
        _labelHashes = Array.ConvertAll(labels, l => StringStore.Hash(l));
        _labelsAdded.Reset();
    }

    private void EnsureLabels(StringStore strings) => _labelsAdded.EnsureIn(strings, _labels);

    private static string ValidLabel(string label) =>
        string.IsNullOrEmpty(label) || label == "O" || !ConlluNer.IsLabel(label)
            ? throw Errors.InvalidEntityLabel(label ?? "null")
            : label;
}
