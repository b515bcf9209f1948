using MessagePack;
using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Components.Lemmatization;

public sealed partial class Lemmatizer
{
    private const int FormatVersion = 1;

    /// <summary>The model as bytes (MessagePack, versioned): lookup table, edit scripts and classifier.</summary>
    public byte[] ToBytes()
    {
        var model = _model ?? throw Errors.NotTrained(Name);
        var lookup = _lookup.OrderBy(e => e.Key.Form).ThenBy(e => e.Key.Pos).ToList();
        var scripts = _scripts;
        return MsgPack.Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(4);
            w.Write("format");
            w.Write(FormatVersion);
            w.Write("lookup");
            w.WriteArrayHeader(lookup.Count);
            foreach (var ((form, pos), lemma) in lookup)
            {
                w.WriteArrayHeader(3);
                w.Write(form);
                w.Write(pos);
                w.Write(lemma);
            }

            w.Write("scripts");
            MsgPack.WriteStringArray(ref w, scripts.Select(s => s.Code).ToList());
            w.Write("model");
            model.Write(ref w);
        });
    }

    /// <summary>Loads a model written by <see cref="ToBytes"/>; bad data raises <see cref="PipelineFormatException"/>.</summary>
    public void FromBytes(byte[] data) => Load(data, $"{Name} bytes");

    private void Load(byte[] data, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (lookup, scripts, model) = MsgPack.Read(data, source, (ref MessagePackReader r) =>
        {
            Dictionary<(ulong, ulong), string>? lookup = null;
            EditScript[]? scripts = null;
            AveragedPerceptron? model = null;
            var version = 0;
            var fields = r.ReadMapHeader();
            for (var i = 0; i < fields; i++)
            {
                switch (MsgPack.ReadString(ref r))
                {
                    case "format":
                        version = MsgPack.ReadFormatVersion(ref r, source, FormatVersion);
                        break;
                    case "lookup":
                        var count = r.ReadArrayHeader();
                        lookup = new Dictionary<(ulong, ulong), string>(Math.Min(count, 1 << 16));
                        for (var e = 0; e < count; e++)
                        {
                            if (r.ReadArrayHeader() != 3)
                            {
                                throw new InvalidDataException("a lookup entry must be (form, pos, lemma)");
                            }

                            lookup.Add((r.ReadUInt64(), r.ReadUInt64()), MsgPack.ReadString(ref r));
                        }

                        break;
                    case "scripts":
                        scripts = Array.ConvertAll(
                            MsgPack.ReadStringArray(ref r),
                            code => EditScript.Parse(code) ?? throw new InvalidDataException($"bad edit script '{code}'"));
                        break;
                    case "model":
                        model = AveragedPerceptron.Read(ref r, source);
                        break;
                    default:
                        r.Skip();
                        break;
                }
            }

            if (version < 1 || lookup is null || scripts is null || model is null)
            {
                throw new InvalidDataException("a lemmatizer model needs 'format', 'lookup', 'scripts' and 'model'");
            }

            if (scripts.Length != model.Classes)
            {
                throw new InvalidDataException($"the model has {model.Classes} classes but {scripts.Length} scripts");
            }

            return (lookup, scripts, model);
        });
        _lookup = lookup;
        _scripts = scripts;
        _model = model;
    }
}
