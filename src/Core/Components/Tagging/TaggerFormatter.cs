using MessagePack;
using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Components.Tagging;

/// <summary>
/// The tagger's <c>model.bin</c>: <c>pos</c>, <c>tags</c>, <c>tag_dictionary</c> ([word, pos, tag] entries),
/// <c>ambiguity</c> (a <see cref="LexiconCodec"/> word table), <c>model</c>, <c>second</c> (or nil) and
/// <c>second_margin</c>. Version 2 stores the ambiguity classes in the shared word-table encoding; version 1
/// stored [word, class] arrays, which still load.
/// </summary>
internal sealed class TaggerFormatter() : ModelFormatter<TaggerSavedState, TaggerFormatter.Fields>("tagger", version: 3)
{
    public static TaggerFormatter Instance { get; } = new();

    protected override int FieldCount(TaggerSavedState state) => 7;

    protected override void WriteFields(ref MessagePackWriter w, TaggerSavedState state)
    {
        w.Write("pos");
        MsgPack.WriteStringArray(ref w, state.Pos);
        w.Write("tags");
        MsgPack.WriteStringArray(ref w, state.Tags);
        w.Write("tag_dictionary");
        w.WriteArrayHeader(state.TagDictionary.Count);
        foreach (var (word, (pos, tag)) in state.TagDictionary.OrderBy(p => p.Key))
        {
            w.WriteArrayHeader(3);
            w.Write(word);
            w.Write(pos);
            w.Write(tag);
        }

        w.Write("ambiguity");
        LexiconCodec.Write(ref w, state.Ambiguity);
        w.Write("model");
        state.Model.Write(ref w);
        w.Write("second");
        if (state.Second is null)
        {
            w.WriteNil();
        }
        else
        {
            state.Second.Write(ref w);
        }

        w.Write("second_margin");
        w.Write(state.SecondMargin);
    }

    protected override bool ReadField(ref MessagePackReader r, string key, Fields f, string source)
    {
        switch (key)
        {
            case "pos":
                f.Pos = MsgPack.ReadStringArray(ref r);
                break;
            case "tags":
                f.Tags = MsgPack.ReadStringArray(ref r);
                break;
            case "tag_dictionary":
                var entries = r.ReadArrayHeader();
                f.Dictionary = new Dictionary<ulong, (int, int)>(Math.Min(entries, 1 << 16));
                for (var e = 0; e < entries; e++)
                {
                    MsgPackMap.ReadTuple(ref r, 3, "a tag-dictionary entry");
                    f.Dictionary.Add(r.ReadUInt64(), (r.ReadInt32(), r.ReadInt32()));
                }

                break;
            case "ambiguity":
                f.Ambiguity = LexiconCodec.Read(ref r);
                break;
            case "model":
                f.Model = AveragedPerceptron.Read(ref r, source);
                break;
            case "second":
                f.Second = r.TryReadNil() ? null : AveragedPerceptron.Read(ref r, source);
                break;
            case "second_margin":
                f.Margin = r.ReadSingle();
                break;
            default:
                return false;
        }

        return true;
    }

    protected override TaggerSavedState Build(Fields f, int version)
    {
        if (f is not { Pos: { } pos, Tags: { } tags, Dictionary: { } dictionary, Ambiguity: { } ambiguity, Model: { } model })
        {
            throw new InvalidDataException("a tagger model needs 'pos', 'tags', 'tag_dictionary', 'ambiguity' and 'model'");
        }

        if (pos.Length == 0 || model.Classes != pos.Length + tags.Length)
        {
            throw new InvalidDataException($"the model has {model.Classes} classes but {pos.Length} + {tags.Length} labels");
        }

        if ((f.Second is not null && f.Second.Classes != model.Classes) || float.IsNaN(f.Margin))
        {
            throw new InvalidDataException("the second-pass model does not match the first");
        }

        foreach (var (p, t) in dictionary.Values)
        {
            if ((uint)p >= (uint)pos.Length || (tags.Length == 0 ? t != -1 : (uint)t >= (uint)tags.Length))
            {
                throw new InvalidDataException("a tag-dictionary entry names an unknown tag");
            }
        }

        return new TaggerSavedState(pos, tags, dictionary, ambiguity, model, f.Second, f.Margin);
    }

    /// <summary>The fields read so far.</summary>
    internal sealed class Fields
    {
        public string[]? Pos;
        public string[]? Tags;
        public Dictionary<ulong, (int, int)>? Dictionary;
        public Dictionary<ulong, ulong>? Ambiguity;
        public AveragedPerceptron? Model;
        public AveragedPerceptron? Second;
        public float Margin = float.PositiveInfinity;
    }
}
