using MessagePack;
using Pipeline.Serialization;

namespace Pipeline.Training;

/// <summary>
/// The saved form shared by perceptron components that predict from a label list: <c>labels</c>, <c>model</c> and,
/// for those that keep one, <c>lexicon</c> (a <see cref="LexiconCodec"/> word table, written when not empty). Each
/// component's formatter checks that the labels fit its model.
/// </summary>
/// <param name="kind">What the model is, for errors.</param>
/// <param name="version">The version written.</param>
/// <param name="hasLexicon">Whether the component keeps a word table.</param>
internal abstract class LabelledModelFormatter(string kind, int version, bool hasLexicon)
    : ModelFormatter<LabelledSavedState, LabelledModelFormatter.Fields>(kind, version)
{
    /// <summary>Whether the component keeps a word table.</summary>
    protected bool HasLexicon { get; } = hasLexicon;

    protected override int FieldCount(LabelledSavedState state) => HasLexicon && state.Lexicon is { Count: > 0 } ? 3 : 2;

    protected override void WriteFields(ref MessagePackWriter w, LabelledSavedState state)
    {
        w.Write("labels");
        MsgPack.WriteStringArray(ref w, state.Labels);
        w.Write("model");
        state.Model.Write(ref w);
        if (FieldCount(state) == 3)
        {
            w.Write("lexicon");
            LexiconCodec.Write(ref w, state.Lexicon!);
        }
    }

    protected override bool ReadField(ref MessagePackReader r, string key, Fields f, string source)
    {
        switch (key)
        {
            case "labels":
                f.Labels = MsgPack.ReadStringArray(ref r);
                break;
            case "model":
                f.Model = AveragedPerceptron.Read(ref r, source);
                break;
            case "lexicon" when HasLexicon:
                f.Lexicon = LexiconCodec.Read(ref r);
                break;
            default:
                return false;
        }

        return true;
    }

    protected override LabelledSavedState Build(Fields f, int version)
    {
        if (f is not { Labels: { } labels, Model: { } model })
        {
            throw new InvalidDataException($"a {Kind} model needs 'labels' and 'model'");
        }

        Validate(labels, model);
        return new LabelledSavedState(labels, model, HasLexicon ? f.Lexicon ?? [] : null);
    }

    /// <summary>Throws <see cref="InvalidDataException"/> when the labels do not fit the model.</summary>
    protected abstract void Validate(string[] labels, AveragedPerceptron model);

    /// <summary>The fields read so far.</summary>
    internal sealed class Fields
    {
        public string[]? Labels;
        public AveragedPerceptron? Model;
        public Dictionary<ulong, ulong>? Lexicon;
    }
}
