using Pipeline.Build.Corpora;
using Pipeline.Build.Training;

namespace Pipeline.Build;

/// <content>What <c>--plan</c> says beyond the targets: which models would train and which are up to date.</content>
internal sealed partial class Build
{
    /// <inheritdoc/>
    protected internal override void DescribePlan(TextWriter output, IReadOnlySet<string> targets)
    {
        if (!targets.Contains(nameof(Train)))
        {
            return;
        }

        var lines = new List<string>();
        var training = 0;
        IReadOnlyList<Models.ModelTemplate> templates;
        try
        {
            templates = SelectedTemplates();
        }
        catch (Engine.BuildException e)
        {
            output.WriteLine($"Models: {e.Message}");
            return;
        }

        var trainer = new ModelTrainer(TrainSettings(PlannedCorpusFiles(templates)), TextWriter.Null);

        var width = templates.Count == 0 ? 0 : templates.Max(t => t.Id.Length) + 2;
        foreach (var template in templates)
        {
            string status;
            try
            {
                var reason = trainer.Check(template).Reason;
                status = reason is null ? "up to date" : $"would train ({reason})";
                training += reason is null ? 0 : 1;
            }
            catch (Exception e) when (e is Engine.BuildException or IOException or UnauthorizedAccessException)
            {
                status = "cannot train: " + e.Message;
            }

            lines.Add($"  {template.Id.PadRight(width)}{status}");
        }

        output.WriteLine();
        output.WriteLine($"Models ({training} of {templates.Count} would train; corpora in {CorporaDirectory}):");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Where the corpus files are now (corpus folder or cache, checked, never downloaded); null when some are missing.</summary>
    private CorpusFiles? PlannedCorpusFiles(IReadOnlyList<Models.ModelTemplate> templates)
    {
        try
        {
            var resolver = new CorpusResolver(CorpusSettings() with { Offline = true }, TextWriter.Null);
            return resolver.ResolveAsync(templates, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is Engine.BuildException or PipelineException)
        {
            return null;
        }
    }
}
