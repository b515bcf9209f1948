using System.CommandLine;
using Pipeline.Display;
using Pipeline.Serialization;
using Pipeline.Training;
using Spectre.Console;

namespace Pipeline.Trainer.Commands;

/// <summary><c>pipeline displacy</c>: processes a text with a model and writes a standalone HTML visualization.</summary>
internal static class DisplacyCommand
{
    public static Command Create(CliContext cli)
    {
        var model = new Argument<string>("model") { Description = "Model directory (with meta.json) or installed model package name." };
        var text = new Argument<string>("text") { Description = "The text to process and show." };
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write.", Required = true };
        var style = new Option<string>("--style") { Description = "ent: entities highlighted in label colors; dep: dependency arcs.", DefaultValueFactory = _ => Displacy.EntityStyle };
        style.AcceptOnlyFromAmong(Displacy.EntityStyle, Displacy.DependencyStyle);
        var command = new Command(
            "displacy",
            "Process a text with a model and write an HTML page showing its entities (ent, in the label colors of the " +
            "built-in palette and of referenced plugins; the model needs a component that sets entities, such as ner " +
            "or entity_ruler, E150) or its dependency parse (dep, one figure per sentence; the model needs a parser, E142).")
        {
            model, text, output, style,
        };
        command.SetAction(result => cli.Guard(() =>
        {
            BlankValues.Reject(result, text);
            return Run(cli, result.GetValue(model)!, result.GetValue(text)!, result.GetValue(output)!, result.GetValue(style)!);
        }));
        return command;
    }

    private static int Run(CliContext cli, string modelPath, string text, string outputPath, string style)
    {
        AtomicFile.CheckFileTarget(outputPath);
        var nlp = Nlp.Load(modelPath);
        if (style == Displacy.EntityStyle && !ComponentNeeds.ForEntities([.. nlp.Pipeline.Select(p => p.Pipe)]).Any(run => run))
        {
            throw Errors.NoEntityComponent(modelPath, nlp.PipeNames);
        }

        var doc = nlp.Process(text);
        var html = Displacy.Render(doc, style);
        AtomicFile.WriteAllText(outputPath, html);
        var what = style == Displacy.DependencyStyle ? $"{doc.Length} word(s)" : $"{doc.Ents.Count} entit(ies)";
        cli.Console.MarkupLine($"Wrote the {Markup.Escape(style)} view of {what} to [bold]{Markup.Escape(outputPath)}[/].");
        return 0;
    }
}
