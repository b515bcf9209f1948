using Pipeline.Build.Engine;
using Pipeline.Build.Evaluation;
using Pipeline.Build.Models;
using Pipeline.Build.Training;

namespace Pipeline.Build;

/// <content>Train and Evaluate: the models of meta-templates/.</content>
internal sealed partial class Build
{
    /// <summary>Trains the selected templates.</summary>
    public Target Train => _ => _
        .Description("Trains the selected templates in parallel through the Trainer library into artifacts/models/<lang>_<name>/ (skips models whose inputs did not change).")
        .After(Compile)
        .Requires(() => Directory.Exists(CorporaDirectory), $"the corpus root is missing; pass --corpora <folder holding ud/ and ner/> (default ../shared/corpora).")
        .Executes(context =>
        {
            var trainer = new ModelTrainer(TrainSettings(), context.Log);
            var report = trainer.Train(SelectedTemplates(), context.Cancellation);
            context.Note(report.Summary);
            if (report.Failed.Count > 0)
            {
                throw new BuildException("Training failed for " + string.Join("; ", report.Failed.Select(f => $"{f.Model}: {f.Reason}")));
            }
        });

    /// <summary>Scores the trained models and updates the README table.</summary>
    public Target Evaluate => _ => _
        .Description("Scores each model-best on its template's dev corpora into evaluation.json, and updates the README's models table.")
        .DependsOn(Train)
        .Executes(context =>
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
        });

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
