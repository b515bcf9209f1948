using System.Security;

namespace Pipeline.Build.Packaging;

/// <summary>
/// Makes the model packages restore the Pipeline.Core that Package has just packed, never a stale build of the same
/// version from the user's NuGet cache: a <c>nuget.config</c> in the packaging scratch folder (which the package
/// projects below it inherit) gives them a packages folder of their own, emptied of Pipeline.Core (and the other
/// libraries this build packs, such as Pipeline.Transformers) before each run.
/// The user's cache stays a read-only fallback for the other dependencies (so nothing is downloaded again) unless it
/// holds the very version of Pipeline.Core or Pipeline.Transformers being packed, which would shadow the fresh one.
/// </summary>
internal static class RestoreIsolation
{
    /// <summary>The config's file name.</summary>
    public const string ConfigFile = "nuget.config";

    /// <summary>The packages folder's name inside the scratch folder.</summary>
    public const string PackagesFolder = "nuget-packages";

    /// <summary>Ids whose restored copies are removed before each run: the packages this build packs itself.</summary>
    public static readonly IReadOnlyList<string> OwnPackages = ["pipeline.core", "pipeline.transformers", "pipeline.trainer"];

    /// <summary>Writes the config into <paramref name="scratch"/> and empties its packages folder of <see cref="OwnPackages"/>.</summary>
    /// <param name="scratch">The folder the package projects are written below.</param>
    /// <param name="coreVersion">The version of the Pipeline.Core just packed (null: unknown, no fallback).</param>
    /// <param name="userPackages">The user's packages folder (null: NUGET_PACKAGES, else ~/.nuget/packages).</param>
    public static void Prepare(string scratch, string? coreVersion, string? userPackages = null)
    {
        Directory.CreateDirectory(scratch);
        var packages = Path.Combine(scratch, PackagesFolder);
        foreach (var id in OwnPackages)
        {
            var folder = Path.Combine(packages, id);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        userPackages ??= Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        // The libraries share one version: a copy of any of them in the user's cache would shadow the fresh one.
        var shadows = coreVersion is null || OwnPackages.Any(id => Directory.Exists(Path.Combine(userPackages, id, coreVersion.ToLowerInvariant())));
        var fallback = !shadows && Directory.Exists(userPackages)
            ? $"""
                <fallbackPackageFolders>
                  <add key="user" value="{SecurityElement.Escape(userPackages)}" />
                </fallbackPackageFolders>

              """
            : string.Empty;
        var config = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!-- Written by the Package target: model packages restore into a packages folder of their own, so they get the Pipeline.Core just packed. -->
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(packages)}" />
              </config>
            {fallback}</configuration>

            """;
        Pipeline.Serialization.AtomicFile.WriteAllText(Path.Combine(scratch, ConfigFile), config);
    }
}
