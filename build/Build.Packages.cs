using Pipeline.Build.Engine;
using Pipeline.Build.Packaging;
using Pipeline.Build.Publishing;
using ReproduciblePackage = Pipeline.Trainer.Packaging.ReproduciblePackage;

namespace Pipeline.Build;

/// <content>The work of Package and Publish.</content>
internal sealed partial class Build
{
    /// <summary>The library packages Package packs (from src/&lt;name&gt;/&lt;id&gt;.csproj) and Publish pushes with the models.</summary>
    internal static readonly IReadOnlyList<string> LibraryPackages = ["Pipeline.Core", "Pipeline.Transformers", "Pipeline.Trainer"];

    private async Task PackAsync(TargetContext context)
    {
        Directory.CreateDirectory(PackagesDirectory);
        // dotnet pack builds each packed project and what it references, nothing else of the solution (the tests and
        // benchmarks took most of a one-model run); after Compile the build is incremental.
        // Pipeline.Transformers is packed beside Pipeline.Core: *_trf model packages depend on it (and on the encoder's
        // package, restored from NuGet) instead of carrying the encoder.
        foreach (var id in LibraryPackages)
        {
            var project = $"src/{id["Pipeline.".Length..]}/{id}.csproj";
            await DotNetAsync(context, "pack", project, "-c", Configuration, "--nologo", "-o", PackagesDirectory).ConfigureAwait(false);
        }

        // Each library package must be a readable package with the right id.
        foreach (var id in LibraryPackages)
        {
            var packed = Directory.EnumerateFiles(PackagesDirectory, id + ".*.nupkg")
                .Select(PackageFile.Read)
                .Where(p => p.Id == id)
                .ToList();
            if (packed.Count == 0)
            {
                throw new BuildException($"dotnet pack left no {id} package in {PackagesDirectory}.");
            }

            // Same sources, same bytes: a release can be verified by rebuilding it.
            foreach (var package in packed)
            {
                ReproduciblePackage.Normalize(package.Path);
            }
        }

        var packager = new ModelPackageStep(ModelsDirectory, PackagesDirectory, Path.Combine(ArtifactsDirectory, "tmp", "package"), Force, context.Log);
        var report = packager.PackAll(SelectedTemplates(), context.Cancellation);
        WriteModelsTable(AllTemplates());
        context.Note(report.Summary);
        if (report.Failed.Count > 0)
        {
            throw new BuildException("Packaging failed: " + report.Failures);
        }
    }

    private async Task PublishAsync(TargetContext context)
    {
        var packages = Directory.Exists(PackagesDirectory)
            ? Directory.EnumerateFiles(PackagesDirectory, "*.nupkg").Where(p => !p.EndsWith(".symbols.nupkg", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (packages.Count == 0)
        {
            throw new BuildException($"{PackagesDirectory} holds no packages; run Package first.");
        }

        // The regression gate: nothing is pushed when a model's main score dropped against the feed.
        var deltas = await CheckRegressionsAsync(context, packages.Select(PackageFile.Read).ToList()).ConfigureAwait(false);
        var publisher = new NuGetPublisher(Processes(), FeedLocation, ApiKey);
        var skipped = new List<string>();
        var pushed = 0;
        foreach (var path in packages)
        {
            var package = PackageFile.Read(path);
            if (await publisher.PushAsync(package, RootDirectory, context.Cancellation).ConfigureAwait(false) == PushOutcome.AlreadyThere)
            {
                context.Log.WriteLine($"{package.Id} {package.Version} is already on {FeedLocation}; skipped.");
                skipped.Add($"{package.Id} {package.Version}");
            }
            else
            {
                pushed++;
            }
        }

        context.Note($"{pushed} pushed to {FeedLocation}");
        foreach (var note in deltas)
        {
            context.Note(note);
        }

        if (skipped.Count > 0)
        {
            context.Note($"{skipped.Count} already there: {string.Join(", ", skipped)}");
        }
    }
}
