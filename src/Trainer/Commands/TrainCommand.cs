using System.CommandLine;
using Pipeline.Trainer.Output;
using Pipeline.Trainer.Plugins;
using Pipeline.Trainer.Training;
using Spectre.Console;

namespace Pipeline.Trainer.Commands;

/// <summary><c>pipeline train</c>: a thin layer over <see cref="TrainingRunner"/>.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext cli)
    {
        var lang = new Argument<string>("lang") { Description = "Language code of the model, e.g. en, pt, fr." };
        var output = new Argument<string>("output")
        {
            Description = "Output folder; gets model0..N (one complete model per epoch), model-final, model-best, " +
                "training-log.jsonl, report.html and training-state.json. Starting over (without --resume) replaces only the model " +
                "folders an earlier run recorded in its training-state.json (kept aside in .earlier-run/ until the first new " +
                "checkpoint); any other model<N>, model-final or model-best entry there stops training (E116). One run per folder " +
                "(.pipeline.lock; E180). Ctrl-C stops after the current step with exit code 130; --resume goes on.",
        };
        var train = new Argument<string>("train") { Description = "Training corpus, CoNLL-U (or IOB2 when only ner is trained, e.g. --pipeline ner)." };
        var dev = new Argument<string>("dev") { Description = "Development corpus, CoNLL-U (or IOB2 for ner only); every epoch's model is scored on it." };
        var metaPath = new Option<string?>("--meta-path", "-m")
        {
            Description = "meta.json template: name, description, author, email, url, license, sources, pipeline, and a " +
                "training block (n_iter, seed, score_weights, model_best: \"epoch\" or \"per_component\"). Its fields are copied into every model's meta.json.",
        };
        var version = new Option<string?>("--version", "-V") { Description = "Model version for meta.json, SemVer such as 1.0.0 (default: the template's, else 0.0.0)." };
        var nIter = NumberOptions.Int("--n-iter", "-n", $"Number of epochs (default: the template's training.n_iter, else {TrainingOptions.DefaultEpochs}).");
        var nSents = NumberOptions.Int("--n-sents", "-ns", "Train on the first N sentences of each training corpus only (default: all).");
        var gpu = new Option<bool>("--gpu", "-g") { Description = "Ask for a GPU. Accepted for compatibility: the components run on the CPU and say so." };
        var pipeline = new Option<string?>("--pipeline", "-p")
        {
            Description = "Comma-separated components to train, in order, e.g. tagger,parser,ner (default: the template's " +
                "pipeline, else " + string.Join(',', Training.TrainingOptions.DefaultPipeline) + "). Components that cannot learn (e.g. sentencizer) run without training. Add " +
                "'tokenizer' to learn the tokenizer and sentence splitter from the corpus text (as does the template's " +
                "\"training\": {\"tokenizer\": \"learned\"}).",
        };
        var nerTrain = new Option<string?>("--ner-train") { Description = "IOB2 corpus to train ner on (needed when the CoNLL-U files have no NER= entries, as in UD)." };
        var nerDev = new Option<string?>("--ner-dev") { Description = "IOB2 corpus to score ner on after each epoch." };
        var seed = NumberOptions.ULong("--seed", "Shuffling seed (default: the template's training.seed, else 0). The same seed gives the same model bytes.");
        var resume = new Option<bool>("--resume")
        {
            Description = "Continue an interrupted run in <output> after its last complete epoch (same corpora and settings). " +
                "Every checkpoint the run lists must still hash to what was recorded when it was written; a damaged one " +
                "stops the resume (E113): restore it, or train again without --resume. When the run already has --n-iter epochs " +
                "or more, nothing is trained: it says so and, if model-final and model-best are there and intact, leaves them as " +
                "they are (else writes them).",
        };
        var threads = NumberOptions.Int("--threads", "-t", "Threads a training pass may use (default: the machine's cores). With 2 or more the last " +
            "component (e.g. the parser) runs beside the others; the models are the same bytes with any number.");

        var keep = new Option<int>("--keep-checkpoints")
        {
            Description = $"How many of the latest epoch checkpoints (<output>/model<i>) to keep besides the best one " +
                $"(default {TrainingOptions.DefaultKeepCheckpoints}); older ones are removed once the next epoch is saved. 0 keeps every checkpoint.",
            DefaultValueFactory = _ => TrainingOptions.DefaultKeepCheckpoints,
        };

        var plugins = ToolPlugins.Option();
        var command = new Command(
            "train",
            "Train a pipeline on CoNLL-U (and IOB2 for ner). After every epoch a complete model is saved as " +
            "<output>/model<i> with accuracy.json and a stamped meta.json (the best and the last --keep-checkpoints are kept); at the end model-final and model-best (highest " +
            "weighted dev score; with the template's training.model_best \"per_component\" each component from its own best epoch) are written, with training-log.jsonl and report.html.")
        {
            lang, output, train, dev, metaPath, version, nIter, nSents, gpu, pipeline, nerTrain, nerDev, seed, resume, threads, keep, plugins,
        };
        command.SetAction((result, cancellation) => Task.FromResult(cli.Guard(() =>
        {
            BlankValues.Reject(result);
            var options = new TrainingOptions
            {
                Lang = result.GetValue(lang)!,
                Output = result.GetValue(output)!,
                TrainPath = result.GetValue(train)!,
                DevPath = result.GetValue(dev)!,
                MetaPath = result.GetValue(metaPath),
                Version = result.GetValue(version),
                Epochs = result.GetValue(nIter),
                MaxSentences = result.GetValue(nSents),
                Gpu = result.GetValue(gpu),
                Pipeline = result.GetValue(pipeline)?.Split(',', StringSplitOptions.TrimEntries),
                NerTrainPath = result.GetValue(nerTrain),
                NerDevPath = result.GetValue(nerDev),
                Seed = result.GetValue(seed),
                Resume = result.GetValue(resume),
                Threads = result.GetValue(threads),
                KeepCheckpoints = result.GetValue(keep),
            };
            LoadPlugins(options, result.GetValue(plugins));
            return Run(cli, options, cancellation);
        })));
        return command;
    }

    /// <summary>Why the sentence F1 is low when no component splits sentences.</summary>
    internal static string SentenceNote(double sentenceF1) =>
        $"Sentence F1 {sentenceF1.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} is low by design: no component of this pipeline splits sentences (rule tokenizer, " +
        "no sentencizer), so each raw dev document is parsed as one sentence. Add sentencizer to --pipeline " +
        "(punctuation rules), or tokenizer (learned, with a sentence splitter; \"training\": {\"tokenizer\": \"learned\"} in a template).";

    // The factories the pipeline to train needs and the tool does not ship (the transformer and the trf_* heads): from
    // --plugins, else from the packages the template's requirements name in the NuGet packages folders. Without
    // either, an unknown name stays E001 (with the known factories) when the pipeline is built.
    private static void LoadPlugins(TrainingOptions options, string? folder)
    {
        var template = MetaTemplate.Load(options.MetaPath, options.Lang, options.Version);
        if (folder is null && template.Meta.Requirements.Count == 0)
        {
            return;
        }

        var meta = template.Meta.Clone();
        meta.Pipeline = [.. (options.Pipeline ?? template.Pipeline ?? TrainingOptions.DefaultPipeline).Where(n => n != TokenizerTraining.PipelineName)];
        ToolPlugins.LoadFor(meta, options.MetaPath ?? "--pipeline", folder);
    }

    private static int Run(CliContext cli, TrainingOptions options, CancellationToken cancellation)
    {
        TrainingResult result;
        using (var progress = new ConsoleTrainingProgress(cli.Console))
        {
            result = new TrainingRunner(options, progress).Run(cancellation);
        }

        var console = cli.Console;
        console.WriteLine();
        console.Write(ScoreTables.Epochs(result.Epochs, result.BestEpoch));
        var best = result.Epochs[result.BestEpoch];
        if (!result.SplitsSentences && best.Accuracy.TryGetValue(Pipeline.Training.Scoring.ScoreKeys.SentenceF1, out var sentences))
        {
            console.MarkupLine(Markup.Escape(SentenceNote(sentences)));
        }

        if (result.ComponentEpochs.Count > 0)
        {
            var components = string.Join(", ", result.ComponentEpochs.Select(c => $"{c.Key} epoch {c.Value}"));
            console.MarkupLine(Markup.Escape($"Best per component: {components}; the rest from epoch {result.BestEpoch} (score {best.Score:0.###})."));
            console.MarkupLine($"model-best's own dev scores: {Markup.Escape(ScoreTables.Summary(result.BestAccuracy))} (score {result.BestScore:0.###}) -> [bold]{Markup.Escape(result.BestPath)}[/]");
        }
        else
        {
            console.MarkupLine($"Best: epoch {result.BestEpoch} (score {best.Score:0.###}) -> [bold]{Markup.Escape(result.BestPath)}[/]");
        }

        console.MarkupLine($"Final: {Markup.Escape(result.FinalPath)}");
        console.MarkupLine($"Log: {Markup.Escape(result.LogPath)}   Report: {Markup.Escape(result.ReportPath)}");
        return 0;
    }
}
