namespace Pipeline.Trainer.Packaging;

/// <summary>What <see cref="ModelPackager.Package"/> made.</summary>
/// <param name="Meta">The validated meta data the package carries.</param>
/// <param name="Directory">The package directory <c>&lt;output&gt;/&lt;lang&gt;_&lt;name&gt;-&lt;version&gt;/</c>.</param>
/// <param name="ProjectPath">The generated <c>&lt;lang&gt;_&lt;name&gt;.csproj</c>.</param>
/// <param name="EntryClass">The generated entry class's full name, e.g. <c>Pipeline.Models.EnCoreWebSm</c>.</param>
/// <param name="NupkgPath">The built package when <see cref="PackageOptions.Build"/> was set.</param>
public sealed record PackageResult(ModelMeta Meta, string Directory, string ProjectPath, string EntryClass, string? NupkgPath);
