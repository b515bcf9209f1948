using Pipeline.Trainer.Commands;
using Pipeline.Trainer.Packaging;
using Pipeline.Trainer.Tests.Support;
using Spectre.Console.Testing;

namespace Pipeline.Trainer.Tests.EndToEnd;

/// <summary>
/// Native AOT from a user's side: Pipeline.Core and the Snek plugin are packed into a local folder feed with a model
/// package made by <c>pipeline package</c>; a console app published with <c>PublishAot=true</c> loads the model by
/// name and by its entry class, registers the plugin with <c>Nlp.AddPlugin</c> (an AOT app has no assemblies to
/// scan) and parses with both. Needs clang (the AOT linker on Linux) and a few minutes.
/// </summary>
[Trait("Category", "Slow")]
public class NativeAotEndToEndTests
{
    [ClangFact]
    public void AnAotPublishedAppLoadsAModelPackageByNameAndEntryClassAndUsesAnExplicitlyAddedPlugin()
    {
        Assert.True(Clang.Installed, Clang.MissingMessage);
        using var dir = new TempDir();
        var (feed, version) = PluginFeed.PackCoreAndSnek(dir, "aot");
        IsolatedNuget.WriteConfig(dir.Path, feed);
        var model = RulerModel.Save(dir["model"], name: "aot_ruler");
        var console = new TestConsole().Width(400);
        var error = new StringWriter();
        var packed = PipelineCli.Run(
            ["package", model, dir["model-packages"], "--build", "--force", "--source", feed,
             "--meta", $"framework_version=[{version}, 0.2.0)"],
            console, new StringWriter(), error);
        Assert.True(packed == 0, console.Output + error);
        var nupkg = Assert.Single(Directory.GetFiles(dir["model-packages"], "en_aot_ruler.1.0.0.nupkg", SearchOption.AllDirectories));
        File.Copy(nupkg, Path.Combine(feed, Path.GetFileName(nupkg)));

        var app = Directory.CreateDirectory(dir["AotApp"]).FullName;
        File.WriteAllText(Path.Combine(app, "AotApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <PublishAot>true</PublishAot>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="en_aot_ruler" Version="1.0.0" />
                <PackageReference Include="Snek" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), $$"""
            using System.Diagnostics;
            using System.Runtime.CompilerServices;
            using Pipeline;

            var clock = Stopwatch.StartNew();
            Console.WriteLine($"jit={RuntimeFeature.IsDynamicCodeSupported}");
            foreach (var (how, nlp) in new[] { ("name", Nlp.Load("en_aot_ruler")), ("entry", Pipeline.Models.EnAotRuler.Load()) })
            {
                var doc = nlp.Process("{{RulerModel.Text}}");
                Console.WriteLine($"{how}: pipes={string.Join(",", nlp.PipeNames)} ents={string.Join(",", doc.Ents.Select(e => e.Text + "/" + e.Label))}");
                if (how == "name")
                {
                    Console.WriteLine($"start to first parse {clock.Elapsed.TotalMilliseconds:F0} ms");
                }
            }

            Console.WriteLine($"snk before AddPlugin: {Nlp.Languages.Contains("snk")}");
            Console.WriteLine($"added={Nlp.AddPlugin(typeof(Snek.SnekFactory).Assembly)} again={Nlp.AddPlugin(typeof(Snek.SnekFactory).Assembly)}");
            var snek = Nlp.Blank("snk");
            snek.AddPipe(snek.CreatePipe("snek", new Dictionary<string, object?> { ["snek_style"] = "cute" }));
            var snakes = snek.Process("I am snek");
            Console.WriteLine($"snek: class={snek.GetType().Name} ents={string.Join(",", snakes.Ents.Select(e => e.Text + "/" + e.Label))} lookups={Nlp.Lookups.Contains("snk")}");
            """);
        var published = PluginFeed.Dotnet(app, "publish", "-c", "Release", "-r", "linux-x64", "-m:1", "-o", Path.Combine(app, "out"));
        Assert.DoesNotContain("warning IL", published);

        var executable = Path.Combine(app, "out", "AotApp");
        Assert.False(File.Exists(Path.Combine(app, "out", "Pipeline.Core.dll")), "a Native AOT app carries no managed assemblies");
        var (code, output) = RunApp(executable, app);
        Assert.True(code == 0, output);
        Assert.Contains("jit=False", output);
        const string Ents = "ents=Acme Corp/ORG,Paris/GPE,Globex/ORG,Ann Lee/PERSON,Berlin/GPE";
        Assert.Contains($"name: pipes=sentencizer,entity_ruler {Ents}", output);
        Assert.Contains($"entry: pipes=sentencizer,entity_ruler {Ents}", output);
        Assert.Contains("snk before AddPlugin: False", output);
        Assert.Contains("added=True again=False", output);
        Assert.Contains("snek: class=SnekLanguage ents=snek/SNAKE lookups=True", output);
    }

    private static (int Code, string Output) RunApp(string executable, string workingDirectory)
    {
        var info = new System.Diagnostics.ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the AOT app did not finish within 2 minutes");
        return (process.ExitCode, output + error.Result);
    }
}
