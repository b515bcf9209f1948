using MessagePack;
using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Components.Lemmatization;

/// <summary>
/// The lemmatizer's <c>model.bin</c>: <c>lookup</c> ([form, pos, lemma] entries, sorted), <c>scripts</c> (the edit
/// scripts' codes, one per class) and <c>model</c>.
/// </summary>
internal sealed class LemmatizerFormatter() : ModelFormatter<LemmatizerSavedState, LemmatizerFormatter.Fields>("lemmatizer", version: 2)
{
    public static LemmatizerFormatter Instance { get; } = new();

    protected override int FieldCount(LemmatizerSavedState state) => 3;

    protected override void WriteFields(ref MessagePackWriter w, LemmatizerSavedState state)
    {
        w.Write("lookup");
        w.WriteArrayHeader(state.Lookup.Count);
        foreach (var ((form, pos), lemma) in state.Lookup.OrderBy(e => e.Key.Form).ThenBy(e => e.Key.Pos))
        {
            w.WriteArrayHeader(3);
            w.Write(form);
            w.Write(pos);
            w.Write(lemma);
        }

        w.Write("scripts");
        MsgPack.WriteStringArray(ref w, Array.ConvertAll(state.Scripts, s => s.Code));
        w.Write("model");
        state.Model.Write(ref w);
    }

    protected override bool ReadField(ref MessagePackReader r, string key, Fields f, string source)
    {
        switch (key)
        {
            case "lookup":
                var count = r.ReadArrayHeader();
                f.Lookup = new Dictionary<(ulong, ulong), string>(Math.Min(count, 1 << 16));
                for (var e = 0; e < count; e++)
                {
                    MsgPackMap.ReadTuple(ref r, 3, "a lookup entry (form, pos, lemma)");
                    f.Lookup.Add((r.ReadUInt64(), r.ReadUInt64()), MsgPack.ReadString(ref r));
                }

                break;
            case "scripts":
                f.Scripts = Array.ConvertAll(
                    MsgPack.ReadStringArray(ref r),
                    code => EditScript.Parse(code) ?? throw new InvalidDataException($"bad edit script '{code}'"));
                break;
            case "model":
                f.Model = AveragedPerceptron.Read(ref r, source);
                break;
            default:
                return false;
        }

        return true;
    }

    protected override LemmatizerSavedState Build(Fields f, int version)
    {
        if (f is not { Lookup: { } lookup, Scripts: { } scripts, Model: { } model })
        {
            throw new InvalidDataException("a lemmatizer model needs 'lookup', 'scripts' and 'model'");
        }

        return scripts.Length == model.Classes
            ? new LemmatizerSavedState(lookup, scripts, model)
            : throw new InvalidDataException($"the model has {model.Classes} classes but {scripts.Length} scripts");
    }

    /// <summary>The fields read so far.</summary>
    internal sealed class Fields
    {
        public Dictionary<(ulong, ulong), string>? Lookup;
        public EditScript[]? Scripts;
        public AveragedPerceptron? Model;
    }
}
