using NuGet.Versioning;

namespace Pipeline;

/// <summary>
/// Checks a model's <c>framework_version</c> (a NuGet version range of Pipeline.Core, such as
/// <c>[0.1.0, 0.2.0)</c>) against a Pipeline.Core version with NuGet's range semantics, so patch and minor
/// releases inside the range never raise a false alarm. A pre-release of Pipeline.Core (0.1.0-ci.4) counts as its
/// release (0.1.0) as well, so builds from source do not warn about models made for that release.
/// </summary>
public static class FrameworkCompatibility
{
    /// <summary>Parses a range as NuGet does; null when <paramref name="range"/> is not one.</summary>
    public static VersionRange? ParseRange(string? range) =>
        !string.IsNullOrWhiteSpace(range) && VersionRange.TryParse(range, out var parsed) ? parsed : null;

    /// <summary>Checks <paramref name="range"/> against <paramref name="coreVersion"/> (default: the running Pipeline.Core).</summary>
    public static CompatibilityStatus Check(string? range, string? coreVersion = null)
    {
        if (string.IsNullOrWhiteSpace(range))
        {
            return CompatibilityStatus.Unspecified;
        }

        var parsed = ParseRange(range);
        if (parsed is null || !NuGetVersion.TryParse(coreVersion ?? Nlp.Version, out var version))
        {
            return CompatibilityStatus.InvalidRange;
        }

        if (parsed.Satisfies(version))
        {
            return CompatibilityStatus.Compatible;
        }

        var release = new NuGetVersion(version.Major, version.Minor, version.Patch);
        return version.IsPrerelease && parsed.Satisfies(release) ? CompatibilityStatus.Compatible : CompatibilityStatus.Incompatible;
    }

    /// <summary>Raises W010 or W011 for the model's range when it is not compatible; returns the status.</summary>
    public static CompatibilityStatus Warn(ModelMeta meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        return Warn(meta, Check(meta.FrameworkVersion));
    }

    /// <summary>Raises the warning for a <paramref name="status"/> already checked; returns it.</summary>
    internal static CompatibilityStatus Warn(ModelMeta meta, CompatibilityStatus status)
    {
        switch (status)
        {
            case CompatibilityStatus.Incompatible:
                Warnings.IncompatibleModel($"{meta.PackageId} {meta.Version}", meta.FrameworkVersion!, Nlp.Version);
                break;
            case CompatibilityStatus.Unspecified or CompatibilityStatus.InvalidRange:
                Warnings.UncheckedFrameworkVersion($"{meta.PackageId} {meta.Version}", meta.FrameworkVersion);
                break;
        }

        return status;
    }
}
