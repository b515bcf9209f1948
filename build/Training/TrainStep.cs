using System.Globalization;
using Pipeline.Build.Engine;
using Pipeline.Build.Models;
using Pipeline.Trainer.Training;

namespace Pipeline.Build.Training;

/// <summary>
/// Declares the training of one model as an <see cref="IncrementalStep"/>: its inputs are the template, its corpus
/// files, the trainer, core and transformers assemblies, and the build parameters that change training; its output is
/// <c>model-best</c>. The stamp is <c>build-stamp.json</c> in the run folder (the name and content of earlier
/// builds, so models trained by them stay up to date).
/// </summary>
internal static class TrainStep
{
    /// <summary>The stamp's file name in the run folder.</summary>
    public const string FileName = "build-stamp.json";

    private static readonly Lazy<string> TrainerHash = new(() => ContentHash.OfText(string.Join('\n',
        new[] { typeof(TrainingRunner).Assembly.Location, typeof(Nlp).Assembly.Location, typeof(Pipeline.Transformers.TransformerComponent).Assembly.Location }.Select(ContentHash.OfFile))));

    /// <summary>The step that trains <paramref name="template"/> on <paramref name="inputs"/> with <paramref name="settings"/> into <paramref name="runFolder"/>.</summary>
    public static IncrementalStep For(ModelTemplate template, TrainingInputs inputs, TrainSettings settings, string runFolder)
    {
        var declared = new StepInputs()
            .File("template", template.Path)
            .Value("trainer", TrainerHash.Value)
            .Value("parameter:version", settings.Version, "(template)")
            .Value("parameter:epochs", settings.Epochs?.ToString(CultureInfo.InvariantCulture), "(template)")
            .Value("parameter:n_sents", settings.NSents?.ToString(CultureInfo.InvariantCulture), "(all)")
            .Value("parameter:gpu", settings.Gpu ? "true" : "false");
        var corpora = settings.Corpora;
        foreach (var file in inputs.Files)
        {
            // Named by the template's name of the file, so that a file moved from the corpus folder to the cache keeps its stamp.
            declared.File("corpus:" + corpora.NameOf(file), file);
        }

        return new IncrementalStep("train", Path.Combine(runFolder, FileName), declared, "never trained")
            .Output("model-best", Path.Combine(runFolder, "model-best", "meta.json"));
    }

    /// <summary>The inputs recorded by the last successful training in <paramref name="runFolder"/>, or null.</summary>
    public static IReadOnlyDictionary<string, string>? RecordedInputs(string runFolder) =>
        StepStamp.Read(Path.Combine(runFolder, FileName))?.Inputs;
}
