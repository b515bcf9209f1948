using MessagePack;
using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Components.Ner;

public sealed partial class EntityRecognizer
{
    private const int FormatVersion = 1;

    /// <summary>The model as bytes (MessagePack, versioned); while training, its averaged snapshot.</summary>
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
        var (labels, model) = MsgPack.Read(data, source, (ref MessagePackReader r) => ReadState(ref r, source));
        SetLabels(labels);
        _model = model;
        _labelIndex = null;
    }

    private static (string[] Labels, AveragedPerceptron Model) ReadState(ref MessagePackReader r, string source)
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
            throw new InvalidDataException("an entity recognizer model needs 'format', 'labels' and 'model'");
        }

        if (labels.Length == 0 || model.Classes != Biluo.ClassCount(labels.Length))
        {
            throw new InvalidDataException($"the model has {model.Classes} classes but {labels.Length} labels");
        }

        if (labels.Any(l => l.Length == 0 || l == "O" || l.Any(char.IsWhiteSpace)) || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
        {
            throw new InvalidDataException("the labels must be distinct, non-empty, not 'O' and without whitespace");
        }

        return (labels, model);
    }
}
