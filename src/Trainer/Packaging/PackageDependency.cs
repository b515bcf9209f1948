using System.Security;

namespace Pipeline.Trainer.Packaging;

/// <summary>A NuGet dependency of a model package: a package id and a NuGet version range.</summary>
/// <param name="Id">The package id, e.g. "Snek".</param>
/// <param name="VersionRange">A NuGet range such as "[1.0, )" or "[1.0, 2.0)"; null for any version.</param>
public sealed record PackageDependency(string Id, string? VersionRange)
{
    /// <summary>The dependency as a csproj item: <c>&lt;PackageReference Include="Snek" Version="[1.0, )" /&gt;</c>.</summary>
    public string ToPackageReference() => VersionRange is null
        ? $"<PackageReference Include=\"{SecurityElement.Escape(Id)}\" />"
        : $"<PackageReference Include=\"{SecurityElement.Escape(Id)}\" Version=\"{SecurityElement.Escape(VersionRange)}\" />";

    /// <summary>The dependency as a nuspec element: <c>&lt;dependency id="Snek" version="[1.0, )" /&gt;</c>.</summary>
    public string ToNuspecDependency() => VersionRange is null
        ? $"<dependency id=\"{SecurityElement.Escape(Id)}\" />"
        : $"<dependency id=\"{SecurityElement.Escape(Id)}\" version=\"{SecurityElement.Escape(VersionRange)}\" />";

    /// <inheritdoc />
    public override string ToString() => VersionRange is null ? Id : $"{Id} {VersionRange}";
}
