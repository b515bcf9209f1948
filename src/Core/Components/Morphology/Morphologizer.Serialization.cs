using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Components.Morphology;

public sealed partial class Morphologizer
{
    /// <summary>The model as bytes (MessagePack, versioned): the labels and the classifier.</summary>
    public byte[] ToBytes() => LabelledModelFormat.Write(_labels, _model ?? throw Errors.NotTrained(Name));

    /// <summary>Loads a model written by <see cref="ToBytes"/>; bad data raises <see cref="PipelineFormatException"/>.</summary>
    public void FromBytes(byte[] data) => Load(data, $"{Name} bytes");

    private void Load(byte[] data, string source)
    {
        var (labels, model) = LabelledModelFormat.Read(data, source, "morphologizer", static (labels, model) =>
        {
            if (labels.Length != model.Classes)
            {
                throw new InvalidDataException($"the model has {model.Classes} classes but {labels.Length} labels");
            }
        });
        SetLabels(labels);
        _model = model;
    }
}
