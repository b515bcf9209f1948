using System.Buffers;
using Pipeline.Serialization;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Lemmatization;

/// <summary>
/// A statistical lemmatizer (factory "lemmatizer"): a word form seen in training with the same universal tag gets
/// its most frequent lemma from a table; any other form gets the lemma made by an edit script (strip and add a
/// suffix or prefix, lower-case) that an averaged perceptron picks from the form's affixes, shape and tags. Run it
/// after the tagger: it reads <see cref="Token.Pos"/> (and <see cref="Token.Tag"/> when set). Train it with <see cref="Train"/> (or, in the trainer, <see cref="Initialize"/>, <see cref="Update"/> and <see cref="FinishTraining"/>, which learn from the tags the tagger predicts); it is saved as <c>model.bin</c> in its directory. <see cref="Process"/>
/// is safe for concurrent use.
/// </summary>
public sealed partial class Lemmatizer : IPipe, IByteSerializable, IDiskSerializable, IIsolatedState, IDeclaresAttributes
{
    /// <summary>The name of the factory that creates lemmatizers.</summary>
    public const string FactoryName = "lemmatizer";

    /// <summary>The file that holds the model in the component's directory.</summary>
    public const string ModelFile = "model.bin";

    private const int Candidates = 8;
    private Dictionary<(ulong Form, ulong Pos), string> _lookup = [];
    private EditScript[] _scripts = [];
    private AveragedPerceptron? _model;

    /// <summary>Creates an untrained lemmatizer.</summary>
    public Lemmatizer(string name = FactoryName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<Attr> Reads { get; } = Array.AsReadOnly<Attr>([Attr.Orth, Attr.Pos, Attr.Tag]);

    /// <inheritdoc />
    public IReadOnlyList<Attr> Writes { get; } = Array.AsReadOnly<Attr>([Attr.Lemma]);

    /// <summary>Whether the lemmatizer has a model (trained or loaded).</summary>
    public bool IsTrained => _model is not null;

    /// <summary>How many (form, universal tag) pairs the lookup table holds.</summary>
    public int LookupSize => _lookup.Count;

    /// <summary>How many edit scripts the classifier chooses among.</summary>
    public int ScriptCount => _scripts.Length;

    /// <summary>Sets <see cref="Token.Lemma"/> of every token (E063 when untrained).</summary>
    public Doc Process(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var model = _model ?? throw Errors.NotTrained(Name);
        var n = doc.Length;
        if (n == 0)
        {
            return doc;
        }

        var strings = doc.Vocab.Strings;
        var lemmas = Doc.Ensure(ref doc.LemmaColumn, n);
        var scores = ArrayPool<float>.Shared.Rent(model.Classes);
        Span<ulong> features = stackalloc ulong[LemmatizerFeatures.Count];
        try
        {
            for (var i = 0; i < n; i++)
            {
                var form = strings[doc.OrthColumn[i]];
                var pos = doc.PosColumn?[i] ?? 0;
                if (!_lookup.TryGetValue((doc.OrthColumn[i], pos), out var lemma))
                {
                    LemmatizerFeatures.Extract(form, pos, doc.TagColumn?[i] ?? 0, features);
                    lemma = Predict(model, form, features, scores.AsSpan(0, model.Classes), out _);
                }

                lemmas[i] = strings.Add(lemma);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }

        return doc;
    }

    /// <summary>Writes <c>model.bin</c> into <paramref name="directory"/>.</summary>
    public void ToDisk(string directory) => AtomicFile.WriteAllBytes(Path.Combine(directory, ModelFile), ToBytes());

    /// <summary>Reads <c>model.bin</c> from <paramref name="directory"/> (E007 when missing).</summary>
    public void FromDisk(string directory)
    {
        var file = Path.Combine(directory, ModelFile);
        if (!File.Exists(file))
        {
            throw Errors.ComponentDataMissing(Name, file);
        }

        Load(InputFiles.ReadAllBytes(file, InputFiles.DataBytes, $"the {Name} model file"), file);
    }

    /// <summary>
    /// The lemma from the best-scoring script that fits the form (the form itself when none of the best few fits);
    /// <paramref name="script"/> is that script's class, or -1.
    /// </summary>
    private string Predict(AveragedPerceptron model, string form, ReadOnlySpan<ulong> features, Span<float> scores, out int script)
    {
        model.Score(features, scores);
        for (var k = 0; k < Candidates; k++)
        {
            var best = AveragedPerceptron.ArgMax(scores);
            if (_scripts[best].TryApply(form, out var lemma))
            {
                script = best;
                return lemma;
            }

            scores[best] = float.NegativeInfinity;
        }

        script = -1;
        return form;
    }
}
