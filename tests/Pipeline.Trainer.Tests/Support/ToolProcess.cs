namespace Pipeline.Trainer.Tests.Support;

/// <summary>
/// Runs the <c>pipeline</c> tool as its own process from its build output (src/Trainer/bin/&lt;configuration&gt;),
/// which holds only what the tool ships: unlike this test process, it has no Pipeline.Transformers, so plugin
/// factories must come through the tool's plugin path.
/// </summary>
internal static class ToolProcess
{
    /// <summary>The configuration the tests were built in (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The tool's entry assembly beside its deps.json and runtimeconfig.json.</summary>
    public static string Tool => Path.Combine(RepoPaths.Root, "src", "Trainer", "bin", Configuration, "net10.0", "Pipeline.Trainer.dll");

    /// <summary>Runs <c>pipeline <paramref name="args"/></c> in <paramref name="workingDirectory"/>; returns the exit code and output.</summary>
    public static (int Code, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        Assert.True(File.Exists(Tool), $"{Tool} is not built; build src/Trainer first.");
        return DotnetProcess.Run([Tool, .. args], workingDirectory, environment, TimeSpan.FromMinutes(5));
    }

    /// <summary>The Snek sample plugin's assembly, built from samples/Snek when it is not there yet.</summary>
    public static string SnekAssembly()
    {
        var project = Path.Combine(RepoPaths.Root, "samples", "Snek", "Snek.csproj");
        var dll = Path.Combine(RepoPaths.Root, "samples", "Snek", "bin", Configuration, "net10.0", "Snek.dll");
        if (!File.Exists(dll))
        {
            var (code, output) = DotnetProcess.Run(["build", project, "-c", Configuration, "-nodeReuse:false", "-p:UseSharedCompilation=false"], RepoPaths.Root, null, TimeSpan.FromMinutes(5));
            Assert.True(code == 0, output);
        }

        return dll;
    }
}
