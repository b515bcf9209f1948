using System.Buffers.Binary;
using MessagePack;
using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Components.Parsing;

public sealed partial class Parser
{
    // 2: the model may read morphological features ("morphology"), which a version-1 reader would silently ignore
    // (and parse worse); version-1 models load as models without them and parse as before.
    private const int FormatVersion = 2;

    /// <summary>The model as bytes (MessagePack, versioned); while training, its averaged snapshot.</summary>
    public byte[] ToBytes()
    {
        var model = _model ?? throw Errors.NotTrained(Name);
        var (labels, moves, actionLabels, rootDep, morphology) = (_labels, _moves, _actionLabels, _rootDep, _morphology);
        var lexicon = new byte[_lexicon.Count * 2 * sizeof(ulong)];
        var offset = 0;
        foreach (var (word, ambiguity) in _lexicon.OrderBy(p => p.Key))
        {
            BinaryPrimitives.WriteUInt64LittleEndian(lexicon.AsSpan(offset), word);
            BinaryPrimitives.WriteUInt64LittleEndian(lexicon.AsSpan(offset + sizeof(ulong)), ambiguity);
            offset += 2 * sizeof(ulong);
        }

        return MsgPack.Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(7);
            w.Write("format");
            w.Write(FormatVersion);
            w.Write("morphology");
            w.Write(morphology);
            w.Write("labels");
            MsgPack.WriteStringArray(ref w, labels);
            w.Write("root_label");
            w.Write(rootDep);
            w.Write("actions");
            w.WriteArrayHeader(moves.Length);
            for (var a = 0; a < moves.Length; a++)
            {
                w.WriteArrayHeader(2);
                w.Write((int)moves[a]);
                w.Write(actionLabels[a]);
            }

            w.Write("lexicon");
            w.Write(lexicon);
            w.Write("model");
            model.Write(ref w);
        });
    }

    /// <summary>Loads a model written by <see cref="ToBytes"/>; bad data raises <see cref="PipelineFormatException"/>.</summary>
    public void FromBytes(byte[] data) => Load(data, $"{Name} bytes");

    private void Load(byte[] data, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        var state = MsgPack.Read(data, source, (ref MessagePackReader r) => ReadState(ref r, source));
        SetActions(state.Labels, state.Moves, state.ActionLabels, state.RootDep);
        _lexicon = state.Lexicon;
        _morphology = state.Morphology;
        _model = state.Model;
        _labelIds = null;
    }

    private static State ReadState(ref MessagePackReader r, string source)
    {
        string[]? labels = null;
        string? rootDep = null;
        Move[]? moves = null;
        int[]? actionLabels = null;
        Dictionary<ulong, ulong>? lexicon = null;
        AveragedPerceptron? model = null;
        bool? morphology = null;
        var version = 0;
        var fields = r.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            switch (MsgPack.ReadString(ref r))
            {
                case "format":
                    version = MsgPack.ReadFormatVersion(ref r, source, FormatVersion);
                    break;
                case "morphology":
                    morphology = r.ReadBoolean();
                    break;
                case "labels":
                    labels = MsgPack.ReadStringArray(ref r);
                    break;
                case "root_label":
                    rootDep = MsgPack.ReadString(ref r);
                    break;
                case "actions":
                    var count = r.ReadArrayHeader();
                    if (count > AveragedPerceptron.MaxClasses)
                    {
                        throw new InvalidDataException($"{count} actions exceed the limit of {AveragedPerceptron.MaxClasses}");
                    }

                    moves = new Move[count];
                    actionLabels = new int[count];

                    for (var a = 0; a < count; a++)
                    {
                        if (r.ReadArrayHeader() != 2)
                        {
                            throw new InvalidDataException("an action must have 2 fields (move, label)");
                        }

                        var move = r.ReadInt32();
                        moves[a] = move is >= 0 and <= 3 ? (Move)move : throw new InvalidDataException($"unknown move {move}");
                        actionLabels[a] = r.ReadInt32();
                    }

                    break;
                case "lexicon":
                    var bytes = MsgPack.ReadBinary(ref r).Span;
                    if (bytes.Length % (2 * sizeof(ulong)) != 0)
                    {
                        throw new InvalidDataException("the lexicon is not a whole number of (word, class) pairs");
                    }

                    lexicon = new Dictionary<ulong, ulong>(bytes.Length / (2 * sizeof(ulong)));
                    for (var w = 0; w < bytes.Length; w += 2 * sizeof(ulong))
                    {
                        lexicon.Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes[w..]), BinaryPrimitives.ReadUInt64LittleEndian(bytes[(w + sizeof(ulong))..]));
                    }

                    break;
                case "model":
                    model = AveragedPerceptron.Read(ref r, source);
                    break;
                default:
                    r.Skip();
                    break;
            }
        }

        if (version < 1 || labels is null || rootDep is null || moves is null || actionLabels is null || lexicon is null || model is null)
        {
            throw new InvalidDataException("a parser model needs 'format', 'labels', 'root_label', 'actions', 'lexicon' and 'model'");
        }

        if (rootDep.Length == 0)
        {
            throw new InvalidDataException("the root label is empty");
        }

        Validate(labels, moves, actionLabels, model);
        // Version 1 had no morphological features; version 2 always says.
        if (morphology is null && version >= 2)
        {
            throw new InvalidDataException("a version-2 parser model needs 'morphology'");
        }

        return new State(labels, rootDep, moves, actionLabels, lexicon, model, morphology ?? false);
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

    private sealed record State(
        string[] Labels, string RootDep, Move[] Moves, int[] ActionLabels, Dictionary<ulong, ulong> Lexicon, AveragedPerceptron Model, bool Morphology);
}
