using System.Xml.Linq;
using Pipeline.Build.Packaging;

namespace Pipeline.Build.Tests;

/// <summary>Model packages restore the Pipeline.Core just packed, not a stale copy from a NuGet cache (issue 18, point 9).</summary>
public sealed class RestoreIsolationTests : TempDirTest
{
    [Fact]
    public void The_scratch_gets_its_own_packages_folder_emptied_of_the_builds_own_packages()
    {
        var scratch = Path.Combine(Dir.Path, "scratch");
        var stale = Dir.File("scratch/nuget-packages/pipeline.core/0.1.0/pipeline.core.0.1.0.nupkg", "old");
        var staleTransformers = Dir.File("scratch/nuget-packages/pipeline.transformers/0.1.0/pipeline.transformers.0.1.0.nupkg", "old");
        var kept = Dir.File("scratch/nuget-packages/messagepack/3.1.0/messagepack.3.1.0.nupkg", "x");
        var user = Directory.CreateDirectory(Path.Combine(Dir.Path, "user")).FullName;

        RestoreIsolation.Prepare(scratch, "0.1.0", user);

        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(staleTransformers)); // *_trf model packages depend on the Pipeline.Transformers just packed
        Assert.True(File.Exists(kept));
        var config = XDocument.Load(Path.Combine(scratch, "nuget.config"));
        Assert.Equal(Path.Combine(scratch, "nuget-packages"), config.Descendants("add").Single(e => (string?)e.Attribute("key") == "globalPackagesFolder").Attribute("value")!.Value);
        Assert.Equal(user, config.Descendants("fallbackPackageFolders").Elements("add").Single().Attribute("value")!.Value);
    }

    [Theory]
    [InlineData("pipeline.core")]
    [InlineData("pipeline.transformers")]
    public void A_user_cache_that_holds_the_packed_version_of_a_library_is_no_fallback(string id)
    {
        var scratch = Path.Combine(Dir.Path, "scratch");
        Dir.File($"user/{id}/0.1.0/{id}.0.1.0.nupkg", "stale");
        RestoreIsolation.Prepare(scratch, "0.1.0", Path.Combine(Dir.Path, "user"));

        var config = XDocument.Load(Path.Combine(scratch, "nuget.config"));
        Assert.Empty(config.Descendants("fallbackPackageFolders"));
        Assert.Single(config.Descendants("add"), e => (string?)e.Attribute("key") == "globalPackagesFolder");
    }
}
