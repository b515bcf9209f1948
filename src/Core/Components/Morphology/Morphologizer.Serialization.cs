using MessagePack;
using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Components.Morphology;

public sealed partial class Morphologizer
{
    private const int FormatVersion = 1;

    /// <summary>The model as bytes (MessagePack, versioned): the feature bundles and the classifier.</summary>
    public byte[] ToBytes()
    {
        var model = _model ?? throw Errors.NotTrained(Name);
        var labels = _labels;
        return MsgPack.Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(3);
            w.Write("format");
            w.Write(FormatVersion);
            w.Write("labels");
            MsgPack.WriteStringArray(ref w, labels);
            w.Write("model");
            model.Write(ref w);
        });
    }

    /// <summary>Loads a model written by <see cref="ToBytes"/>; bad data raises <see cref="PipelineFormatException"/>.</summary>
    public void FromBytes(byte[] data) => Load(data, $"{Name} bytes");

    private void Load(byte[] data, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (labels, model) = MsgPack.Read(data, source, (ref MessagePackReader r) =>
        {
            string[]? labels = null;
            AveragedPerceptron? model = null;
            var version = 0;
            var fields = r.ReadMapHeader();
            for (var i = 0; i < fields; i++)
            {
                switch (MsgPack.ReadString(ref r))
                {
                    case "format":
                        version = r.ReadInt32();
                        if (version > FormatVersion)
                        {
                            throw Errors.UnsupportedFormat(source, version, FormatVersion);
                        }

                        break;
                    case "labels":
                        labels = MsgPack.ReadStringArray(ref r);
                        break;
                    case "model":
                        model = AveragedPerceptron.Read(ref r, source);
                        break;
                    default:
                        r.Skip();
                        break;
                }
            }

            if (version < 1 || labels is null || model is null)
            {
                throw new InvalidDataException("a morphologizer model needs 'format', 'labels' and 'model'");
            }

            if (labels.Length != model.Classes)
            {
                throw new InvalidDataException($"the model has {model.Classes} classes but {labels.Length} labels");
            }

            return (labels, model);
        });
        SetLabels(labels);
        _model = model;
    }
}
