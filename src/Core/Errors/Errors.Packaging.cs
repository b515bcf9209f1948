namespace Pipeline;

/// <summary>The catalogue's errors of plugins, model packages and their validation (E120-E151).</summary>
internal static partial class Errors
{
    public static PipelineException PluginConflict(string kind, string name, string first, string second) => new(
        "E135",
        $"Two plugins claim the {kind} '{name}': assembly '{first}' and assembly '{second}'. Reference only one of " +
        "the two packages, or register the one you want in code before use (e.g. Language.Factories[...] = ...).");

    public static PipelineException PluginTypeInvalid(string kind, string name, string type, string assembly, string problem) => new(
        "E136",
        $"Assembly '{assembly}' exposes the {kind} '{name}' as type '{type}', which {problem}. Fix the assembly " +
        "attribute in the plugin, or update the plugin package.");

    public static PipelineException UnknownLookups(string name, IEnumerable<string> known) => new(
        "E139",
        $"No lookup tables named '{name}'. Available: {Join(known)}. Reference a package that exposes them with " +
        $"[assembly: PipelineLookups(\"{name}\", ...)] or register them with Nlp.Lookups.Register(...).");

    public static PipelineFormatException LookupsUnreadable(string source, string detail, Exception? inner = null) => new(
        "E140", source,
        $"the lookup table is not a JSON object of string keys and string values ({detail}). Fix the resource in " +
        "the plugin assembly.", inner);

    public static PipelineException UnknownDisplacyStyle(string style) => new(
        "E141", $"Unknown displaCy style '{style}'. Use \"ent\" (named entities) or \"dep\" (dependency arcs).");

    public static PipelineException DocNotParsed() => new(
        "E142",
        "The doc has no dependency parse, so the \"dep\" style has no arcs to draw. Process it with a model that " +
        "has a parser, or render the \"ent\" style.");

    public static PipelineException InvalidColor(string label, string color, string source) => new(
        "E143",
        $"Color '{color}' for label '{label}' (from {source}) is not a CSS color this renderer accepts. Use #rgb, " +
        "#rrggbb, a color name, rgb()/hsl() or linear-gradient(...), with no quotes, semicolons or braces.");

    public static PipelineException InvalidRequirement(string source, string entry, string problem) => new(
        "E144",
        $"{source}: requirement {entry} {problem}. Write each entry as \"Package\", \"Package>=1.0\", " +
        "\"Package [1.0, 2.0)\" or {\"name\": \"Package\", \"version\": \"1.0\"}.");

    public static PipelineException PackageDataMissing(string packageId, IEnumerable<string> searched) => new(
        "E120",
        $"The data of model package '{packageId}' is not beside the app: looked in {Join(searched)}. The package " +
        $"copies it to 'models/{packageId}/' of the build and publish output through its buildTransitive targets; " +
        "reference it with a plain <PackageReference> (not ExcludeAssets=\"build\") and build again.");

    public static PipelineFormatException IncompatibleModelData(
        string path, string model, string range, string running, PipelineFormatException inner) => new(
        "E121", path,
        $"model '{model}' was made for Pipeline.Core {range} and its data cannot be read by the running " +
        $"Pipeline.Core {running} ({inner.Message}). Use a Pipeline.Core version in {range}, or a version of the " +
        "model made for this one.",
        inner);

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

    public static PipelineFormatException NupkgUnreadable(string nupkg, string detail, Exception? inner = null) => new(
        "E148", nupkg,
        $"not a readable NuGet package ({Clause(detail)}). Remove it from the feed, or make it again with " +
        "'pipeline package <model> <output> --build'.",
        inner);

    public static PipelineException PackageDataIncomplete(string directory) => new(
        "E149",
        $"The model folder '{directory}' has no meta.json, so the app cannot load it: a model package's data was " +
        "copied only in part. Build or publish the app again, or remove the folder.");

    public static PipelineException ValidateAppAndSource(string app, string source) => new(
        "E151",
        $"pipeline validate was given both --app '{app}' and --source '{source}'; it checks one of them per run. " +
        "Run it once with --app (an app's models) and once with --source (a folder feed of .nupkg files).");
}
