using Pipeline.Registry.Plugins;

namespace Pipeline.Tests.Plugins;

public class DependentAssembliesTests : TempDirTest
{
    // An app with a model package, a plugin that reaches Pipeline.Core only through another package, and
    // Pipeline.Core's own dependencies, which can never hold plugins.
    private const string Deps = """
        {
          "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
          "targets": {
            ".NETCoreApp,Version=v10.0": {
              "App/1.0.0": { "dependencies": { "en_core_web_sm": "0.1.0", "Indirect.Plugin": "2.0.0" }, "runtime": { "App.dll": {} } },
              "en_core_web_sm/0.1.0": { "dependencies": { "Pipeline.Core": "0.1.0" }, "runtime": { "lib/net10.0/en_core_web_sm.dll": {} } },
              "Indirect.Plugin/2.0.0": { "dependencies": { "Some.Toolkit": "1.0.0" }, "runtime": { "lib/net10.0/Indirect.Plugin.dll": {} } },
              "Some.Toolkit/1.0.0": { "dependencies": { "Pipeline.Core": "0.1.0" }, "runtime": { "lib/net10.0/Some.Toolkit.dll": {}, "lib/net10.0/Some.Toolkit.Extra.dll": {} } },
              "Pipeline.Core/0.1.0": { "dependencies": { "MessagePack": "3.1.4" }, "runtime": { "lib/net10.0/Pipeline.Core.dll": {} } },
              "MessagePack/3.1.4": { "runtime": { "lib/net8.0/MessagePack.dll": {} } },
              "Unrelated/1.0.0": { "runtime": { "lib/net10.0/Unrelated.dll": {} } }
            }
          }
        }
        """;

    [Fact]
    public void LibrariesThatReachPipelineCoreDirectlyOrThroughOthersAreTheOnlyCandidates()
    {
        var found = DependentAssemblies.Read(Dir.File("app.deps.json", Deps), "Pipeline.Core");

        Assert.NotNull(found);
        Assert.Equal(["App", "Indirect.Plugin", "Some.Toolkit", "en_core_web_sm"], found.Select(l => l.Library).Order(StringComparer.Ordinal));
        Assert.Equal(["Some.Toolkit", "Some.Toolkit.Extra"], found.Single(l => l.Library == "Some.Toolkit").Assemblies);
        Assert.DoesNotContain(found, l => l.Library is "MessagePack" or "Unrelated" or "Pipeline.Core");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "targets": 3 }""")]
    [InlineData("""{ "libraries": {} }""")]
    public void AFileThatIsNotADepsFileGivesNullSoDiscoveryReadsMetadataInstead(string text) =>
        Assert.Null(DependentAssemblies.Read(Dir.File("bad.deps.json", text), "Pipeline.Core"));

    [Fact]
    public void TheTestHostHasADepsFileThatListsTheSnekPlugin()
    {
        var depsFile = DependentAssemblies.AppDepsFile();

        Assert.NotNull(depsFile);
        var found = DependentAssemblies.Read(depsFile, "Pipeline.Core");
        Assert.NotNull(found);
        Assert.Contains(found, l => l.Library == "Snek" && l.Assemblies.Contains("Snek"));
        Assert.DoesNotContain(found, l => l.Library is "MessagePack" or "System.IO.Hashing");
    }
}
