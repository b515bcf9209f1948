using Pipeline.Build.Engine;
using Pipeline.Build.Workflow;

namespace Pipeline.Build;

/// <content>The CI workflow generator.</content>
internal sealed partial class Build
{
    /// <summary>Writes the models workflow for GitHub Actions.</summary>
    public Target Workflow => _ => _
        .Description("Writes .github/workflows/models.yml: a matrix job per model (Train + Evaluate), then Package and Publish.")
        .Produces(WorkflowWriter.RelativePath)
        .Executes(context =>
        {
            var path = Path.Combine(RootDirectory, WorkflowWriter.RelativePath);
            var text = WorkflowWriter.Render(AllTemplates());
            if (File.Exists(path) && File.ReadAllText(path) == text)
            {
                context.Note("up to date");
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            context.Note($"wrote {WorkflowWriter.RelativePath}");
        });
}
