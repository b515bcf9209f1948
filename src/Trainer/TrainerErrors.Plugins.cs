using Pipeline.Trainer.Packaging;

namespace Pipeline.Trainer;

/// <summary>The CLI's errors of plugins loaded for a model (docs/plugins.md, "Plugins in the pipeline tool").</summary>
internal static partial class TrainerErrors
{
    public static PipelineException PluginPackageMissing(string metaPath, IReadOnlyList<string> factories, IReadOnlyList<PackageDependency> packages, IReadOnlyList<string> folders) => new(
        "E290",
        $"{metaPath}: the pipeline needs {Factories(factories)}, which the pipeline tool does not ship; the model's " +
        $"requirements name {string.Join(", ", packages.Select(Describe))}, which the NuGet packages folders " +
        $"({string.Join(", ", folders.Select(f => $"'{f}'"))}) do not hold at a fitting version. Restore them once, e.g. in a scratch project: " +
        $"dotnet new console -o plugins && cd plugins && {string.Join(" && ", packages.Select(AddCommand))} " +
        "(with the feed that serves them in nuget.config or --source), then run the command again; or pass " +
        "--plugins <folder> with the plugin's assemblies (the dotnet publish output of a project referencing them).");

    public static PipelineException PluginFolderInvalid(string folder, string problem) => new(
        "E291",
        $"The --plugins folder '{folder}' {problem}. Pass a folder with the plugin's assemblies and their " +
        "dependencies, e.g. the output of dotnet publish -r <rid> of a project that references the plugin package.");

    public static PipelineException PluginRequirementsMissing(string metaPath, IReadOnlyList<string> factories) => new(
        "E292",
        $"{metaPath}: the pipeline needs {Factories(factories)}, which the pipeline tool does not ship, and the " +
        "model's meta.json names no requirements (packages) to load them from. Add the plugin package to " +
        "\"requirements\" (e.g. \"Pipeline.Transformers>=0.1.0\") and restore it, or pass --plugins <folder> with " +
        "the plugin's assemblies.");

    public static PipelineException PluginAssemblyUnloadable(string path, string source, string reason) => new(
        "E293",
        $"The plugin assembly '{path}' (from {source}) could not be loaded: {Clause(reason)}. Restore the package " +
        "again (delete its folder in the NuGet global packages folder first) or rebuild the --plugins folder.");

    private static string Factories(IReadOnlyList<string> factories) =>
        (factories.Count == 1 ? "factory " : "factories ") + string.Join(", ", factories.Select(f => $"'{f}'"));

    private static string Describe(PackageDependency package) =>
        package.VersionRange is { } range ? $"{package.Id} {range}" : package.Id;

    private static string AddCommand(PackageDependency package) =>
        $"dotnet add package {package.Id}" + (LowerBound(package.VersionRange) is { } version ? $" --version {version}" : string.Empty);

    // "[0.1.0, 0.2.0)" gives 0.1.0: the version dotnet add would pick for the range.
    private static string? LowerBound(string? range) =>
        range is not null && NuGet.Versioning.VersionRange.TryParse(range, out var parsed) && parsed.HasLowerBound ? parsed.MinVersion!.ToNormalizedString() : null;
}
