using System.Globalization;
using Pipeline.Trainer.Packaging;

namespace Pipeline.Trainer.Tests.Support;

/// <summary>
/// The local folder feed of the app-building tests: Pipeline.Core and the Snek plugin packed from this checkout under
/// a version no earlier run used (so no package cache serves a stale copy), and the dotnet runner they share.
/// </summary>
internal static class PluginFeed
{
    /// <summary>Packs Pipeline.Core and Snek into <c>feed/</c> of <paramref name="dir"/>; returns the feed and the version.</summary>
    public static (string Feed, string Version) PackCoreAndSnek(TempDir dir, string label) =>
        Pack(dir, label, "src/Core/Pipeline.Core.csproj", "samples/Snek/Snek.csproj");

    /// <summary>Packs <paramref name="projects"/> (relative to the repository) into <c>feed/</c> of <paramref name="dir"/>; returns the feed and the version.</summary>
    public static (string Feed, string Version) Pack(TempDir dir, string label, params string[] projects)
    {
        var feed = Directory.CreateDirectory(dir["feed"]).FullName;
        var version = $"0.1.0-{label}." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        foreach (var project in projects)
        {
            Dotnet(RepoPaths.Root, "pack", Path.Combine(RepoPaths.Root, project), "-c", "Release", "-o", feed, "-m:1",
                "--artifacts-path", dir["artifacts"], $"-p:Version={version}");
        }

        return (feed, version);
    }

    /// <summary>Runs dotnet with the product's runner and returns its output, failing the test on a non-zero exit.</summary>
    public static string Dotnet(string workingDirectory, params string[] args)
    {
        var (code, output) = DotnetProcess.Run(args, workingDirectory, null, TimeSpan.FromMinutes(15));
        Assert.True(code == 0, $"dotnet {string.Join(' ', args)} exited with {code}:\n{output}");
        return output;
    }
}
