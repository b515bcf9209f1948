namespace Pipeline.Trainer.Packaging;

/// <summary>What <see cref="ModelPackager"/> packages and how; the options of <c>pipeline package</c>.</summary>
public sealed class PackageOptions
{
    /// <summary>The model directory (written by <c>nlp.ToDisk</c> or <c>pipeline train</c>).</summary>
    public required string Input { get; init; }

    /// <summary>The directory that receives <c>&lt;lang&gt;_&lt;name&gt;-&lt;version&gt;/</c>.</summary>
    public required string Output { get; init; }

    /// <summary>A meta.json to use instead of the one in <see cref="Input"/> (its pipeline still comes from the model).</summary>
    public string? MetaPath { get; init; }

    /// <summary>Fill in meta fields from <see cref="MetaValues"/> and <see cref="Prompt"/> (the model may lack meta.json).</summary>
    public bool CreateMeta { get; init; }

    /// <summary>Meta fields that replace those of meta.json (<c>--meta key=value</c>), e.g. <c>version</c> = <c>1.0.1</c>.</summary>
    public IReadOnlyDictionary<string, string> MetaValues { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// With <see cref="CreateMeta"/>: asks for a field (name, current value) and returns the answer (null or empty
    /// keeps the current value). Null: no questions, for scripts.
    /// </summary>
    public Func<string, string?, string?>? Prompt { get; init; }

    /// <summary>Replace an existing package directory.</summary>
    public bool Force { get; init; }

    /// <summary>Also run <c>dotnet pack</c> and check the .nupkg.</summary>
    public bool Build { get; init; }

    /// <summary>Extra NuGet sources for restoring Pipeline.Core during <see cref="Build"/> (folder feeds or URLs).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Plugin assemblies (.dll) to load first, so a model whose factories or language they provide can be checked.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];

    /// <summary>
    /// A folder of plugin assemblies (<c>--plugins</c>, as the other commands take); without it, factories the tool
    /// lacks come from the packages the meta's <c>requirements</c> name in the NuGet packages folders.
    /// </summary>
    public string? PluginsFolder { get; init; }

    /// <summary>Environment variables for the <c>dotnet pack</c> process (e.g. NUGET_PACKAGES for an isolated cache).</summary>
    public IReadOnlyDictionary<string, string> BuildEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Longest time <c>dotnet pack</c> may take.</summary>
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
