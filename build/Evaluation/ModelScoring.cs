using System.Text.Json;
using Pipeline.Build.Corpora;
using Pipeline.Build.Engine;
using Pipeline.Build.Models;
using Pipeline.Build.Training;
using Pipeline.Corpora;
using Pipeline.Trainer.Evaluation;
using Pipeline.Trainer.Training;

namespace Pipeline.Build.Evaluation;

/// <summary>
/// Scores each trained model's <c>model-best</c> on its template's dev corpora with the Trainer's
/// <see cref="ModelEvaluator"/> and writes <c>evaluation.json</c> in the run folder. Scoring is an
/// <see cref="IncrementalStep"/> whose inputs are <c>model-best</c> (every file) and the dev corpora, stamped in
/// <c>evaluation-stamp.json</c>: a model whose inputs did not change is not scored again (unless forced).
/// </summary>
internal static class ModelScoring
{
    /// <summary>The file name of the scores in the run folder.</summary>
    public const string FileName = "evaluation.json";

    /// <summary>The file name of the evaluation step's stamp in the run folder.</summary>
    public const string StampFile = "evaluation-stamp.json";

    /// <summary>Scores one model; returns false when its evaluation was already up to date.</summary>
    public static bool Evaluate(ModelTemplate template, string runFolder, string corpusRoot, bool force, TextWriter log) =>
        Evaluate(template, runFolder, CorpusFiles.Under(corpusRoot), force, log);

    /// <summary>Scores one model on the dev files where the Corpora target found them; returns false when its evaluation was already up to date.</summary>
    public static bool Evaluate(ModelTemplate template, string runFolder, CorpusFiles corpora, bool force, TextWriter log)
    {
        var best = Path.Combine(runFolder, "model-best");
        if (!File.Exists(Path.Combine(best, "meta.json")))
        {
            throw new Engine.BuildException($"{template.Id}: {best} has no trained model; run Train first (./build.sh Train --models {template.Id}).");
        }

        var inputs = template.Inputs(corpora);
        var nerDev = inputs.IsIob2Only ? inputs.Dev : inputs.NerDev;
        var dev = new[] { inputs.IsIob2Only ? null : inputs.Dev, nerDev }.OfType<string>().ToList();
        var declared = new StepInputs().Folder("model-best", best);
        foreach (var file in dev)
        {
            declared.File("corpus:" + corpora.NameOf(file), file);
        }

        var path = Path.Combine(runFolder, FileName);
        var step = new IncrementalStep("evaluate", Path.Combine(runFolder, StampFile), declared, "never evaluated").Output(FileName, path);
        var reason = step.Reason(force);
        if (reason is null)
        {
            log.WriteLine($"[{template.Id}] evaluation up to date.");
            return false;
        }

        log.WriteLine($"[{template.Id}] evaluating: {reason}.");
        step.Run(() => Score(template, best, inputs, nerDev, dev.Select(corpora.NameOf), path, log));
        return true;
    }

    private static bool Score(ModelTemplate template, string best, TrainingInputs inputs, string? nerDev, IEnumerable<string> devNames, string path, TextWriter log)
    {
        var nlp = Nlp.Load(best);
        List<ConlluSentence>? sentences = inputs.IsIob2Only ? null : ConlluReader.Read(inputs.Dev).ToList();
        List<NerSentence>? entities = nerDev is not null && nlp.PipeNames.Any(ScoreWeights.EntityRecognizers.Contains) ? new Iob2Reader().Read(nerDev).ToList() : null;
        if (sentences is null && entities is null)
        {
            throw new Engine.BuildException($"{template.Id}: the model has no ner component to score on {nerDev}.");
        }

        var scores = ModelEvaluator.Evaluate(nlp, sentences, entities);
        var accuracy = scores.ToAccuracy();
        var document = new
        {
            model = template.Id,
            version = nlp.Meta.Version,
            pipeline = nlp.PipeNames,
            dev = devNames,
            accuracy,
            words_per_second = scores.WordsPerSecond is { } wps ? Math.Round(wps) : (double?)null,
        };
        Pipeline.Serialization.AtomicFile.WriteAllText(path, JsonSerializer.Serialize(document, JsonOptions.Indented) + "\n");
        log.WriteLine($"[{template.Id}] {string.Join(", ", accuracy.Select(a => $"{a.Key} {a.Value:0.00}"))}");
        return true;
    }

    /// <summary>The evaluation stored in <paramref name="path"/>, or null.</summary>
    public static JsonElement? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Engine.BuildFiles.ReadJson(path));
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
