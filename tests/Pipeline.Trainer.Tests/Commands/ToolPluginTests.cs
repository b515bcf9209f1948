namespace Pipeline.Trainer.Tests.Commands;

/// <summary>
/// The tool's plugin path (issue 17): a model whose factory the tool does not ship (here the sample plugin Snek's
/// "snek") loads in <c>pipeline parse</c>, <c>package</c> and <c>train</c> from the model's requirements in a NuGet
/// packages folder, or from <c>--plugins</c>, and each missing piece is a coded error saying what to do. The tool runs as its own process,
/// which (unlike this test process) has only what the tool ships.
/// </summary>
public sealed class ToolPluginTests : TempDirTest
{
    private readonly string _packages;
    private readonly string _input;

    public ToolPluginTests()
    {
        _packages = Directory.CreateDirectory(Dir["packages"]).FullName;
        _input = Dir.File("in.txt", "My snek is long.\n");
    }

    [Fact]
    public void Parse_loads_a_missing_factory_from_the_package_the_model_requires()
    {
        FakePackage("Snek", "1.0.0");
        var model = SnekModel("Snek>=1.0");

        var (code, output) = Parse(model);
        Assert.True(code == 0, output);
        Assert.Contains("NER=B-SNAKE", File.ReadAllText(Dir["out.conllu"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_package_missing_from_the_packages_folders_is_E290_with_the_restore_command()
    {
        FakePackage("Snek", "0.9.0"); // below the required version
        var model = SnekModel("Snek>=1.0");

        var (code, output) = Parse(model);
        Assert.Equal(1, code);
        Assert.Contains("[E290]", output, StringComparison.Ordinal);
        Assert.Contains("factory 'snek'", output, StringComparison.Ordinal);
        Assert.Contains("dotnet add package Snek --version 1.0", output, StringComparison.Ordinal);
        Assert.Contains(_packages, output, StringComparison.Ordinal);
        Assert.False(File.Exists(Dir["out.conllu"]));
    }

    [Fact]
    public void A_plugins_folder_gives_the_factory_without_any_package()
    {
        var plugins = Directory.CreateDirectory(Dir["plugins"]).FullName;
        File.Copy(ToolProcess.SnekAssembly(), Path.Combine(plugins, "Snek.dll"));
        var model = SnekModel("Snek>=1.0");

        var (code, output) = Parse(model, "--plugins", plugins);
        Assert.True(code == 0, output);
        Assert.Contains("NER=B-SNAKE", File.ReadAllText(Dir["out.conllu"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugins_folder_that_is_missing_or_holds_nothing_new_is_E291()
    {
        var model = SnekModel("Snek>=1.0");
        var (code, output) = Parse(model, "--plugins", Dir["nowhere"]);
        Assert.Equal(1, code);
        Assert.Contains("[E291]", output, StringComparison.Ordinal);
        Assert.Contains("does not exist", output, StringComparison.Ordinal);

        Directory.CreateDirectory(Dir["empty"]);
        (code, output) = Parse(model, "--plugins", Dir["empty"]);
        Assert.Equal(1, code);
        Assert.Contains("[E291]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_requirements_whose_factory_the_tool_lacks_is_E292()
    {
        FakePackage("Snek", "1.0.0");
        var (code, output) = Parse(SnekModel());
        Assert.Equal(1, code);
        Assert.Contains("[E292]", output, StringComparison.Ordinal);
        Assert.Contains("--plugins", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_plugin_assembly_is_E293()
    {
        var folder = FakePackage("Snek", "1.0.0");
        var dll = Path.Combine(folder, "lib", "net10.0", "Snek.dll");
        var bytes = File.ReadAllBytes(dll);
        File.WriteAllBytes(dll, bytes[..(bytes.Length / 2)]); // metadata readable, the image cut short

        var (code, output) = Parse(SnekModel("Snek"));
        Assert.NotEqual(0, code);
        Assert.Contains("[E293]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_loads_a_missing_factory_from_the_package_the_model_requires()
    {
        FakePackage("Snek", "1.0.0");
        var model = SnekModel("Snek>=1.0");

        var (code, output) = Package(model);
        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(Dir["pkg"], "en_pipeline-0.0.0", "en_pipeline.csproj")), output);
    }

    [Fact]
    public void Package_takes_a_plugins_folder_and_without_one_or_a_package_says_E292()
    {
        var model = SnekModel();
        var (code, output) = Package(model);
        Assert.Equal(1, code);
        Assert.Contains("[E292]", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dir["pkg"]) && Directory.EnumerateFileSystemEntries(Dir["pkg"]).Any(), output);

        var plugins = Directory.CreateDirectory(Dir["plugins"]).FullName;
        File.Copy(ToolProcess.SnekAssembly(), Path.Combine(plugins, "Snek.dll"));
        (code, output) = Package(model, "--plugins", plugins);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void Train_loads_a_factory_the_tool_lacks_from_the_template_requirements_or_a_plugins_folder()
    {
        var corpus = Dir.File("tiny.conllu", string.Concat(Enumerable.Repeat(
            "1\tMy\tmy\tPRON\tPRP$\t_\t2\tnmod:poss\t_\t_\n2\tsnek\tsnek\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n" +
            "3\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n", 3)));
        var template = Dir.File("template.json", """{ "lang": "en", "name": "snek_test", "pipeline": ["tagger", "snek"], "requirements": ["Snek>=1.0"] }""");
        string[] Train(string output, params string[] extra) => ["train", "en", Dir[output], corpus, corpus, "--n-iter", "1", .. extra];
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = _packages };

        // Neither a package nor a folder: the template's requirement cannot be met (E290), nothing is trained.
        var (code, output) = ToolProcess.Run(Dir.Path, environment, Train("none", "--meta-path", template));
        Assert.Equal(1, code);
        Assert.Contains("[E290]", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Dir["none"], "model-best")));

        FakePackage("Snek", "1.0.0");
        (code, output) = ToolProcess.Run(Dir.Path, environment, Train("from-package", "--meta-path", template));
        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(Dir["from-package"], "model-best", "snek", "snek.txt")), output);

        var plugins = Directory.CreateDirectory(Dir["plugins"]).FullName;
        File.Copy(ToolProcess.SnekAssembly(), Path.Combine(plugins, "Snek.dll"));
        (code, output) = ToolProcess.Run(Dir.Path, environment, Train("from-folder", "--pipeline", "tagger,snek", "--plugins", plugins));
        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(Dir["from-folder"], "model-best", "snek", "snek.txt")), output);
    }

    private (int Code, string Output) Package(string model, params string[] extra) =>
        ToolProcess.Run(Dir.Path, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _packages }, ["package", model, Dir["pkg"], .. extra]);

    private (int Code, string Output) Parse(string model, params string[] extra) =>
        ToolProcess.Run(Dir.Path, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _packages }, ["parse", model, _input, "-o", Dir["out.conllu"], .. extra]);

    // A model of one "snek" component, as the Snek plugin saves it, with the given requirements.
    private string SnekModel(params string[] requirements)
    {
        var model = Dir["model"];
        Nlp.Blank("en").ToDisk(model);
        var meta = ModelMeta.Read(Path.Combine(model, ModelMeta.FileName));
        meta.Pipeline = ["snek"];
        meta.Requirements = [.. requirements];
        meta.Write(Path.Combine(model, ModelMeta.FileName));
        Directory.CreateDirectory(Path.Combine(model, "snek"));
        File.WriteAllText(Path.Combine(model, "snek", "snek.txt"), "~~~~>");
        return model;
    }

    // A package as restore leaves it in a global packages folder: nuspec, lib/net10.0/, .nupkg.metadata last.
    private string FakePackage(string id, string version)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_packages, id.ToLowerInvariant(), version)).FullName;
        File.WriteAllText(Path.Combine(folder, id.ToLowerInvariant() + ".nuspec"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{id}</id>
                <version>{version}</version>
                <authors>test</authors>
                <description>test</description>
                <dependencies>
                  <group targetFramework="net10.0">
                    <dependency id="Pipeline.Core" version="0.1.0" />
                  </group>
                </dependencies>
              </metadata>
            </package>
            """);
        var lib = Directory.CreateDirectory(Path.Combine(folder, "lib", "net10.0")).FullName;
        File.Copy(ToolProcess.SnekAssembly(), Path.Combine(lib, id + ".dll"));
        File.WriteAllText(Path.Combine(folder, ".nupkg.metadata"), """{ "version": 2, "contentHash": "test", "source": null }""");
        return folder;
    }
}
