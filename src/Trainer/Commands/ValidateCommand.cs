using System.CommandLine;
using Pipeline.Trainer.Packaging;
using Spectre.Console;

namespace Pipeline.Trainer.Commands;

/// <summary><c>pipeline validate</c>: lists the models an app or a feed holds and whether each suits the running Pipeline.Core.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext cli)
    {
        var source = new Option<string?>("--source", "-s") { Description = "A folder feed of .nupkg files to check instead of an app (not with --app)." };
        var app = new Option<string?>("--app") { Description = "The app's output or project directory (default: the current directory; not with --source)." };
        var command = new Command(
            "validate",
            "List the model packages an app (its models/ folder, or bin/ of a project) or a folder feed holds, one row " +
            "per folder or .nupkg with its path, the Pipeline.Core range each was made for and whether the running " +
            "Pipeline.Core is inside it, and every package or model folder that cannot be read, with its file and " +
            "error. An app's model folders are loaded, so corrupt or missing data shows (a model that needs a plugin " +
            "this tool lacks is listed as not loaded); a feed's packages are checked up to their meta.json. --app and " +
            "--source cannot be combined (E151): run validate once for each. Exit codes: 0 all readable and none " +
            "incompatible; 1 a model is incompatible (or the folder is missing); 2 a package or model folder is " +
            "unreadable or corrupt.")
        {
            source, app,
        };
        command.SetAction(result => cli.Guard(() =>
        {
            BlankValues.Reject(result);
            return Run(cli, result.GetValue(source), result.GetValue(app));
        }));
        return command;
    }

    /// <summary>The exit code when a package or model folder cannot be read (1 is an incompatible model).</summary>
    public const int UnreadableExitCode = 2;

    private static int Run(CliContext cli, string? source, string? app)
    {
        if (source is not null && app is not null)
        {
            throw TrainerErrors.ValidateAppAndSource(app, source);
        }

        var where = source ?? app ?? Directory.GetCurrentDirectory();
        var scan = source is not null ? ModelInventory.ScanFeed(source) : ModelInventory.ScanApp(where);
        var (models, unreadable) = scan;
        var console = cli.Console;
        console.MarkupLine($"Pipeline.Core {Markup.Escape(Nlp.Version)}; models in {Markup.Escape(where)}:");
        if (models.Count == 0 && unreadable.Count == 0)
        {
            console.MarkupLine("No model packages found.");
            return 0;
        }

        if (models.Count > 0)
        {
            var table = new Table().AddColumns("model", "version", "Pipeline.Core", "status", "path");
            foreach (var model in models)
            {
                var status = model.Compatibility switch
                {
                    CompatibilityStatus.Compatible => "[green]compatible[/]",
                    CompatibilityStatus.Incompatible => "[red]incompatible[/]",
                    CompatibilityStatus.Unspecified => "[yellow]no range given[/]",
                    _ => "[yellow]invalid range[/]",
                };
                table.AddRow(
                    Markup.Escape(model.PackageId), Markup.Escape(model.Version), Markup.Escape(model.FrameworkVersion ?? "-"), status,
                    Markup.Escape(Relative(where, model.Path)));
            }

            console.Write(table);
        }

        foreach (var skipped in scan.Unchecked)
        {
            console.MarkupLine($"  [yellow]not loaded[/] {Markup.Escape(skipped.Path)}: it needs a plugin this tool has not loaded, so its data was not checked.");
            console.MarkupLine($"    {Markup.Escape(skipped.Error.Message)}");
        }

        if (unreadable.Count > 0)
        {
            console.MarkupLine($"[red]{unreadable.Count} unreadable or corrupt:[/]");
            foreach (var broken in unreadable)
            {
                console.MarkupLine($"  [red]unreadable[/] {Markup.Escape(broken.Path)}");
                console.MarkupLine($"    {Markup.Escape(broken.Error.Message)}");
            }

            return UnreadableExitCode;
        }

        return models.Any(m => m.Compatibility == CompatibilityStatus.Incompatible) ? 1 : 0;
    }

    /// <summary>The path of a model folder or .nupkg relative to the scanned folder, so that copies of a model are told apart.</summary>
    private static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
