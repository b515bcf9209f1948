using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Parsing;

/// <summary>
/// A labelled dependency parser (factory "parser"): greedy arc-eager transitions with the virtual root at the end
/// of the buffer, scored by an averaged perceptron over the rich feature set of Zhang and Nivre (2011), with the
/// label folded into each arc move. It is trained with a dynamic oracle (Goldberg and Nivre 2012), so it learns to
/// recover from its own mistakes, and handles non-projective trees by pseudo-projective lifting (Nivre and Nilsson
/// 2005). It reads the words and the tags (<see cref="Token.Pos"/>, <see cref="Token.Tag"/>) set by the tagger and
/// sets <see cref="Token.Head"/>, <see cref="Token.Dep"/> (<see cref="RootDep"/> for roots) and the sentence starts: each
/// sentence already marked is parsed on its own, and a doc (or sentence) that comes out as several trees is split
/// into one sentence per tree. Saved as <c>model.bin</c> in its directory. <see cref="Process"/> is safe for
/// concurrent use.
/// </summary>
public sealed partial class Parser : ModelComponent, ITrainable, IDeclaresAttributes
{
    /// <summary>The name of the factory that creates parsers.</summary>
    public const string FactoryName = "parser";

    /// <summary>The label of a sentence's root word when the training data labels no root.</summary>
    public const string RootLabel = "ROOT";

    // Encoded labels (label id = index + 2; 0 = none, 1 = root) and the arc moves (class = index).
    private string[] _labels = [];
    private ulong[] _outputHashes = [0, 0];
    private ulong[] _targetHashes = [0, 0];
    private string[] _outputLabels = [RootLabel];
    private string _rootDep = RootLabel;
    private Move[] _moves = [];
    private int[] _actionLabels = [];
    private bool[] _rootActions = [];

    // Lower-cased words seen often enough in training, with the set of tags each took (its ambiguity class).
    private Dictionary<ulong, ulong> _lexicon = [];

    // Whether the model reads morphological features: its training docs had FEATS (set by a morphologizer).
    private bool _morphology;
    private AveragedPerceptron? _model;
    private readonly AddedLabels _labelsAdded = new();

    /// <summary>Creates an untrained parser.</summary>
    public Parser(string name = FactoryName)
        : base(name)
    {
    }

    /// <inheritdoc />
    public IReadOnlyList<Attr> Reads { get; } = Array.AsReadOnly<Attr>([Attr.Orth, Attr.Pos, Attr.Tag, Attr.Morph, Attr.SentStart]);

    /// <inheritdoc />
    public IReadOnlyList<Attr> Writes { get; } = Array.AsReadOnly<Attr>([Attr.Head, Attr.Dep, Attr.SentStart]);

    /// <summary>Whether the parser has a model (trained or loaded).</summary>
    public bool IsTrained => _model is not null;

    /// <summary>The dependency labels it can assign, sorted (with <see cref="RootDep"/>); for meta.json.</summary>
    public IReadOnlyList<string> Labels => _outputLabels;

    /// <summary>
    /// The label written on sentence roots: the one the training data gives its roots most often (<c>root</c> in
    /// Universal Dependencies), so predictions score against the same treebank; <see cref="RootLabel"/> when the
    /// roots had no label.
    /// </summary>
    public string RootDep => _rootDep;

    /// <summary>The number of classes (labelled moves) of the model.</summary>
    public int ActionCount => _moves.Length;

    /// <summary>
    /// Parses every sentence of the doc: sets <see cref="Token.Head"/>, <see cref="Token.Dep"/> and the sentence
    /// starts (E063 when untrained).
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
        var workspace = ParserWorkspace.Current;
        var random = default(SplitMix64);
        ParseDoc(model, doc, workspace, gold: false, explore: false, ref random);
        return doc;
    }

    private protected override byte[] SaveModel() => ParserFormatter.Instance.Write(
        new ParserSavedState(_labels, _rootDep, _moves, _actionLabels, _lexicon, _model ?? throw Errors.NotTrained(Name), _morphology));

    private protected override void LoadModel(ReadOnlyMemory<byte> data, string source)
    {
        var state = ParserFormatter.Instance.Read(data, source);
        SetActions(state.Labels, state.Moves, state.ActionLabels, state.RootDep);
        _lexicon = state.Lexicon;
        _morphology = state.Morphology;
        _model = state.Model;
        _labelIds = null;
    }

    /// <summary>
    /// Installs the label table (encoded labels, sorted) and the labelled moves, deriving what parsing needs: the
    /// label written for each id, the head label a lifted arc asks for, and which moves attach to the root.
    /// </summary>
    private void SetActions(string[] labels, Move[] moves, int[] actionLabels, string rootDep)
    {
        var output = new ulong[labels.Length + 2];
        var target = new ulong[labels.Length + 2];
        output[ParseState.RootLabel] = StringStore.Hash(rootDep);
        var names = new SortedSet<string>(StringComparer.Ordinal) { rootDep };
        for (var i = 0; i < labels.Length; i++)
        {
            var (label, head) = SplitLabel(labels[i]);
            output[i + 2] = StringStore.Hash(label);
            target[i + 2] = head is null ? 0 : StringStore.Hash(head);
            names.Add(label);
        }

        var root = new bool[moves.Length];
        for (var a = 0; a < moves.Length; a++)
        {
            root[a] = moves[a] == Move.Left && actionLabels[a] == ParseState.RootLabel;
        }

        _labels = labels;
        _rootDep = rootDep;
        _outputHashes = output;
        _targetHashes = target;
        _outputLabels = [.. names];
        _moves = moves;
        _actionLabels = actionLabels;
        _rootActions = root;
        _labelsAdded.Reset();
    }

    /// <summary>Splits an encoded label into the label written out and the label of the head it wants (or null).</summary>
    private static (string Label, string? Head) SplitLabel(string encoded)
    {
        var cut = encoded.IndexOf(PseudoProjective.Separator, StringComparison.Ordinal);
        return cut < 0 ? (encoded, null) : (encoded[..cut], encoded[(cut + PseudoProjective.Separator.Length)..]);
    }

    private void EnsureLabels(StringStore strings) => _labelsAdded.EnsureIn(strings, _outputLabels);
}
