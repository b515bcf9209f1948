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
        var trainer = new ModelTrainer(TrainSettings(), context.Log);
        var report = trainer.Train(SelectedTemplates(), context.Cancellation);
        context.Note(report.Summary);
        if (report.Failed.Count > 0)
        {
            throw new BuildException("Training failed: " + string.Join("; ", report.Failed.Select(f => $"{f.Model}: {f.Reason}")));
        }
    }

    private void EvaluateModels(TargetContext context)
    {
        var all = AllTemplates();
        var evaluated = 0;
        foreach (var template in ModelTemplate.Select(all, Models))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (ModelScoring.Evaluate(template, Path.Combine(ModelsDirectory, template.Id), CorporaDirectory, Force, context.Log))
            {
                evaluated++;
            }
        }

        var readme = Path.Combine(RootDirectory, "README.md");
        var changed = ReadmeTable.Update(readme, ReadmeTable.Render(all, ModelsDirectory));
        context.Note($"{evaluated} evaluated" + (changed ? ", README table updated" : string.Empty));
    }

    private TrainSettings TrainSettings() => new()
    {
        CorpusRoot = CorporaDirectory,
        ModelsRoot = ModelsDirectory,
        Version = Version,
        Epochs = Epochs,
        NSents = NSents,
        Gpu = Gpu,
        Force = Force,
        Jobs = Jobs,
    };
}
