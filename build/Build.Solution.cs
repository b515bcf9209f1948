using Pipeline.Build.Engine;

namespace Pipeline.Build;

/// <content>Clean, Restore, Compile and Test: the solution's usual targets.</content>
internal sealed partial class Build
{
    /// <summary>Deletes build outputs and packages; trained models stay.</summary>
    public Target Clean => _ => _
        .Description("Deletes bin/ and obj/ of src, tests and benchmarks, and artifacts/packages (trained models in artifacts/models stay).")
        .Before(Restore)
        .Executes(context =>
        {
            var folders = new[] { "src", "tests", "benchmarks" }
                .Select(Full)
                .Where(Directory.Exists)
                .SelectMany(d => Directory.EnumerateDirectories(d, "*", SearchOption.AllDirectories))
                .Where(d => Path.GetFileName(d) is "bin" or "obj")
                .Append(PackagesDirectory)
                .Append(Path.Combine(ArtifactsDirectory, "tmp"))
                .Where(Directory.Exists)
                .ToList();
            foreach (var folder in folders)
            {
                Directory.Delete(folder, recursive: true);
            }

            context.Note($"{folders.Count} folder(s) deleted");
        });

    /// <summary>Restores the solution's packages.</summary>
    public Target Restore => _ => _
        .Description("Restores the NuGet packages of Pipeline.sln.")
        .Executes(context => DotNetAsync(context, "restore", "Pipeline.sln", "--nologo"));

    /// <summary>Builds the solution.</summary>
    public Target Compile => _ => _
        .Description("Builds Pipeline.sln in --configuration (warnings are errors).")
        .DependsOn(Restore)
        .Executes(context => DotNetAsync(context, "build", "Pipeline.sln", "-c", Configuration, "--no-restore", "--nologo"));

    /// <summary>Runs the tests.</summary>
    public Target Test => _ => _
        .Description("Runs every test project of Pipeline.sln.")
        .DependsOn(Compile)
        .Executes(context => DotNetAsync(context, "test", "Pipeline.sln", "-c", Configuration, "--no-build", "--nologo"));
}
