using System.Diagnostics;
using System.Globalization;
using Pipeline.Components;
using Pipeline.Tokens;
using Pipeline.Trainer.Evaluation;
using Pipeline.Training;

namespace Pipeline.Trainer.Training;

/// <summary>
/// Before the first epoch, components with costly epoch-invariant work (<see cref="IPreparesCorpus"/>: a frozen
/// encoder) do it once over the training and dev docs, so epochs and dev scoring reuse it.
/// </summary>
internal static class CorpusPreparation
{
    /// <summary>Prepares every such component of <paramref name="nlp"/> (offering <paramref name="cacheDirectory"/>) and says how long each took.</summary>
    public static void Run(Language nlp, IReadOnlyList<ExampleGroup> groups, TrainingData data, string? cacheDirectory, Action<string> info)
    {
        var preparers = nlp.Pipeline.Where(p => p.Pipe is IPreparesCorpus).ToList();
        if (preparers.Count == 0)
        {
            return;
        }

        List<Doc> docs = [.. groups.SelectMany(g => g.Golds)];
        docs.AddRange(data.Dev?.Select(s => ModelEvaluator.WithEntities(s, nlp.Vocab)) ?? []);
        docs.AddRange(data.NerDev?.Select(s => s.ToDoc(nlp.Vocab)) ?? []);
        foreach (var (name, pipe) in preparers)
        {
            var started = Stopwatch.StartNew();
            ((IPreparesCorpus)pipe).PrepareCorpus(docs, cacheDirectory);
            info(string.Create(CultureInfo.InvariantCulture, $"{name}: prepared {docs.Count} docs in {started.Elapsed.TotalSeconds:F1} s."));
        }
    }
}
