namespace Pipeline;

/// <summary>
/// Non-fatal notices (codes <c>W001</c>...). Subscribe to <see cref="Raised"/> to route them into your logging;
/// with no subscriber they are written to standard error so they are never silently lost.
/// </summary>
public static class Warnings
{
    /// <summary>Raised for every warning, with its stable code and message.</summary>
    public static event Action<PipelineWarning>? Raised;

    internal static void Emit(string code, string message)
    {
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
}
