using System.CommandLine;
using Pipeline.Trainer.Packaging;
using Pipeline.Trainer.Plugins;
using Spectre.Console;

namespace Pipeline.Trainer.Commands;

/// <summary><c>pipeline package</c>: a thin layer over <see cref="ModelPackager"/>.</summary>
internal static class PackageCommand
{
    public static Command Create(CliContext cli)
    {
        var input = new Argument<string>("input") { Description = "Model directory (written by nlp.ToDisk or pipeline train)." };
        var output = new Argument<string>("output") { Description = "Directory that receives <lang>_<name>-<version>/." };
        var metaPath = new Option<string?>("--meta-path", "-m") { Description = "meta.json to use instead of the model's (the pipeline still comes from the model)." };
        var createMeta = new Option<bool>("--create-meta", "-c")
        {
            Description = "Fill in the meta: asks for lang, name, version, framework_version, pipeline, description, author, " +
                "email, url and license on an interactive terminal; otherwise takes them from --meta.",
        };
        var meta = new Option<string[]>("--meta")
        {
            Description = "Set a meta field, key=value (repeatable): lang, name, version, framework_version, pipeline, " +
                "description, author, email, url, license, sources and tags (lists comma-separated).",
            AllowMultipleArgumentsPerToken = false,
        };
        var force = new Option<bool>("--force", "-f") { Description = "Replace an existing package directory." };
        var build = new Option<bool>("--build", "-b") { Description = "Also run dotnet pack and check the .nupkg (written to <package>/dist/)." };
        var source = new Option<string[]>("--source", "-s") { Description = "Extra NuGet source (folder feed or URL) to restore Pipeline.Core from during --build (repeatable)." };
        var plugin = new Option<string[]>("--plugin")
        {
            Description = "A plugin assembly (.dll) to load first, for models whose factories or language it provides (repeatable).",
        };
        var plugins = ToolPlugins.Option();
        var command = new Command(
            "package",
            "Make a NuGet package project from a model directory: <lang>_<name>.csproj, meta.json, the entry class " +
            "(en_core_web_sm -> EnCoreWebSm.Load()), a model card README.md and the data, which a referencing app gets " +
            "in models/<lang>_<name>/ of its build and publish output.")
        {
            input, output, metaPath, createMeta, meta, force, build, source, plugin, plugins,
        };
        command.SetAction(result => cli.Guard(() =>
        {
            BlankValues.Reject(result);
            var create = result.GetValue(createMeta);
            var options = new PackageOptions
            {
                Input = result.GetValue(input)!,
                Output = result.GetValue(output)!,
                MetaPath = result.GetValue(metaPath),
                CreateMeta = create,
                MetaValues = ParseMeta(result.GetValue(meta) ?? []),
                Prompt = create && IsInteractive(cli) ? (field, current) => Ask(cli, field, current) : null,
                Force = result.GetValue(force),
                Build = result.GetValue(build),
                Sources = result.GetValue(source) ?? [],
                Plugins = result.GetValue(plugin) ?? [],
                PluginsFolder = result.GetValue(plugins),
            };
            return Run(cli, options);
        }));
        return command;
    }

    /// <summary>Parses <c>key=value</c> pairs; error E132 for one without '=' or with an unknown key.</summary>
    public static Dictionary<string, string> ParseMeta(IEnumerable<string> pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw TrainerErrors.BadMetaOption(pair, "is not key=value");
            }

            var key = pair[..at].Trim();
            if (!ModelPackager.MetaFields.Contains(key))
            {
                throw TrainerErrors.BadMetaOption(pair, $"sets an unknown field '{key}'");
            }

            values[key] = pair[(at + 1)..];
        }

        return values;
    }

    private static int Run(CliContext cli, PackageOptions options)
    {
        var result = ModelPackager.Package(options);
        var console = cli.Console;
        console.MarkupLine($"Made package [bold]{Markup.Escape(result.Meta.PackageId)} {Markup.Escape(result.Meta.Version)}[/] in {Markup.Escape(result.Directory)}");
        console.MarkupLine($"Entry class: {Markup.Escape(result.EntryClass)}.Load(); Pipeline.Core {Markup.Escape(result.Meta.FrameworkVersion ?? string.Empty)}");
        if (result.NupkgPath is not null)
        {
            var size = new FileInfo(result.NupkgPath).Length;
            console.MarkupLine($"Built and checked {Markup.Escape(result.NupkgPath)} ({size / 1024.0:0.0} KiB)");
        }
        else
        {
            console.MarkupLine($"Build it with: dotnet pack {Markup.Escape(DotnetProcess.Quote(result.ProjectPath))} -c Release (or run again with --build)");
        }

        return 0;
    }

    private static bool IsInteractive(CliContext cli) => cli.Console.Profile.Capabilities.Interactive && !System.Console.IsInputRedirected;

    private static string? Ask(CliContext cli, string field, string? current)
    {
        var prompt = new TextPrompt<string>($"{Markup.Escape(field)}:").AllowEmpty();
        if (!string.IsNullOrEmpty(current))
        {
            prompt.DefaultValue(current);
        }

        return cli.Console.Prompt(prompt);
    }
}
