using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pipeline.Corpora;
using Pipeline.Trainer.Conllu;
using Pipeline.Trainer.Evaluation;
using Pipeline.Trainer.Output;
using Pipeline.Trainer.Plugins;
using Pipeline.Trainer.Training;
using Pipeline.Training;
using Pipeline.Training.Scoring;
using Spectre.Console;

namespace Pipeline.Trainer.Commands;

/// <summary><c>pipeline evaluate</c>: a thin layer over <see cref="ModelEvaluator"/>.</summary>
internal static class EvaluateCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create(CliContext cli)
    {
        var model = new Argument<string>("model") { Description = "Model directory (with meta.json) or installed model package name." };
        var data = new Argument<string>("data")
        {
            Description = "Gold corpus: CoNLL-U (scored on its gold words and from its raw text) or IOB2 (entities).",
        };
        var nerData = new Option<string?>("--ner-data") { Description = "IOB2 corpus to score the entities on (overrides entities in the CoNLL-U)." };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON instead of tables." };
        var plugins = ToolPlugins.Option();
        var command = new Command(
            "evaluate",
            "Score a model: UPOS, XPOS, UFeats, lemma, UAS, LAS (CoNLL 2018 definitions), token and sentence F1 " +
            "from raw text, NER precision/recall/F1 overall and per label, and words per second.")
        {
            model, data, nerData, json, plugins,
        };
        command.SetAction(result => cli.Guard(() =>
        {
            BlankValues.Reject(result);
            return Run(cli, result.GetValue(model)!, result.GetValue(data)!, result.GetValue(nerData), result.GetValue(json), result.GetValue(plugins));
        }));
        return command;
    }

    private static int Run(CliContext cli, string modelPath, string dataPath, string? nerPath, bool json, string? plugins)
    {
        TextInput.RequireCorpus(dataPath, "evaluate");
        if (nerPath is not null)
        {
            TextInput.RequireCorpus(nerPath, "evaluate");
        }

        var format = CorpusFormats.Detect(dataPath);
        var nlp = Nlp.Load(ToolPlugins.Prepare(modelPath, plugins));
        var setsEntities = ComponentNeeds.ForEntities([.. nlp.Pipeline.Select(p => p.Pipe)]).Any(run => run);
        if (nerPath is not null && !setsEntities)
        {
            throw TrainerErrors.NerDataWithoutEntities(modelPath, nlp.PipeNames);
        }

        if (format == CorpusFormat.Iob2 && !setsEntities)
        {
            throw TrainerErrors.NothingToScore(dataPath, nlp.PipeNames);
        }

        var sentences = format == CorpusFormat.Conllu ? ConlluReader.Read(dataPath).ToList() : null;
        var entities = format == CorpusFormat.Iob2 ? new Iob2Reader().Read(dataPath).ToList() : null;
        if (nerPath is not null)
        {
            entities = new Iob2Reader().Read(nerPath).ToList();
        }

        if (sentences is { Count: 0 } || entities is { Count: 0 })
        {
            throw TrainerErrors.EmptyCorpus(sentences is { Count: 0 } ? dataPath : nerPath ?? dataPath, string.Empty);
        }

        var scores = ModelEvaluator.Evaluate(nlp, sentences, entities);
        if (json)
        {
            cli.Output.WriteLine(JsonSerializer.Serialize(ToJson(modelPath, dataPath, scores), Json));
            return 0;
        }

        var console = cli.Console;
        console.MarkupLine($"Model [bold]{Markup.Escape(modelPath)}[/] ({Markup.Escape(string.Join(", ", nlp.PipeNames))}) on {Markup.Escape(dataPath)}");
        console.Write(ScoreTables.Evaluation(scores));
        if (scores.Entities is { } ents)
        {
            console.Write(ScoreTables.EntityLabels(ents));
        }

        console.MarkupLine($"Speed: {(scores.WordsPerSecond ?? 0).ToString("0", CultureInfo.InvariantCulture)} words/s ({scores.Words} words, gold tokens, components only)");
        return 0;
    }

    private static Dictionary<string, object> ToJson(string model, string data, Scores scores)
    {
        var counts = new Dictionary<string, object>(StringComparer.Ordinal);
        void Add(string key, ScoreCounts? c)
        {
            if (c is { } v)
            {
                counts[key] = new { gold = v.Gold, system = v.System, correct = v.Correct };
            }
        }

        Add(ScoreKeys.TokenF1, scores.Tokens);
        Add(ScoreKeys.SentenceF1, scores.Sentences);
        Add(ScoreKeys.Upos, scores.Upos);
        Add(ScoreKeys.Xpos, scores.Xpos);
        Add(ScoreKeys.UFeats, scores.UFeats);
        Add(ScoreKeys.Lemma, scores.Lemma);
        Add(ScoreKeys.Uas, scores.Uas);
        Add(ScoreKeys.Las, scores.Las);
        Add(ScoreKeys.EntsF, scores.Entities?.Overall);
        var result = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["model"] = model,
            ["data"] = data,
            ["accuracy"] = scores.ToAccuracy(),
            ["counts"] = counts,
            [ScoreKeys.WordsPerSecond] = Math.Round(scores.WordsPerSecond ?? 0),
            ["words"] = scores.Words,
        };
        if (scores.Entities is { } ents)
        {
            result["ents_per_type"] = ents.PerLabel.ToDictionary(
                p => p.Key, p => new { p = Scores.Percent(p.Value.Precision), r = Scores.Percent(p.Value.Recall), f = Scores.Percent(p.Value.F1) });
        }

        return result;
    }
}
