using System.IO.Compression;
using Pipeline.IO;
using Pipeline.Trainer.Training;

namespace Pipeline.Build.Publishing;

/// <summary>
/// Compares a model package's scores with those of the version already on the feed (the <c>accuracy</c> of the
/// meta.json each package carries): every main score of the model's components (tagger UPOS, parser LAS, ner
/// entity F1, lemmatizer lemma accuracy, morphologizer UFeats) that both versions report.
/// </summary>
internal static class RegressionGate
{
    /// <summary>The meta.json a model package carries at its root (null: not a model package, e.g. Pipeline.Core).</summary>
    public static ModelMeta? ReadMeta(string nupkg)
    {
        try
        {
            using var zip = ZipFile.OpenRead(nupkg);
            var entry = zip.GetEntry("meta.json");
            if (entry is null)
            {
                return null;
            }

            // A package from the feed is untrusted: its meta.json is read within the meta cap (E161-like refusal).
            using var reader = new StreamReader(new LimitedStream(
                entry.Open(), InputFiles.MetaBytes, () => new Engine.BuildException($"{nupkg}: its meta.json unpacks to more than {InputFiles.MetaBytes:N0} bytes.")));
            return ModelMeta.Parse(reader.ReadToEnd(), $"{nupkg}!meta.json");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or PipelineException)
        {
            throw new Engine.BuildException($"{nupkg} has no readable meta.json: {e.Message}", e);
        }
    }

    /// <summary>The main scores of <paramref name="fresh"/> against <paramref name="old"/>, in pipeline order.</summary>
    public static IReadOnlyList<ScoreDelta> Compare(ModelMeta old, ModelMeta fresh)
    {
        var deltas = new List<ScoreDelta>();
        foreach (var key in fresh.Pipeline.Select(p => ScoreWeights.MainScores.GetValueOrDefault(p)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (old.Accuracy.TryGetValue(key, out var before) && fresh.Accuracy.TryGetValue(key, out var after))
            {
                deltas.Add(new ScoreDelta(fresh.PackageId, key, old.Version, before, fresh.Version, after));
            }
        }

        return deltas;
    }

    /// <summary>The deltas that drop by more than <paramref name="maxDrop"/> points.</summary>
    public static IReadOnlyList<ScoreDelta> Regressions(IEnumerable<ScoreDelta> deltas, double maxDrop) =>
        deltas.Where(d => d.Delta < -maxDrop - 1e-9).ToList();
}
