using Pipeline.Components;
using Pipeline.Serialization;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Transformers.Heads.Lemmas;

/// <summary>
/// The neural lemmatizer (factory "trf_lemmatizer"): a <see cref="NeuralTokenClassifier"/> over the sm lemmatizer's
/// edit scripts (<see cref="HeadTarget.Lemma"/>) chooses each token's script from the token vectors, and the forms
/// the training data always lemmatizes the same way take that lemma (<see cref="FormLemmaTable"/>), so the
/// classifier decides the unseen and the ambiguous forms. Saved as the classifier's model.bin plus lookup.json.
/// </summary>
public sealed class NeuralLemmatizer : ITrainable, IDeclaresAttributes, IDiskSerializable
{
    private readonly NeuralTokenClassifier _scripts;
    private FormLemmaTable _table = FormLemmaTable.Empty;

    /// <summary>An untrained lemmatizer with the neural heads' settings of <paramref name="config"/> (docs/transformers.md).</summary>
    public NeuralLemmatizer(IReadOnlyDictionary<string, object?> config)
    {
        _scripts = NeuralTokenClassifier.Lemmatizer(config);
    }

    /// <inheritdoc />
    public string Name => _scripts.Name;

    /// <summary>The edit scripts the classifier chooses among (their codes).</summary>
    public IReadOnlyList<string> Labels => _scripts.Labels;

    /// <summary>How many forms the lookup table lemmatizes.</summary>
    public int LookupSize => _table.Lemmas.Count;

    /// <inheritdoc />
    public IReadOnlyList<Attr> Reads => _scripts.Reads;

    /// <inheritdoc />
    public IReadOnlyList<Attr> Writes => _scripts.Writes;

    /// <inheritdoc />
    public Doc Process(Doc doc)
    {
        _scripts.Process(doc);
        _table.Apply(doc);
        return doc;
    }

    /// <inheritdoc />
    public void Initialize(IEnumerable<Doc> golds)
    {
        ArgumentNullException.ThrowIfNull(golds);
        var docs = golds as IReadOnlyList<Doc> ?? [.. golds];
        _scripts.Initialize(docs);
        _table = FormLemmaTable.Build(docs);
    }

    /// <inheritdoc />
    public TrainingLoss Update(Doc predicted, Doc gold)
    {
        var loss = _scripts.Update(predicted, gold);
        _table.Apply(predicted);
        return loss;
    }

    /// <inheritdoc />
    public void FinishTraining() => _scripts.FinishTraining();

    /// <inheritdoc />
    public void ToDisk(string directory)
    {
        _scripts.ToDisk(directory);
        _table.Write(directory);
    }

    /// <inheritdoc />
    public void FromDisk(string directory)
    {
        _scripts.FromDisk(directory);
        _table = FormLemmaTable.Read(directory);
    }
}
