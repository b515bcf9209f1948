namespace Pipeline.Components;

/// <summary>
/// Creates a component for a pipeline. <paramref name="config"/> carries settings from the caller, such as the
/// overrides passed to <c>Nlp.Load</c>.
/// </summary>
public delegate IPipe PipeFactory(Language nlp, IReadOnlyDictionary<string, object?> config);
