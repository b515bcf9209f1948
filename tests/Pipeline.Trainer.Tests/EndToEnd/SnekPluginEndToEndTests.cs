namespace Pipeline.Trainer.Tests.EndToEnd;

/// <summary>
/// The plugin story from a user's side: Pipeline.Core and the Snek plugin are packed into a local folder feed,
/// and fresh console apps reference them as packages. The app that references Snek saves a "snk" model with the
/// "snek" pipe and loads it back with a setting, with no plugin registration code; the app that references only
/// Pipeline.Core cannot load that model and is told which factory is missing and which package to add.
/// </summary>
[Trait("Category", "Slow")]
public class SnekPluginEndToEndTests
{
    [Fact]
    public void AppReferencingTheSnekPackageLoadsASnekModelAndOneWithoutIsToldWhatToAdd()
    {
        using var dir = new TempDir();
        var (feed, version) = PluginFeed.PackCoreAndSnek(dir, "e2e");
        Assert.True(File.Exists(Path.Combine(feed, $"Snek.{version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(feed, $"Pipeline.Core.{version}.nupkg")));
        // The apps restore into a packages folder of the test: the unique e2e versions never reach the user's cache.
        IsolatedNuget.WriteConfig(dir.Path, feed);

        var model = dir["snk_core_snek_sm"];
        var withPlugin = App(dir, "WithSnek", "Snek", version, """
            using Pipeline;
            using Pipeline.Tokens;

            var path = args[0];
            var nlp = Nlp.Blank("snk");
            nlp.AddPipe(nlp.CreatePipe("snek"));
            nlp.Meta.Name = "core_snek_sm";
            nlp.Meta.Requirements = [$"Snek>={args[1]}"];
            nlp.ToDisk(path);

            var loaded = Nlp.Load(path, new() { ["snek_style"] = "cute" });
            var doc = loaded.Process("I am snek");
            Console.WriteLine($"class={loaded.GetType().Name} pipes={string.Join(",", loaded.PipeNames)} ents={string.Join(",", doc.Ents.Select(e => e.Text + "/" + e.Label))}");
            Console.WriteLine(doc.UserData[new UserDataKey("snek", "snake")]);
            """);
        var output = PluginFeed.Dotnet(withPlugin, Path.Combine(withPlugin, "bin", "app", "WithSnek.dll"), model, version);
        Assert.Contains("class=SnekLanguage pipes=snek ents=snek/SNAKE", output);
        Assert.Contains("^ ^", output); // the "cute" snake: the load-time setting reached the component
        var meta = File.ReadAllText(Path.Combine(model, "meta.json"));
        Assert.Contains("\"lang\": \"snk\"", meta);
        Assert.Contains("\"snek\"", meta);

        // The model as a package: `pipeline package` loads the plugin to check the model, and the package depends on
        // the plugin its meta.json requires; an app that references only the model package gets both.
        var console = new TestConsole().Width(400);
        var packError = new StringWriter();
        var packed = PipelineCli.Run(
            ["package", model, dir["model-packages"], "--build", "--force", "--source", feed,
             "--plugin", Path.Combine(withPlugin, "bin", "app", "Snek.dll"),
             "--meta", "version=1.0.0", "--meta", $"framework_version=[{version}, 0.2.0)"],
            console, new StringWriter(), packError);
        Assert.True(packed == 0, console.Output + packError);
        var nupkg = Assert.Single(Directory.GetFiles(dir["model-packages"], "snk_core_snek_sm.1.0.0.nupkg", SearchOption.AllDirectories));
        File.Copy(nupkg, Path.Combine(feed, Path.GetFileName(nupkg)));
        var modelApp = App(dir, "WithSnekModel", "snk_core_snek_sm", "1.0.0", """
            using Pipeline;

            var cute = new Dictionary<string, object?> { ["snek_style"] = "cute" };
            foreach (var nlp in new[] { Pipeline.Models.SnkCoreSnekSm.Load(cute), Nlp.Load("snk_core_snek_sm", cute) })
            {
                var doc = nlp.Process("I am snek");
                Console.WriteLine($"class={nlp.GetType().Name} pipes={string.Join(",", nlp.PipeNames)} ents={string.Join(",", doc.Ents.Select(e => e.Text + "/" + e.Label))}");
            }
            """);
        var fromPackage = PluginFeed.Dotnet(modelApp, Path.Combine(modelApp, "bin", "app", "WithSnekModel.dll"));
        Assert.Equal(2, fromPackage.Split('\n').Count(l => l.Contains("class=SnekLanguage pipes=snek ents=snek/SNAKE", StringComparison.Ordinal)));

        var without = App(dir, "WithoutSnek", "Pipeline.Core", version, """
            using Pipeline;

            try
            {
                Nlp.Load(args[0]);
                Console.WriteLine("loaded");
                return 0;
            }
            catch (PipelineException e)
            {
                Console.WriteLine(e.Message);
                return 3;
            }
            """);
        var (code, error) = DotnetProcess.Run([Path.Combine(without, "bin", "app", "WithoutSnek.dll"), model], without, null, TimeSpan.FromMinutes(2));
        Assert.True(code == 3, error);
        Assert.Contains("[E001]", error);
        Assert.Contains("'snek'", error);
        Assert.Contains("dotnet add package Snek", error);
        Assert.Contains("'snk'", error);

        // The test's restores stayed in its own packages folder.
        Assert.True(Directory.Exists(dir[$"packages/pipeline.core/{version}"]));
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Assert.False(Directory.Exists(Path.Combine(userPackages, "pipeline.core", version)));
    }

    /// <summary>Creates and builds a console app referencing one package of the local feed.</summary>
    private static string App(TempDir dir, string name, string package, string version, string program)
    {
        var app = Directory.CreateDirectory(dir[name]).FullName;
        File.WriteAllText(Path.Combine(app, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package}" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), program);
        PluginFeed.Dotnet(app, "build", "-m:1", "-o", Path.Combine(app, "bin", "app"));
        return app;
    }
}
