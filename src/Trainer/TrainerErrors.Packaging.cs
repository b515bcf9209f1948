namespace Pipeline.Trainer;

/// <summary>The CLI's errors of model packages and their validation.</summary>
internal static partial class TrainerErrors
{
    public static PipelineException InvalidRequirement(string source, string entry, string problem) => new(
        "E144",
        $"{source}: requirement {entry} {problem}. Write each entry as \"Package\", \"Package>=1.0\", " +
        "\"Package [1.0, 2.0)\" or {\"name\": \"Package\", \"version\": \"1.0\"}.");

    public static PipelineException PackageMetaMissing(string input) => new(
        "E122",
        $"'{input}' has no meta.json, so the package has no name or version. Pass --meta-path <file>, or " +
        "--create-meta (with --meta lang=en --meta name=... --meta version=...).");

    public static PipelineException PackageExists(string path) => new(
        "E128",
        $"'{path}' already exists. Pass --force to replace it, or choose another output directory.");

    public static PipelineException PackageModelUnloadable(string input, PipelineException inner) => new(
        "E129",
        $"The model in '{input}' does not load, so it cannot be packaged: {inner.Message}",
        inner);

    public static PipelineException PackCommandFailed(string command, int exitCode, string outputTail) => new(
        "E130",
        $"'{command}' failed with exit code {exitCode}. If Pipeline.Core could not be restored, put it on a NuGet " +
        "source (dotnet pack src/Core -o <feed>) and pass --source <feed> or add the feed to nuget.config. " +
        $"Output:\n{outputTail}");

    public static PipelineException PackageVerificationFailed(string nupkg, IEnumerable<string> problems) => new(
        "E131",
        $"The package '{nupkg}' is incomplete: {string.Join("; ", problems)}. Delete it and package again; if " +
        "the problem remains, report it.");

    public static PipelineException PluginUnloadable(string path, string reason) => new(
        "E133",
        $"The plugin assembly '{path}' could not be loaded: {Clause(reason)}. Pass the path of a .dll that references " +
        "Pipeline.Core (e.g. bin/Release/net10.0/Snek.dll of the plugin's build).");

    public static PipelineException BadMetaOption(string option, string problem) => new(
        "E132",
        $"--meta '{option}' {problem}. Write --meta key=value with a key among lang, name, version, " +
        "framework_version, pipeline, description, author, email, url, license (lists comma-separated: pipeline, " +
        "sources, tags).");

    public static PipelineException PackageOutputInsideModel(string input, string output) => new(
        "E145",
        $"The output directory '{output}' is the model directory '{input}' or lies inside it, so the package would " +
        "be written into the model it copies (and the next run would copy that package too). Choose an output " +
        $"directory outside the model, e.g. '{Path.Combine(Path.GetDirectoryName(input) ?? input, "packages")}'.");

    public static PipelineException PackageReplacesModel(string input, string directory) => new(
        "E146",
        $"The model directory '{input}' is the package directory '{directory}' or lies inside it; packaging replaces " +
        "that directory, which would delete the model. Copy the model directory elsewhere and package the copy, or " +
        "choose another output directory.");

    public static PipelineException ModelFolderLink(string input, string link, string target) => new(
        "E147",
        $"'{link}' in the model directory '{input}' is a symbolic link to '{target}'. Packaging does not follow links, " +
        "so that no file from outside the model ends up in the package. Replace the link with the real file or " +
        "folder, or remove it.");

    public static PipelineException ValidateAppAndSource(string app, string source) => new(
        "E151",
        $"pipeline validate was given both --app '{app}' and --source '{source}'; it checks one of them per run. " +
        "Run it once with --app (an app's models) and once with --source (a folder feed of .nupkg files).");

    public static PipelineException LeftoverNotRemoved(string entry, Exception inner) => new(
        "E185",
        $"'{entry}' is left over from a killed earlier run of pipeline package, and it could not be removed (or put back): " +
        $"{Clause(inner.Message)}. Check the folder's permissions, or remove it by hand, then package again.",
        inner);

    /// <summary>Another library's message as one clause: on one line, without its closing full stop.</summary>
    private static string Clause(string text) =>
        string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
