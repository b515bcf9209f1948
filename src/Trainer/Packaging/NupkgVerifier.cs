using NuGet.Packaging;
using NuGet.Versioning;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// Opens a built model package with NuGet.Packaging and checks what a consumer needs: id, version, the dependency
/// on Pipeline.Core with the model's range, the readme, the entry assembly, the buildTransitive targets and the
/// model data with its meta.json.
/// </summary>
public static class NupkgVerifier
{
    /// <summary>Every problem of the .nupkg at <paramref name="nupkg"/>; empty when it is complete.</summary>
    public static IReadOnlyList<string> Check(string nupkg, ModelMeta meta, string range, IEnumerable<string> dataFiles)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(dataFiles);
        var problems = new List<string>();
        using var reader = new PackageArchiveReader(nupkg);
        var identity = reader.GetIdentity();
        if (identity.Id != meta.PackageId)
        {
            problems.Add($"its id is '{identity.Id}', not '{meta.PackageId}'");
        }

        if (identity.Version != NuGetVersion.Parse(meta.Version))
        {
            problems.Add($"its version is {identity.Version}, not {meta.Version}");
        }

        var expectedRange = VersionRange.Parse(range);
        var core = reader.NuspecReader.GetDependencyGroups()
            .SelectMany(g => g.Packages)
            .FirstOrDefault(p => p.Id.Equals("Pipeline.Core", StringComparison.OrdinalIgnoreCase));
        if (core is null)
        {
            problems.Add("it does not depend on Pipeline.Core");
        }
        else if (!core.VersionRange.Equals(expectedRange))
        {
            problems.Add($"it depends on Pipeline.Core {core.VersionRange}, not {expectedRange}");
        }

        var dependencies = reader.NuspecReader.GetDependencyGroups().SelectMany(g => g.Packages)
            .Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        problems.AddRange(PackageTemplates.PluginDependencies(meta)
            .Where(d => !dependencies.Contains(d.Id))
            .Select(d => $"it does not depend on {d.Id}, which meta.json requires"));

        var files = reader.GetFiles().Select(f => f.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var readme = reader.NuspecReader.GetReadme();
        if (string.IsNullOrEmpty(readme) || !files.Contains(readme.Replace('\\', '/')))
        {
            problems.Add("it has no readme");
        }

        var id = meta.PackageId;
        var expected = new List<string>
        {
            $"lib/{PackageNaming.TargetFramework()}/{id}.dll",
            $"buildTransitive/{id}.targets",
        };
        expected.AddRange(dataFiles.Select(f => $"{ModelPackages.DirectoryName}/{id}/{f.Replace('\\', '/')}"));
        problems.AddRange(expected.Where(f => !files.Contains(f)).Select(f => $"'{f}' is missing"));
        return problems;
    }

    /// <summary>Throws E131 naming every problem when the package is incomplete.</summary>
    public static void Verify(string nupkg, ModelMeta meta, string range, IEnumerable<string> dataFiles)
    {
        var problems = Check(nupkg, meta, range, dataFiles);
        if (problems.Count > 0)
        {
            throw TrainerErrors.PackageVerificationFailed(nupkg, problems);
        }
    }
}
