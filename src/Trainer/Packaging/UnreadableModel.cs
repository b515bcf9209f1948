namespace Pipeline.Trainer.Packaging;

/// <summary>A model package, or an app's model folder, that cannot be read, with the reason; <c>pipeline validate</c> lists them.</summary>
/// <param name="Path">The .nupkg, meta.json or model folder that failed (the error names the file inside it).</param>
/// <param name="Error">What is wrong with it (usually a <see cref="PipelineFormatException"/>).</param>
public sealed record UnreadableModel(string Path, PipelineException Error);
