using MessagePack;
using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Components.Parsing;

/// <summary>
/// The parser's <c>model.bin</c>: <c>morphology</c>, <c>labels</c>, <c>root_label</c>, <c>actions</c> ([move,
/// label] pairs), <c>lexicon</c> (a <see cref="LexiconCodec"/> word table) and <c>model</c>. Version 2 added
/// <c>morphology</c> (the model may read morphological features, which a version-1 reader would silently ignore and
/// parse worse); version-1 models load as models without them and parse as before.
/// </summary>
internal sealed class ParserFormatter() : ModelFormatter<ParserSavedState, ParserFormatter.Fields>("parser", version: 3)
{
    public static ParserFormatter Instance { get; } = new();

    protected override int FieldCount(ParserSavedState state) => 6;

    protected override void WriteFields(ref MessagePackWriter w, ParserSavedState state)
    {
        w.Write("morphology");
        w.Write(state.Morphology);
        w.Write("labels");
        MsgPack.WriteStringArray(ref w, state.Labels);
        w.Write("root_label");
        w.Write(state.RootDep);
        w.Write("actions");
        w.WriteArrayHeader(state.Moves.Length);
        for (var a = 0; a < state.Moves.Length; a++)
        {
            w.WriteArrayHeader(2);
            w.Write((int)state.Moves[a]);
            w.Write(state.ActionLabels[a]);
        }

        w.Write("lexicon");
        LexiconCodec.Write(ref w, state.Lexicon);
        w.Write("model");
        state.Model.Write(ref w);
    }

    protected override bool ReadField(ref MessagePackReader r, string key, Fields f, string source)
    {
        switch (key)
        {
            case "morphology":
                f.Morphology = r.ReadBoolean();
                break;
            case "labels":
                f.Labels = MsgPack.ReadStringArray(ref r);
                break;
            case "root_label":
                f.RootDep = MsgPack.ReadString(ref r);
                break;
            case "actions":
                (f.Moves, f.ActionLabels) = ReadActions(ref r);
                break;
            case "lexicon":
                f.Lexicon = LexiconCodec.Read(ref r);
                break;
            case "model":
                f.Model = AveragedPerceptron.Read(ref r, source);
                break;
            default:
                return false;
        }

        return true;
    }

    protected override ParserSavedState Build(Fields f, int version)
    {
        if (f is not { Labels: { } labels, RootDep: { } rootDep, Moves: { } moves, ActionLabels: { } actionLabels, Lexicon: { } lexicon, Model: { } model })
        {
            throw new InvalidDataException("a parser model needs 'labels', 'root_label', 'actions', 'lexicon' and 'model'");
        }

        if (rootDep.Length == 0)
        {
            throw new InvalidDataException("the root label is empty");
        }

        Validate(labels, moves, actionLabels, model);
        // Version 1 had no morphological features; version 2 always says.
        if (f.Morphology is null && version >= 2)
        {
            throw new InvalidDataException("a version-2 parser model needs 'morphology'");
        }

        return new ParserSavedState(labels, rootDep, moves, actionLabels, lexicon, model, f.Morphology ?? false);
    }

    private static (Move[] Moves, int[] Labels) ReadActions(ref MessagePackReader r)
    {
        var count = r.ReadArrayHeader();
        if (count > AveragedPerceptron.MaxClasses)
        {
            throw new InvalidDataException($"{count} actions exceed the limit of {AveragedPerceptron.MaxClasses}");
        }

        var moves = new Move[count];
        var labels = new int[count];
        for (var a = 0; a < count; a++)
        {
            MsgPackMap.ReadTuple(ref r, 2, "an action (move, label)");
            var move = r.ReadInt32();
            moves[a] = move is >= 0 and <= 3 ? (Move)move : throw new InvalidDataException($"unknown move {move}");
            labels[a] = r.ReadInt32();
        }

        return (moves, labels);
    }

    private static void Validate(string[] labels, Move[] moves, int[] actionLabels, AveragedPerceptron model)
    {
        if (model.Classes != moves.Length)
        {
            throw new InvalidDataException($"the model has {model.Classes} classes but there are {moves.Length} actions");
        }

        if (labels.Any(l => l.Length == 0) || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
        {
            throw new InvalidDataException("a label is empty or repeated");
        }

        // Every configuration must have a valid action: shift, reduce and the attachment to the root are required.
        bool shift = false, reduce = false, root = false;
        var seen = new HashSet<(Move, int)>();
        for (var a = 0; a < moves.Length; a++)
        {
            var label = actionLabels[a];
            var ok = moves[a] switch
            {
                Move.Shift or Move.Reduce => label == ParseState.NoLabel,
                Move.Left => label == ParseState.RootLabel || (label >= 2 && label < labels.Length + 2),
                _ => label >= 2 && label < labels.Length + 2,
            };
            if (!ok || !seen.Add((moves[a], label)))
            {
                throw new InvalidDataException($"action {a} ({moves[a]}, label {label}) is invalid or repeated");
            }

            shift |= moves[a] == Move.Shift;
            reduce |= moves[a] == Move.Reduce;
            root |= moves[a] == Move.Left && label == ParseState.RootLabel;
        }

        if (!shift || !reduce || !root)
        {
            throw new InvalidDataException("the actions must include shift, reduce and the attachment to the root");
        }
    }

    /// <summary>The fields read so far.</summary>
    internal sealed class Fields
    {
        public string[]? Labels;
        public string? RootDep;
        public Move[]? Moves;
        public int[]? ActionLabels;
        public Dictionary<ulong, ulong>? Lexicon;
        public AveragedPerceptron? Model;
        public bool? Morphology;
    }
}
