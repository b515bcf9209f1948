using System.CommandLine;
using Pipeline.Display;
using Pipeline.IO;
using Pipeline.Serialization;
using Pipeline.Trainer.Conllu;
using Pipeline.Trainer.Plugins;
using Pipeline.Trainer.Training;
using Pipeline.Training;
using Spectre.Console;

namespace Pipeline.Trainer.Commands;

/// <summary><c>pipeline displacy</c>: processes a text with a model and writes a standalone HTML visualization.</summary>
internal static class DisplacyCommand
{
    public static Command Create(CliContext cli)
    {
        var model = new Argument<string>("model") { Description = "Model directory (with meta.json) or installed model package name." };
        var text = new Argument<string?>("text")
        {
            Description = "The text to process and show (the text itself, not a file name: use --file for a file).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var file = new Option<string?>("--file", "-f") { Description = "Read the text to show from this UTF-8 file instead of the text argument." };
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write.", Required = true };
        var style = new Option<string>("--style") { Description = "ent: entities highlighted in label colors; dep: dependency arcs.", DefaultValueFactory = _ => Displacy.EntityStyle };
        style.AcceptOnlyFromAmong(Displacy.EntityStyle, Displacy.DependencyStyle);
        var plugins = ToolPlugins.Option();
        var command = new Command(
            "displacy",
            "Process a text (the argument, or --file) with a model and write an HTML page showing its entities (ent, " +
            "in the label colors of the built-in palette and of referenced plugins; the model needs a component that " +
            "sets entities, such as ner or entity_ruler, E150) or its dependency parse (dep, one figure per sentence; " +
            "the model needs a parser, E224).")
        {
            model, text, file, output, style, plugins,
        };
        command.SetAction(result => cli.Guard(() =>
        {
            BlankValues.Reject(result, text);
            var given = result.GetValue(text);
            var path = result.GetValue(file);
            if ((given is null) == (path is null))
            {
                throw TrainerErrors.DisplacyTextSource(both: given is not null);
            }

            if (given is not null && given.Length < 260 && !given.Contains('\n', StringComparison.Ordinal) && File.Exists(given))
            {
                TrainerWarnings.TextLooksLikeAFile(given);
            }

            var content = given ?? ReadText(path!);
            if (string.IsNullOrWhiteSpace(content))
            {
                throw TrainerErrors.EmptyArgument(given is null ? $"--file {path}" : "<text>");
            }

            return Run(cli, result.GetValue(model)!, content, result.GetValue(output)!, result.GetValue(style)!, result.GetValue(plugins));
        }));
        return command;
    }

    private static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw TrainerErrors.InputMissing("Text file (--file)", path);
        }

        TextInput.Require(path, "displacy", "a UTF-8 text file");
        return TextFiles.ReadAll(path);
    }

    private static int Run(CliContext cli, string modelPath, string text, string outputPath, string style, string? plugins)
    {
        AtomicFile.CheckFileTarget(outputPath);
        var nlp = Nlp.Load(ToolPlugins.Prepare(modelPath, plugins));
        var pipes = nlp.Pipeline.Select(p => p.Pipe).ToList();
        var setsEntities = ComponentNeeds.ForEntities(pipes).Any(run => run);
        var setsHeads = ComponentNeeds.SetsHeads(pipes);
        if (style == Displacy.EntityStyle && !setsEntities)
        {
            throw TrainerErrors.NoEntityComponent(modelPath, nlp.PipeNames, setsHeads);
        }

        // Said before processing, naming what the model lacks (Displacy.Render's E142 knows only the doc).
        if (style == Displacy.DependencyStyle && !setsHeads)
        {
            throw TrainerErrors.NoParserComponent(modelPath, nlp.PipeNames, setsEntities);
        }

        var doc = nlp.Process(text);
        var html = Displacy.Render(doc, style);
        AtomicFile.WriteAllText(outputPath, html);
        var what = style == Displacy.DependencyStyle ? $"{doc.Length} word(s)" : $"{doc.Ents.Count} entit(ies)";
        cli.Console.MarkupLine($"Wrote the {Markup.Escape(style)} view of {what} to [bold]{Markup.Escape(outputPath)}[/].");
        return 0;
    }
}
