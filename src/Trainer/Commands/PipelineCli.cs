using System.CommandLine;
using Pipeline.Corpora;
using Spectre.Console;

namespace Pipeline.Trainer.Commands;

/// <summary>
/// The <c>pipeline</c> command line: <c>train</c>, <c>evaluate</c>, <c>parse</c>, <c>convert</c>, <c>displacy</c>,
/// <c>package</c> and <c>validate</c>. Each command is a thin layer over library classes (<see cref="Training.TrainingRunner"/>,
/// <see cref="Evaluation.ModelEvaluator"/>, <see cref="ConlluWriter"/>, <see cref="Packaging.ModelPackager"/>),
/// which other programs can call directly.
/// </summary>
public static class PipelineCli
{
    /// <summary>
    /// The name the command is run by (the tool's ToolCommandName), shown in help and usage instead of the assembly
    /// name, Pipeline.Trainer, that a root command would show.
    /// </summary>
    public const string CommandName = "pipeline";

    /// <summary>Builds the root command, writing to <paramref name="context"/>.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new Command(
            CommandName,
            "pipeline: train, evaluate and apply Pipeline NLP models. Corpora are Universal Dependencies CoNLL-U " +
            "files and IOB2 named-entity files.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(ParseCommand.Create(context));
        root.Subcommands.Add(ConvertCommand.Create(context));
        root.Subcommands.Add(DisplacyCommand.Create(context));
        root.Subcommands.Add(PackageCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command; returns the exit code (0 success, 1 error, 130
    /// interrupted). Output goes to the given console and writers (default: the process's).
    /// </summary>
    public static int Run(string[] args, IAnsiConsole? console = null, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(console ?? DefaultConsole(), output ?? System.Console.Out, error ?? System.Console.Error);

        // Ctrl-C and SIGTERM cancel the command's token (System.CommandLine's own handling is off: it is not
        // installed while a command runs synchronously).
        using var interrupt = new InterruptSignals();
        var configuration = new InvocationConfiguration { Output = context.Output, Error = context.Error, ProcessTerminationTimeout = null };
        return Create(context).Parse(args).InvokeAsync(configuration, interrupt.Token).GetAwaiter().GetResult();
    }

    // Redirected output (logs, CI) gets wide lines instead of Spectre's 80-column default.
    private static IAnsiConsole DefaultConsole()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = Math.Max(console.Profile.Width, 240);
        }

        return console;
    }
}
