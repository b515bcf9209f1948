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
        var trainer = new ModelTrainer(TrainSettings(context), context.Log);
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

        // The table shows every template, with the scores that exist.
        var readme = Path.Combine(RootDirectory, "README.md");
        var changed = ReadmeTable.Update(readme, ReadmeTable.Render(all, ModelsDirectory));
        context.Note(report.Summary + (changed ? "; README table updated" : string.Empty));
        if (report.Failed.Count > 0)
        {
            throw new BuildException("Evaluation failed: " + report.Failures);
        }
    }

    private TrainSettings TrainSettings(TargetContext context) => new()
    {
        CorpusRoot = CorporaDirectory,
        Files = CorpusFilesFor(context),
        ModelsRoot = ModelsDirectory,
        Version = Version,
        Epochs = Epochs,
        NSents = NSents,
        Gpu = Gpu,
        Force = Force,
        Jobs = Jobs,
    };
}
