using System.Text.Json;
using Pipeline.Components;
using Pipeline.Tokens;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Training;

/// <summary>
/// How checkpoints are ranked to pick model-best: a weighted mean of dev scores. The weights come from the meta
/// template's <c>training.score_weights</c>; by default each component's main score counts equally (tagger UPOS,
/// parser and trf_parser LAS, ner entity F1, lemmatizer lemma accuracy, morphologizer UFeats).
/// </summary>
public sealed class ScoreWeights
{
    /// <summary>The main score of each known component factory.</summary>
    public static readonly IReadOnlyDictionary<string, string> MainScores = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tagger"] = ScoreKeys.Upos,
        ["parser"] = ScoreKeys.Las,
        ["trf_parser"] = ScoreKeys.Las,
        ["ner"] = ScoreKeys.EntsF,
        ["trf_ner"] = ScoreKeys.EntsF,
        ["trf_lemmatizer"] = ScoreKeys.Lemma,
        ["lemmatizer"] = ScoreKeys.Lemma,
        ["morphologizer"] = ScoreKeys.UFeats,
    };

    /// <summary>The entity recognizers: the components that learn from the IOB2 corpora (--ner-train, --ner-dev) when given.</summary>
    public static readonly IReadOnlySet<string> EntityRecognizers = new HashSet<string>(StringComparer.Ordinal) { "ner", "trf_ner" };

    // The annotations each score compares (a component must write all of them), with what writes them, for messages.
    private static readonly Dictionary<string, Attr[]> Compared = new(StringComparer.Ordinal)
    {
        [ScoreKeys.Upos] = [Attr.Pos],
        [ScoreKeys.Xpos] = [Attr.Tag],
        [ScoreKeys.UFeats] = [Attr.Morph],
        [ScoreKeys.Lemma] = [Attr.Lemma],
        [ScoreKeys.Uas] = [Attr.Head],
        [ScoreKeys.Las] = [Attr.Head, Attr.Dep],
        [ScoreKeys.EntsP] = [Attr.EntIob],
        [ScoreKeys.EntsR] = [Attr.EntIob],
        [ScoreKeys.EntsF] = [Attr.EntIob],
    };

    private static readonly Dictionary<Attr, string> Annotation = new()
    {
        [Attr.Pos] = "UPOS tags, as the tagger does",
        [Attr.Tag] = "XPOS tags, as the tagger does",
        [Attr.Morph] = "morphological features, as the morphologizer does",
        [Attr.Lemma] = "lemmas, as the lemmatizer does",
        [Attr.Head] = "heads, as the parser does",
        [Attr.Dep] = "dependency labels, as the parser does",
        [Attr.EntIob] = "entities, as ner and entity_ruler do",
    };

    private ScoreWeights(IReadOnlyDictionary<string, double> weights, bool isDefault)
    {
        Weights = weights;
        IsDefault = isDefault;
    }

    /// <summary>The weight of each score key.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>Whether these are the default weights (not from a template).</summary>
    public bool IsDefault { get; }

    /// <summary>Equal weights on the main score of each component of <paramref name="pipeline"/> that has one.</summary>
    public static ScoreWeights Default(IEnumerable<string> pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in pipeline)
        {
            if (MainScores.TryGetValue(name, out var key))
            {
                weights[key] = 1;
            }
        }

        return new ScoreWeights(weights, isDefault: true);
    }

    /// <summary>Explicit weights, e.g. from a template (E108 when empty, negative or naming an unknown score).</summary>
    public static ScoreWeights FromWeights(IReadOnlyDictionary<string, double> weights, string source = "score weights")
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || weights.Values.Any(w => w < 0 || !double.IsFinite(w)) || weights.Values.Sum() <= 0)
        {
            throw TrainerErrors.ScoreWeightsInvalid(source, "must hold at least one positive weight and no negative ones");
        }

        var unknown = weights.Keys.Where(k => !ScoreKeys.Accuracy.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw TrainerErrors.ScoreWeightsInvalid(
                source, $"names unknown score(s) {string.Join(", ", unknown.Select(k => $"\"{k}\""))}; the known ones are {string.Join(", ", ScoreKeys.Accuracy)}");
        }

        return new ScoreWeights(new Dictionary<string, double>(weights, StringComparer.Ordinal), isDefault: false);
    }

    /// <summary>Reads <c>score_weights</c> from a template's <c>training</c> block (E108 when malformed).</summary>
    public static ScoreWeights FromJson(JsonElement element, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw TrainerErrors.ScoreWeightsInvalid(source, $"is {element.ValueKind}, not an object");
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number)
            {
                throw TrainerErrors.ScoreWeightsInvalid(source, $"has a non-number value for \"{property.Name}\"");
            }

            weights[property.Name] = property.Value.GetDouble();
        }

        return FromWeights(weights, source);
    }

    /// <summary>
    /// E108 (naming <paramref name="source"/>) when a positive template weight is on a score the run can never
    /// produce, so that every checkpoint would score 0 on it: the token and sentence scores and those of the words'
    /// annotations need a CoNLL-U dev corpus (<paramref name="conlluDev"/>), the entity scores dev entities
    /// (<paramref name="entityDev"/>), and each annotation score a component of <paramref name="pipes"/> that writes
    /// what it compares (<see cref="IDeclaresAttributes"/>; one that declares nothing may write anything).
    /// </summary>
    internal void CheckProduced(IReadOnlyList<IPipe> pipes, bool conlluDev, bool entityDev, IReadOnlyList<string> pipeline, string source)
    {
        if (IsDefault)
        {
            return;
        }

        bool Written(Attr attr) => pipes.Any(p => p is not IDeclaresAttributes d || d.Writes.Contains(attr));
        var missing = new List<string>();
        foreach (var (key, weight) in Weights.Where(w => w.Value > 0).OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var entities = key is ScoreKeys.EntsP or ScoreKeys.EntsR or ScoreKeys.EntsF;
            string? reason = null;
            if (Compared.TryGetValue(key, out var attrs) && Array.FindIndex(attrs, a => !Written(a)) is >= 0 and var unwritten)
            {
                reason = $"no component of [{string.Join(", ", pipeline)}] sets {Annotation[attrs[unwritten]]}";
            }
            else if (!entities && !conlluDev)
            {
                reason = "the dev corpus is IOB2, which scores entities only";
            }
            else if (entities && !entityDev)
            {
                reason = "there are no dev entities: pass --ner-dev, or a CoNLL-U dev corpus with NER= in MISC";
            }

            if (reason is not null)
            {
                missing.Add($"\"{key}\" ({reason})");
            }
        }

        if (missing.Count > 0)
        {
            throw TrainerErrors.ScoreWeightsInvalid(
                source,
                $"weights score(s) this run never produces, on which every checkpoint would score 0: {string.Join("; ", missing)}. " +
                "Drop them, or train the component that produces them");
        }
    }

    /// <summary>
    /// These weights kept only on the scores of what a component writes (<paramref name="writes"/>: the scores whose
    /// compared annotations it all sets, e.g. uas and las for heads and labels), with a missing score counting 0;
    /// null when none of them has a positive weight. Ranks one component's epochs for a per-component model-best.
    /// </summary>
    internal ScoreWeights? For(IReadOnlyCollection<Attr> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var kept = Weights
            .Where(w => w.Value > 0 && Compared.TryGetValue(w.Key, out var attrs) && Array.TrueForAll(attrs, writes.Contains))
            .ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
        return kept.Count == 0 ? null : new ScoreWeights(kept, isDefault: false);
    }

    /// <summary>
    /// The weighted mean of the scores. With default weights, main scores missing from <paramref name="accuracy"/>
    /// (a component that was not evaluated) are left out of the mean; with no main score at all, every score
    /// counts. With template weights a missing score counts as 0.
    /// </summary>
    public double Score(IReadOnlyDictionary<string, double> accuracy)
    {
        ArgumentNullException.ThrowIfNull(accuracy);
        var used = IsDefault ? Weights.Where(w => accuracy.ContainsKey(w.Key)).ToList() : [.. Weights];
        if (used.Count == 0)
        {
            return accuracy.Count == 0 ? 0 : accuracy.Values.Average();
        }

        var total = used.Sum(w => w.Value);
        return total <= 0 ? 0 : used.Sum(w => w.Value * accuracy.GetValueOrDefault(w.Key)) / total;
    }

    /// <summary>The weights as text, e.g. "upos 0.5, las 0.5".</summary>
    public override string ToString() =>
        Weights.Count == 0 ? "mean of all scores" : string.Join(", ", Weights.Select(w => $"{w.Key} {w.Value:0.###}"));
}
