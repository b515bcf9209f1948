using Pipeline.Build.Corpora;
using Pipeline.Build.Engine;
using Pipeline.Build.Evaluation;
using Pipeline.Build.Models;
using Pipeline.Build.Training;

namespace Pipeline.Build;

/// <content>The work of Train and Evaluate.</content>
internal sealed partial class Build
{
    private void TrainModels(TargetContext context)
    {
        var trainer = new ModelTrainer(TrainSettings(CorpusFilesFor(context)), context.Log);
        var report = trainer.Train(SelectedTemplates(), context.Cancellation);
        context.Note(report.Summary);
        if (report.Failed.Count > 0)
        {
            throw new BuildException("Training failed: " + report.Failures);
        }
    }

    private void EvaluateModels(TargetContext context)
    {
        var all = AllTemplates();
        var report = new ModelReport("evaluated");
        foreach (var template in ModelTemplate.Select(all, Models))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            try
            {
                var scored = ModelScoring.Evaluate(template, Path.Combine(ModelsDirectory, template.Id), CorpusFilesFor(context), Force, context.Log);
                (scored ? report.Done : report.UpToDate).Add(template.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                context.Log.WriteLine($"[{template.Id}] evaluation FAILED: {e.Message}");
                report.Failed.Add((template.Id, e.Message));
            }
        }

        var table = WriteModelsTable(all);
        context.Note($"{report.Summary}; table in {Path.GetRelativePath(RootDirectory, table)}");
        if (report.Failed.Count > 0)
        {
            throw new BuildException("Evaluation failed: " + report.Failures);
        }
    }

    /// <summary>
    /// Writes the table of every template, with the scores and package sizes that exist, to artifacts/ only: the
    /// clone stays clean. Evaluate writes it, and Package again with the sizes of the packages it made. The README's
    /// copy changes only through the ReadmeTable target, from a complete set of models.
    /// </summary>
    private string WriteModelsTable(IReadOnlyList<ModelTemplate> all)
    {
        var table = Path.Combine(ArtifactsDirectory, ModelsTableFile);
        Directory.CreateDirectory(ArtifactsDirectory);
        Pipeline.Serialization.AtomicFile.WriteAllText(table, Evaluation.ReadmeTable.Render(all, ModelsDirectory, PackagesDirectory));
        return table;
    }

    private TrainSettings TrainSettings(CorpusFiles? files) => new()
    {
        CorpusRoot = CorporaDirectory,
        Files = files,
        ModelsRoot = ModelsDirectory,
        CorpusCache = EncodedCorporaDirectory,
        Version = Version,
        Epochs = Epochs,
        NSents = NSents,
        Gpu = Gpu,
        Force = Force,
        Jobs = Jobs,
    };
}
