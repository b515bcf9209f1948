namespace Pipeline.Trainer.Tests.Support;

/// <summary>
/// A nuget.config for tests that pack and restore: a local folder feed plus the machine's usual sources, and a
/// packages folder of the test (globalPackagesFolder), so no test writes test builds such as
/// <c>pipeline.core 0.1.0-e2e.*</c> into the user's NuGet cache or restores a stale Pipeline.Core from it.
/// </summary>
internal static class IsolatedNuget
{
    /// <summary>
    /// Writes <c>nuget.config</c> into <paramref name="directory"/> (which applies to every project below it) with
    /// <paramref name="feed"/> as a source and <c>&lt;directory&gt;/packages</c> as the packages folder. The user's
    /// packages folder serves as a read-only fallback (so MessagePack and friends need no download) unless it holds a
    /// Pipeline.Core that could shadow the one the test packed.
    /// </summary>
    /// <param name="directory">The folder the config is written to.</param>
    /// <param name="feed">The local folder feed.</param>
    /// <param name="uniqueVersions">The test packs Pipeline's packages under versions no cache can hold, so the user's packages folder is a safe fallback even when it holds some Pipeline.Core.</param>
    public static void WriteConfig(string directory, string feed, bool uniqueVersions = false)
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var fallback = Directory.Exists(globalPackages) && (uniqueVersions || !Directory.Exists(Path.Combine(globalPackages, "pipeline.core")))
            ? $"""
              <fallbackPackageFolders>
                <add key="user" value="{globalPackages}" />
              </fallbackPackageFolders>
            """
            : string.Empty;
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(directory, "packages")}" />
              </config>
              <packageSources>
                <add key="pipeline-test-feed" value="{feed}" />
              </packageSources>
            {fallback}
            </configuration>
            """);
    }
}
