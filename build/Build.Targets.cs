using Pipeline.Build.Ci;
using Pipeline.Build.Engine;
using Pipeline.Build.Publishing;

namespace Pipeline.Build;

/// <content>Every target, in the order --help lists them; the work lives in the other partial files.</content>
internal sealed partial class Build
{
    /// <summary>Deletes build outputs and packages; trained models stay.</summary>
    public Target Clean => _ => _
        .Description("Deletes bin/ and obj/ of src, tests and benchmarks, and artifacts/packages (trained models in artifacts/models stay).")
        .Before(Restore)
        .Executes(CleanOutputs);

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

    /// <summary>Finds, checks or downloads the corpus files of the selected templates.</summary>
    public Target Corpora => _ => _
        .Description("Checks each corpus file of the selected templates against its SHA-256: from --corpora when it matches there, else from --corpora-cache (default artifacts/corpora), else downloaded there (not with --offline).")
        .After(Compile, Test)
        .Executes(ResolveCorporaAsync);

    /// <summary>Trains the selected templates.</summary>
    public Target Train => _ => _
        .Description("Trains the selected templates in parallel through the Trainer library into artifacts/models/<lang>_<name>/ on the files Corpora checked (skips models whose inputs did not change).")
        .DependsOn(Corpora)
        .After(Compile, Test)
        .Executes(TrainModels);

    /// <summary>Scores the trained models and writes the models table under artifacts/.</summary>
    public Target Evaluate => _ => _
        .Description("Scores each model-best on its template's dev corpora into evaluation.json, and writes the models table to artifacts/models-table.md (ReadmeTable copies it into README.md).")
        .DependsOn(Train)
        .Executes(EvaluateModels);

    /// <summary>Packs the libraries and one package per model.</summary>
    public Target Package => _ => _
        .Description("Builds and packs Pipeline.Core, Pipeline.Transformers and the Pipeline.Trainer tool (only those: no tests, no benchmarks), then one checked model package per template, into artifacts/packages.")
        .DependsOn(Evaluate)
        .After(Compile)
        .Produces(Path.Combine(PackagesDirectory, "*.nupkg"))
        .Executes(PackAsync);

    /// <summary>Pushes the packages to the feed.</summary>
    public Target Publish => _ => _
        .Description("Pushes every package of artifacts/packages to --feed (default artifacts/feed; an HTTP feed needs --api-key), skipping versions already there.")
        .DependsOn(Package)
        .Requires(() => !NuGetPublisher.IsHttp(FeedLocation) || ApiKey is { Length: > 0 }, "an HTTP feed needs --api-key (or the API_KEY environment variable).")
        .Executes(PublishAsync);

    /// <summary>Writes the README's models table.</summary>
    public Target ReadmeTable => _ => _
        .Description("Writes the models table of README.md from every template's evaluation.json (refuses unless all are evaluated; no --models).")
        .After(Evaluate)
        .Executes(WriteReadmeTable);

    /// <summary>Writes the models workflow for GitHub Actions.</summary>
    public Target Workflow => _ => _
        .Description("Writes .github/workflows/models.yml for a stock ubuntu-latest runner: the corpora downloaded and cached, a matrix job per model (Train + Evaluate), then Package, and Publish where NUGET_FEED is set.")
        .Produces(WorkflowWriter.RelativePath)
        .Executes(WriteWorkflow);
}
