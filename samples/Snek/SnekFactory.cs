using Pipeline;
using Pipeline.Components;
using Pipeline.Registry.Plugins;

namespace Snek;

/// <summary>The factory of the "snek" component, exposed to apps by <c>[assembly: PipelineFactory("snek", ...)]</c>.</summary>
public sealed class SnekFactory : IPipeFactory
{
    /// <inheritdoc />
    public IPipe Create(Language nlp, IReadOnlyDictionary<string, object?> config) => new SnekComponent(nlp, config);
}
