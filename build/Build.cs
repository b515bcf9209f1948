using Pipeline.Build.Engine;
using Pipeline.Build.Models;
using Pipeline.Build.Tools;

namespace Pipeline.Build;

/// <summary>
/// The Pipeline build: restore, compile and test the solution; train every model described in
/// <c>meta-templates/</c>, evaluate it, package it with Pipeline.Core and the trainer tool, and publish the
/// packages. Run it with <c>./build.sh [targets] [--parameter value]</c>; <c>--help</c> lists everything.
/// </summary>
internal sealed partial class Build : BuildBase
{
    /// <summary>Creates the build, running programs through <paramref name="runner"/> (null: real processes).</summary>
    public Build(IProcessRunner? runner)
    {
        Runner = runner;
    }

    /// <summary>Creates the build that runs real processes.</summary>
    public Build()
        : this(null)
    {
    }

    /// <summary>The build configuration.</summary>
    [Parameter("Configuration to build and pack: Debug or Release.")]
    public string Configuration { get; set; } = "Release";

    /// <summary>The templates to work on.</summary>
    [Parameter("Models to train, evaluate and package: template ids (file names in meta-templates without .json); all when empty.")]
    public string[] Models { get; set; } = [];

    /// <summary>A version for every model.</summary>
    [Parameter("Version stamped into every model; none keeps each template's version.")]
    public string? Version { get; set; }

    /// <summary>Epochs for every model.</summary>
    [Parameter("Training epochs for every model; none keeps each template's training.n_iter.", Minimum = 1)]
    public int? Epochs { get; set; }

    /// <summary>A cap on training sentences.</summary>
    [Parameter("Train on at most this many sentences of each training corpus, for quick runs; none trains on all.", Minimum = 1)]
    public int? NSents { get; set; }

    /// <summary>Whether to ask for a GPU.</summary>
    [Parameter("Ask the trainer for a GPU (components without GPU support say so and use the CPU).")]
    public bool Gpu { get; set; }

    /// <summary>The corpus root (the parameter Corpora; the property has another name because the Corpora target takes it).</summary>
    [Parameter("The corpus folder, relative to the repository root or absolute; templates name their corpora relative to it. A file is used from here when it has its template's SHA-256, else it is taken from --corpora-cache or downloaded.", Name = "Corpora")]
    public string CorpusFolder { get; set; } = "../shared/corpora";

    /// <summary>The download cache of corpus files.</summary>
    [Parameter("Where corpus files are downloaded to (laid out like --corpora), relative to the repository root or absolute; none means <artifacts>/corpora.")]
    public string? CorporaCache { get; set; }

    /// <summary>A mirror of the corpora's upstream hosts.</summary>
    [Parameter("A base URL whose scheme and host replace those of every corpus asset URL, keeping the asset's path (for a company mirror of raw.githubusercontent.com).")]
    public string? CorporaMirror { get; set; }

    /// <summary>Whether downloads are forbidden.</summary>
    [Parameter("Never download corpus files: use --corpora and the cache only; a file found in neither with its SHA-256 is an error (E204).")]
    public bool Offline { get; set; }

    /// <summary>The output root.</summary>
    [Parameter("Where models (models/), packages (packages/) and the default feed (feed/) are written, relative to the repository root or absolute.")]
    public string Artifacts { get; set; } = "artifacts";

    /// <summary>The template folder.</summary>
    [Parameter("The folder of model templates, relative to the repository root or absolute.")]
    public string Templates { get; set; } = "meta-templates";

    /// <summary>The feed to publish to.</summary>
    [Parameter("NuGet feed to publish to: a folder, or an http(s) URL (then --api-key is needed); none means <artifacts>/feed.")]
    public string? Feed { get; set; }

    /// <summary>The API key of an HTTP feed.</summary>
    [Parameter("API key for an HTTP feed.", Secret = true)]
    public string? ApiKey { get; set; }

    /// <summary>Whether to redo up-to-date work.</summary>
    [Parameter("Retrain, re-evaluate and repackage models even when their inputs did not change.")]
    public bool Force { get; set; }

    /// <summary>How many models to train at once.</summary>
    [Parameter("Models trained at once; 0 picks min(cores, available memory / 4 GiB).", Minimum = 0)]
    public int Jobs { get; set; }

    /// <summary>The process runner, null for real processes.</summary>
    private IProcessRunner? Runner { get; set; }

    private string ArtifactsDirectory => Full(Artifacts);

    private string ModelsDirectory => Path.Combine(ArtifactsDirectory, "models");

    private string PackagesDirectory => Path.Combine(ArtifactsDirectory, "packages");

    // Encoded training corpora of *_trf models (one file per encoder and corpus): a rerun reads them instead of encoding.
    private string EncodedCorporaDirectory => Path.Combine(ArtifactsDirectory, "cache", "encoded");

    private string CorporaDirectory => Full(CorpusFolder);

    private string FeedLocation => Feed is { Length: > 0 } feed
        ? (Publishing.NuGetPublisher.IsHttp(feed) ? feed : Full(feed))
        : Path.Combine(ArtifactsDirectory, "feed");

    /// <summary>The program's entry: runs the build, Package by default.</summary>
    public static int Main(string[] args) => Execute<Build>(args, x => x.Package);

    private IProcessRunner Processes() => Runner ?? new ProcessRunner(Log, ParameterBinder.Describe(GetType()).Select(p => p.Name));

    private IReadOnlyList<ModelTemplate> AllTemplates() => ModelTemplate.LoadAll(Full(Templates));

    private IReadOnlyList<ModelTemplate> SelectedTemplates() => ModelTemplate.Select(AllTemplates(), Models);

    private string Full(string path) => Path.GetFullPath(Path.Combine(RootDirectory, path));

    private async Task DotNetAsync(TargetContext context, params string[] arguments)
    {
        var result = await Processes().RunAsync("dotnet", arguments, RootDirectory, "dotnet " + string.Join(' ', arguments), context.Cancellation).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new BuildException($"dotnet {arguments[0]} failed with exit code {result.ExitCode}; its output is above.");
        }
    }
}
