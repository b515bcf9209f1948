using MessagePack;
using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Components.Tagging;

public sealed partial class Tagger
{
    private const int FormatVersion = 1;

    /// <summary>The model as bytes (MessagePack, versioned); while training, its averaged snapshot.</summary>
    public byte[] ToBytes()
    {
        var model = _model ?? throw Errors.NotTrained(Name);
        var (pos, tags) = (_pos, _tags);
        var dictionary = _tagDictionary.OrderBy(p => p.Key).ToList();
        var ambiguity = _ambiguity.OrderBy(p => p.Key).ToList();
        var (second, margin) = (_second, _secondMargin);
        return MsgPack.Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(8);
            w.Write("format");
            w.Write(FormatVersion);
            w.Write("pos");
            MsgPack.WriteStringArray(ref w, pos);
            w.Write("tags");
            MsgPack.WriteStringArray(ref w, tags);
            w.Write("tag_dictionary");
            w.WriteArrayHeader(dictionary.Count);
            foreach (var (word, (p, t)) in dictionary)
            {
                w.WriteArrayHeader(3);
                w.Write(word);
                w.Write(p);
                w.Write(t);
            }

            w.Write("ambiguity");
            w.WriteArrayHeader(ambiguity.Count);
            foreach (var (word, signature) in ambiguity)
            {
                w.WriteArrayHeader(2);
                w.Write(word);
                w.Write(signature);
            }

            w.Write("model");
            model.Write(ref w);
            w.Write("second");
            if (second is null)
            {
                w.WriteNil();
            }
            else
            {
                second.Write(ref w);
            }

            w.Write("second_margin");
            w.Write(margin);
        });
    }

    /// <summary>Loads a model written by <see cref="ToBytes"/>; bad data raises <see cref="PipelineFormatException"/>.</summary>
    public void FromBytes(byte[] data) => Load(data, $"{Name} bytes");

    private void Load(byte[] data, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        var state = MsgPack.Read(data, source, (ref MessagePackReader r) => ReadState(ref r, source));
        SetLabels(state.Pos, state.Tags);
        _tagDictionary = state.Dictionary;
        _ambiguity = state.Ambiguity;
        _model = state.Model;
        _second = state.Second;
        _secondMargin = state.SecondMargin;
        _posIndex = null;
        _tagIndex = null;
    }

    private static State ReadState(ref MessagePackReader r, string source)
    {
        string[]? pos = null, tags = null;
        Dictionary<ulong, (int, int)>? dictionary = null;
        Dictionary<ulong, ulong>? ambiguity = null;
        AveragedPerceptron? model = null;
        AveragedPerceptron? second = null;
        var margin = float.PositiveInfinity;
        var version = 0;
        var fields = r.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            switch (MsgPack.ReadString(ref r))
            {
                case "format":
                    version = MsgPack.ReadFormatVersion(ref r, source, FormatVersion);
                    break;
                case "pos":
                    pos = MsgPack.ReadStringArray(ref r);
                    break;
                case "tags":
                    tags = MsgPack.ReadStringArray(ref r);
                    break;
                case "tag_dictionary":
                    var entries = r.ReadArrayHeader();
                    dictionary = new Dictionary<ulong, (int, int)>(Math.Min(entries, 1 << 16));
                    for (var e = 0; e < entries; e++)
                    {
                        Expect(r.ReadArrayHeader(), 3, "a tag-dictionary entry");
                        dictionary.Add(r.ReadUInt64(), (r.ReadInt32(), r.ReadInt32()));
                    }

                    break;
                case "ambiguity":
                    var words = r.ReadArrayHeader();
                    ambiguity = new Dictionary<ulong, ulong>(Math.Min(words, 1 << 16));
                    for (var e = 0; e < words; e++)
                    {
                        Expect(r.ReadArrayHeader(), 2, "an ambiguity-class entry");
                        ambiguity.Add(r.ReadUInt64(), r.ReadUInt64());
                    }

                    break;
                case "model":
                    model = AveragedPerceptron.Read(ref r, source);
                    break;
                case "second":
                    second = r.TryReadNil() ? null : AveragedPerceptron.Read(ref r, source);
                    break;
                case "second_margin":
                    margin = r.ReadSingle();
                    break;
                default:
                    r.Skip();
                    break;
            }
        }

        if (version < 1 || pos is null || tags is null || dictionary is null || ambiguity is null || model is null)
        {
            throw new InvalidDataException("a tagger model needs 'format', 'pos', 'tags', 'tag_dictionary', 'ambiguity' and 'model'");
        }

        if (pos.Length == 0 || model.Classes != pos.Length + tags.Length)
        {
            throw new InvalidDataException($"the model has {model.Classes} classes but {pos.Length} + {tags.Length} labels");
        }

        if ((second is not null && second.Classes != model.Classes) || float.IsNaN(margin))
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

        return new State(pos, tags, dictionary, ambiguity, model, second, margin);
    }

    private static void Expect(int found, int expected, string what)
    {
        if (found != expected)
        {
            throw new InvalidDataException($"{what} must have {expected} fields, found {found}");
        }
    }

    private sealed record State(
        string[] Pos,
        string[] Tags,
        Dictionary<ulong, (int, int)> Dictionary,
        Dictionary<ulong, ulong> Ambiguity,
        AveragedPerceptron Model,
        AveragedPerceptron? Second,
        float SecondMargin);
}
