using Pipeline.Components;

namespace Pipeline.Registry.Plugins;

/// <summary>
/// A component factory a plugin exposes with <see cref="PipelineFactoryAttribute"/>. One instance (made with its
/// public parameterless constructor) serves every <see cref="Create"/> call, which may come from several threads.
/// </summary>
public interface IPipeFactory
{
    /// <summary>
    /// Creates a component for <paramref name="nlp"/>. <paramref name="config"/> holds the settings of the caller:
    /// the overrides given to <c>Nlp.Load</c>, the config given to <c>nlp.CreatePipe</c>, or the component's
    /// "pipeline_args" in meta.json.
    /// </summary>
    IPipe Create(Language nlp, IReadOnlyDictionary<string, object?> config);
}
