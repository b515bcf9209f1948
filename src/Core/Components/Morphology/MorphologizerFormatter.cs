using Pipeline.Training;

namespace Pipeline.Components.Morphology;

/// <summary>The morphologizer's <c>model.bin</c>: its feature bundles (<c>labels</c>, one per class) and <c>model</c>.</summary>
internal sealed class MorphologizerFormatter() : LabelledModelFormatter("morphologizer", version: 2, hasLexicon: false)
{
    public static MorphologizerFormatter Instance { get; } = new();

    protected override void Validate(string[] labels, AveragedPerceptron model)
    {
        if (labels.Length != model.Classes)
        {
            throw new InvalidDataException($"the model has {model.Classes} classes but {labels.Length} labels");
        }
    }
}
