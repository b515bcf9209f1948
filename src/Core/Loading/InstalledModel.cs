namespace Pipeline;

/// <summary>A model package whose data an app can see (a folder <c>models/&lt;lang&gt;_&lt;name&gt;/</c> with meta.json).</summary>
/// <param name="PackageId">The package id and load name, e.g. <c>en_core_web_sm</c>.</param>
/// <param name="Version">The model version from meta.json.</param>
/// <param name="FrameworkVersion">The Pipeline.Core range from meta.json, if any.</param>
/// <param name="Path">The model data directory, for <see cref="Nlp.Load"/>.</param>
/// <param name="Compatibility">Whether the running Pipeline.Core is inside <paramref name="FrameworkVersion"/>.</param>
public sealed record InstalledModel(
    string PackageId, string Version, string? FrameworkVersion, string Path, CompatibilityStatus Compatibility);
