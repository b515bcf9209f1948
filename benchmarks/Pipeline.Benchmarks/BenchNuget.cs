namespace Pipeline.Benchmarks;

/// <summary>The nuget.config of benchmarks that pack and restore: their folder feeds and a packages folder of their own.</summary>
public static class BenchNuget
{
    /// <summary>Writes <c>nuget.config</c> into <paramref name="root"/> with <paramref name="feeds"/> (key, folder) and <c>root/packages</c>.</summary>
    public static void WriteConfig(string root, params (string Key, string Folder)[] feeds)
    {
        var sources = string.Join("\n", feeds.Select(f => $"""    <add key="{f.Key}" value="{f.Folder}" />"""));
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(root, "packages")}" />
              </config>
              <packageSources>
            {sources}
              </packageSources>
            </configuration>
            """);
    }
}
