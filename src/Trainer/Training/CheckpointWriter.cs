using System.Text.Json;
using Pipeline.Serialization;
using Pipeline.Trainer.Evaluation;
using Pipeline.Training;
using Pipeline.Training.Scoring;

namespace Pipeline.Trainer.Training;

/// <summary>
/// Writes complete, loadable model directories: the pipeline is saved under a temporary name, loaded back with
/// <see cref="Nlp.Load"/> and scored on the dev data (so the scores are those of exactly what was saved: the
/// averaged weights), then stamped (<c>meta.json</c>, <c>accuracy.json</c>) and swapped into place atomically.
/// </summary>
internal sealed class CheckpointWriter
{
    /// <summary>The scores file of a checkpoint.</summary>
    public const string AccuracyFile = "accuracy.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly MetaTemplate _template;
    private readonly TrainingData _data;
    private readonly ScoreWeights _weights;

    public CheckpointWriter(MetaTemplate template, TrainingData data, ScoreWeights weights)
    {
        _template = template;
        _data = data;
        _weights = weights;
    }

    /// <summary>
    /// Saves, scores and stamps <paramref name="nlp"/> as <paramref name="directory"/>; <paramref name="intent"/>
    /// gets the model hash once the folder is complete, before it is put in place (to record it).
    /// </summary>
    public CheckpointScores Write(Language nlp, string directory, int epoch, Action<string>? intent = null)
    {
        nlp.Meta = Stamp(nlp, epoch, null);
        CheckpointScores? result = null;
        AtomicFile.ReplaceDirectory(directory, tmp =>
        {
            nlp.ToDisk(tmp);
            var (scores, words) = Score(tmp);
            result = scores;
            Stamp(nlp, epoch, result, words).Write(Path.Combine(tmp, "meta.json"));
            AtomicFile.WriteAllText(Path.Combine(tmp, AccuracyFile), AccuracyJson(result));
            intent?.Invoke(result.ModelHash);
        });
        return result!;
    }

    /// <summary>
    /// Writes a model assembled by <paramref name="assemble"/> (into an empty temporary folder, with a meta.json)
    /// as <paramref name="directory"/>: loaded back and scored like <see cref="Write"/>, its meta.json given its own
    /// scores and <c>component_epochs</c>, then swapped into place; <paramref name="intent"/> gets the scores first.
    /// </summary>
    public CheckpointScores WriteAssembled(string directory, Action<string> assemble, IReadOnlyDictionary<string, int> componentEpochs, Action<CheckpointScores>? intent = null)
    {
        CheckpointScores? result = null;
        AtomicFile.ReplaceDirectory(directory, tmp =>
        {
            assemble(tmp);
            var (scores, words) = Score(tmp);
            result = scores;
            var metaPath = Path.Combine(tmp, "meta.json");
            var meta = ModelMeta.Read(metaPath);
            meta.Extra.Remove("ents_per_type");
            AddScores(meta, scores, words);
            meta.Extra["component_epochs"] = JsonSerializer.SerializeToElement(componentEpochs, Json);
            meta.Write(metaPath);
            AtomicFile.WriteAllText(Path.Combine(tmp, AccuracyFile), AccuracyJson(result));
            intent?.Invoke(result);
        });
        return result!;
    }

    /// <summary>Copies a checkpoint directory (meta included) to <paramref name="directory"/>, atomically.</summary>
    public static void Copy(string source, string directory) =>
        AtomicFile.ReplaceDirectory(directory, tmp => CopyInto(source, tmp));

    private ModelMeta Stamp(Language nlp, int epoch, CheckpointScores? scores, long words = 0)
    {
        var meta = _template.Meta.Clone();
        meta.Lang = nlp.Lang;
        meta.Pipeline = [.. nlp.PipeNames];
        meta.FrameworkVersion = Nlp.CompatibleRange;
        meta.Labels = nlp.Pipeline
            .Where(p => p.Pipe is ITrainable)
            .ToDictionary(p => p.Name, p => ((ITrainable)p.Pipe).Labels.ToList());
        meta.Extra["epoch"] = JsonSerializer.SerializeToElement(epoch);
        if (scores is not null)
        {
            AddScores(meta, scores, words);
        }

        return meta;
    }

    private static void AddScores(ModelMeta meta, CheckpointScores scores, long words)
    {
        meta.Accuracy = new Dictionary<string, double>(scores.Accuracy);
        meta.Speed = new Dictionary<string, double> { [ScoreKeys.WordsPerSecond] = scores.WordsPerSecond, ["nwords"] = words };
        if (scores.EntitiesPerLabel.Count > 0)
        {
            meta.Extra["ents_per_type"] = JsonSerializer.SerializeToElement(scores.EntitiesPerLabel, Json);
        }
    }

    // Hashes the model saved in the folder, loads it back and scores it on the dev data.
    private (CheckpointScores Scores, long Words) Score(string folder)
    {
        var hash = ModelHash.OfDirectory(folder);
        var scores = ModelEvaluator.Evaluate(Nlp.Load(folder), _data.Dev, _data.NerDev);
        var accuracy = scores.ToAccuracy();
        var perLabel = scores.Entities?.PerLabel.ToDictionary(
            p => p.Key, p => new PerLabelScore(Scores.Percent(p.Value.Precision), Scores.Percent(p.Value.Recall), Scores.Percent(p.Value.F1)))
            ?? [];
        return (new CheckpointScores(accuracy, perLabel, Math.Round(scores.WordsPerSecond ?? 0), _weights.Score(accuracy), hash), scores.Words);
    }

    private static string AccuracyJson(CheckpointScores scores)
    {
        var document = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in scores.Accuracy)
        {
            document[key] = value;
        }

        if (scores.EntitiesPerLabel.Count > 0)
        {
            document["ents_per_type"] = scores.EntitiesPerLabel.ToDictionary(p => p.Key, p => new { p = p.Value.P, r = p.Value.R, f = p.Value.F });
        }

        document[ScoreKeys.WordsPerSecond] = scores.WordsPerSecond;
        document["score"] = Math.Round(scores.Score, 3);
        return JsonSerializer.Serialize(document, Json) + "\n";
    }

    /// <summary>
    /// Copies the folder <paramref name="source"/> into <paramref name="target"/>, leaving out the entries directly
    /// in it whose names <paramref name="include"/> (when given) turns down.
    /// </summary>
    internal static void CopyInto(string source, string target, Func<string, bool>? include = null)
    {
        bool Included(string path) => include is null || include(Path.GetRelativePath(source, path).Split(Path.DirectorySeparatorChar)[0]);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories).Where(Included))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(Included))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }
    }
}
