using Pipeline.Corpora;
using Pipeline.Training;

namespace Pipeline.Components.Ner;

/// <summary>
/// The entity recognizer's <c>model.bin</c>: its entity <c>labels</c>, <c>model</c> and the word <c>lexicon</c>
/// (<see cref="NerLexicon"/> codes). Version 2 stores the lexicon in the shared word-table encoding; version 1 stored
/// a flat array of keys and values, which still loads.
/// </summary>
internal sealed class EntityRecognizerFormatter() : LabelledModelFormatter("entity recognizer", version: 3, hasLexicon: true)
{
    public static EntityRecognizerFormatter Instance { get; } = new();

    protected override void Validate(string[] labels, AveragedPerceptron model)
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
