using System.IO.Compression;
using Pipeline.Build.Engine;
using Pipeline.Build.Models;
using Pipeline.Build.Publishing;
using Pipeline.Trainer.Packaging;
using LibraryPackager = Pipeline.Trainer.Packaging.ModelPackager;

namespace Pipeline.Build.Packaging;

/// <summary>
/// Turns each model's <c>model-best</c> into a NuGet package through the Trainer library's
/// <see cref="LibraryPackager.Package"/> (what <c>pipeline package --build</c> runs) with typed
/// <see cref="PackageOptions"/>, checks the result (id, version, model data inside) and copies it to the packages folder.
/// Packaging is an <see cref="IncrementalStep"/> whose inputs are <c>model-best</c> (every file) and its version, whose
/// output is the package in the packages folder, stamped in the run folder's <c>package-stamp.json</c>: a model whose
/// inputs did not change and whose package is there is not packaged again (unless forced).
/// </summary>
internal sealed class ModelPackageStep
{
    /// <summary>The stamp's file name in the run folder.</summary>
    public const string StampFile = "package-stamp.json";

    private readonly string _modelsRoot;
    private readonly string _packages;
    private readonly string _scratch;
    private readonly bool _force;
    private readonly TextWriter _log;
    private readonly Func<PackageOptions, PackageResult> _package;

    /// <summary>Creates a packager; <paramref name="package"/> replaces <see cref="LibraryPackager.Package"/> (tests).</summary>
    public ModelPackageStep(string modelsRoot, string packages, string scratch, bool force, TextWriter log, Func<PackageOptions, PackageResult>? package = null)
    {
        _modelsRoot = modelsRoot;
        _packages = packages;
        _scratch = scratch;
        _force = force;
        _log = log;
        _package = package ?? LibraryPackager.Package;
    }

    /// <summary>Packages every template in turn; one failure does not stop the others.</summary>
    public ModelReport PackAll(IReadOnlyList<ModelTemplate> templates, CancellationToken cancellation)
    {
        var report = new ModelReport("packaged");
        RestoreIsolation.Prepare(_scratch, PackedCoreVersion());
        foreach (var template in templates)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                (Pack(template) ? report.Done : report.UpToDate).Add(template.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.WriteLine($"[{template.Id}] packaging FAILED: {e.Message}");
                report.Failed.Add((template.Id, e.Message));
            }
        }

        return report;
    }

    /// <summary>Packages one model; returns false when its package was already up to date.</summary>
    public bool Pack(ModelTemplate template)
    {
        var run = Path.Combine(_modelsRoot, template.Id);
        var best = Path.Combine(run, "model-best");
        var metaPath = Path.Combine(best, "meta.json");
        if (!File.Exists(metaPath))
        {
            throw new Engine.BuildException($"{best} has no trained model; run Train first (./build.sh Train --models {template.Id}).");
        }

        var version = ModelMeta.Parse(Engine.BuildFiles.ReadJson(metaPath), metaPath).Version;
        var file = Path.Combine(_packages, $"{template.Id}.{version}.nupkg");
        var declared = new StepInputs().Folder("model-best", best).Value("version", version);
        var step = new IncrementalStep("package", Path.Combine(run, StampFile), declared, "never packaged").Output(Path.GetFileName(file), file);
        var reason = step.Reason(_force);
        if (reason is null)
        {
            _log.WriteLine($"[{template.Id}] package {Path.GetFileName(file)} up to date.");
            return false;
        }

        _log.WriteLine($"[{template.Id}] packaging: {reason}.");
        step.Run(() => Build(template, best, version, file));
        return true;
    }

    private bool Build(ModelTemplate template, string best, string version, string file)
    {
        var scratch = Path.Combine(_scratch, template.Id);
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        Directory.CreateDirectory(scratch);
        // Pipeline.Core is restored from the packages folder, where Package has just packed it, into the packages
        // folder of the scratch's nuget.config (RestoreIsolation), so no stale copy of the same version is used.
        _log.WriteLine($"[{template.Id}] packaging {best} into {scratch} (Pipeline.Core from {_packages}).");
        var options = new PackageOptions
        {
            Input = best,
            Output = scratch,
            Build = true,
            Force = true,
            Sources = [_packages],
        };
        PackageResult result;
        try
        {
            result = _package(options);
        }
        catch (PipelineException e)
        {
            throw new Engine.BuildException($"packaging {best} failed: {e.Message}");
        }

        if (result.NupkgPath is not { } built || !File.Exists(built))
        {
            throw new Engine.BuildException($"packaging {best} built no .nupkg in {scratch}.");
        }

        _log.WriteLine($"[{template.Id}] built and checked {built} ({new FileInfo(built).Length / 1024.0:0.0} KiB).");
        Check(built, template.Id, version);
        Directory.CreateDirectory(_packages);
        File.Copy(built, file, overwrite: true);
        _log.WriteLine($"[{template.Id}] packaged {Path.GetFileName(file)}.");
        return true;
    }

    /// <summary>Checks that a model package has the expected id and version and carries the model's meta.json.</summary>
    public static void Check(string path, string id, string version)
    {
        var package = PackageFile.Read(path);
        if (!string.Equals(package.Id, id, StringComparison.OrdinalIgnoreCase) || package.Version != version)
        {
            throw new Engine.BuildException($"{path} is {package.Id} {package.Version}; expected {id} {version}.");
        }

        using var zip = ZipFile.OpenRead(path);
        if (!zip.Entries.Any(e => e.FullName.EndsWith("/meta.json", StringComparison.Ordinal)))
        {
            throw new Engine.BuildException($"{path} carries no model data (no meta.json inside).");
        }
    }

    /// <summary>The version of the Pipeline.Core package Package wrote last into the packages folder, if any.</summary>
    private string? PackedCoreVersion() => Directory.Exists(_packages)
        ? Directory.EnumerateFiles(_packages, "Pipeline.Core.*.nupkg")
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .Select(PackageFile.Read)
            .FirstOrDefault(p => p.Id.Equals("Pipeline.Core", StringComparison.OrdinalIgnoreCase))?.Version
        : null;
}
