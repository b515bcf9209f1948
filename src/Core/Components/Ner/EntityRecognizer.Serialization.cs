using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Components.Ner;

public sealed partial class EntityRecognizer
{
    /// <summary>The model as bytes (MessagePack, versioned: labels, weights, word lexicon); while training, its averaged snapshot.</summary>
    public byte[] ToBytes() =>
        LabelledModelFormat.Write(_labels, _model ?? throw Errors.NotTrained(Name), _lexicon.Codes.Count > 0 ? _lexicon.Codes : null);

    /// <summary>Loads a model written by <see cref="ToBytes"/>; bad data raises <see cref="PipelineFormatException"/>.</summary>
    public void FromBytes(byte[] data) => Load(data, $"{Name} bytes");

    private void Load(byte[] data, string source)
    {
        var (labels, model, lexicon) = LabelledModelFormat.ReadWithLexicon(data, source, "entity recognizer", Validate);
        SetLabels(labels);
        _model = model;
        _lexicon = lexicon.Count > 0 ? NerLexicon.FromCodes(lexicon) : NerLexicon.Empty;
        _labelIndex = null;
    }

    private static void Validate(string[] labels, AveragedPerceptron model)
    {
        if (labels.Length == 0 || model.Classes != Biluo.ClassCount(labels.Length))
        {
            throw new InvalidDataException($"the model has {model.Classes} classes, but {labels.Length} entity labels need {Biluo.ClassCount(labels.Length)}");
        }

        if (labels.Any(l => l.Length == 0 || l == "O" || !ConlluNer.IsLabel(l)) || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
        {
            throw new InvalidDataException("the labels must be distinct, non-empty, not 'O' and without whitespace");
        }
    }
}
