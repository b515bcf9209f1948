namespace Pipeline;

/// <summary>
/// Non-fatal notices (codes <c>W001</c>...). Subscribe to <see cref="Raised"/> to route them into your logging;
/// with no subscriber they are written to standard error so they are never silently lost.
/// </summary>
public static partial class Warnings
{
    /// <summary>Raised for every warning, with its stable code and message.</summary>
    public static event Action<PipelineWarning>? Raised;

    /// <summary>
    /// Raises a warning with its stable <paramref name="code"/> through <see cref="Raised"/> (or standard error): for
    /// tools built on the library, so their own warnings reach the same subscribers (the CLI raises W012, W046 and
    /// W047 this way).
    /// </summary>
    public static void Emit(string code, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(message);
        var warning = new PipelineWarning(code, message);
        var handler = Raised;
        if (handler is null)
        {
            Console.Error.WriteLine(warning.ToString());
        }
        else
        {
            handler(warning);
        }
    }

    internal static void DataWithoutPipe(string path, IEnumerable<string> directories) => Emit(
        "W001",
        $"'{path}' holds data for components that are not in this pipeline: {Errors.Join(directories)}. " +
        "Nlp.Load(path) creates the pipeline from meta.json; FromDisk only fills components that already exist.");

    internal static void FactoryOverridden(string name, string previous, string replacement) => Emit(
        "W002", $"Factory '{name}' from {previous} is replaced by {replacement}.");

    internal static void LanguageOverridden(string code, string previous, string replacement) => Emit(
        "W015", $"Language class for '{code}' from {previous} is replaced by {replacement}.");

    internal static void ColorOverridden(string label, string previous, string replacement) => Emit(
        "W016", $"displaCy color of label '{label}' ({previous}) is replaced by {replacement}.");

    internal static void PluginAssemblyUnreadable(string assembly, string detail) => Emit(
        "W017",
        $"Assembly '{assembly}' references Pipeline.Core but its plugin attributes could not be read ({detail}); " +
        "the factories, languages, lookups and colors it exposes are not available. Check that its package and " +
        "dependencies are restored.");

    internal static void IncompatibleModel(string model, string range, string running) => Emit(
        "W010",
        $"Model '{model}' was made for Pipeline.Core {range}, but Pipeline.Core {running} is running. It may " +
        $"load and behave differently; use a Pipeline.Core version in {range}, or a version of the model made for " +
        $"{running}.");

    internal static void UncheckedFrameworkVersion(string model, string? range) => Emit(
        "W011",
        range is null
            ? $"Model '{model}' does not say which Pipeline.Core versions it works with (no framework_version in " +
              "meta.json), so compatibility is not checked. Add e.g. \"framework_version\": \"[0.1.0, 0.2.0)\"."
            : $"Model '{model}' has framework_version '{range}', which is not a NuGet version range, so " +
              "compatibility is not checked. Write a range such as \"[0.1.0, 0.2.0)\".");

    internal static void StaleLockRemoved(string folder, string holder) => Emit(
        "W035",
        $"'{folder}' had the lock of a run that is no longer running ({holder}); it was killed or crashed. The " +
        "lock was taken over; that run's unfinished files are cleaned up where the command knows them.");
}
