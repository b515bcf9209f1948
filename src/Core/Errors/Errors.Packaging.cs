namespace Pipeline;

/// <summary>The library's errors of plugins and model packages; the CLI's (packing, validation) are in Pipeline.Trainer's TrainerErrors.</summary>
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

    public static PipelineException PackageDataIncomplete(string directory) => new(
        "E149",
        $"The model folder '{directory}' has no meta.json, so the app cannot load it: a model package's data was " +
        "copied only in part. Build or publish the app again, or remove the folder.");
}
