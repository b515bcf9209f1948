using Pipeline.Build.Engine;

namespace Pipeline.Build;

/// <content>The work of ReadmeTable: the only target that changes a tracked file (README.md).</content>
internal sealed partial class Build
{
    /// <summary>The file name, under artifacts/, of the models table Evaluate writes.</summary>
    public const string ModelsTableFile = "models-table.md";

    private void WriteReadmeTable(TargetContext context)
    {
        if (Models.Length > 0)
        {
            throw BuildErrors.ReadmeTableWithModels();
        }

        var all = AllTemplates();
        var missing = Evaluation.ReadmeTable.Incomplete(all, ModelsDirectory);
        if (missing.Count > 0)
        {
            throw BuildErrors.IncompleteModelSet(missing, ModelsDirectory);
        }

        var changed = Evaluation.ReadmeTable.Update(Path.Combine(RootDirectory, "README.md"), Evaluation.ReadmeTable.Render(all, ModelsDirectory, PackagesDirectory));
        context.Note(changed ? $"README table updated ({all.Count} models)" : "README table already up to date");
    }
}
