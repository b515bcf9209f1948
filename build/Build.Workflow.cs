using Pipeline.Build.Ci;
using Pipeline.Build.Engine;

namespace Pipeline.Build;

/// <content>The work of Workflow.</content>
internal sealed partial class Build
{
    private void WriteWorkflow(TargetContext context)
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
    }
}
