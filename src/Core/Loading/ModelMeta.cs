using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline;

/// <summary>
/// The contents of a model's <c>meta.json</c>: identity, provenance, pipeline and scores. Keys this type does not
/// know are kept in <see cref="Extra"/> and written back unchanged.
/// </summary>
public sealed class ModelMeta
{
    /// <summary>The file name of a model's meta, in its directory and in its package: <c>meta.json</c>.</summary>
    public const string FileName = "meta.json";

    /// <summary>Language code, e.g. "en".</summary>
    public string Lang { get; set; } = string.Empty;

    /// <summary>Model name without the language prefix, e.g. "core_web_sm".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Model version (SemVer).</summary>
    public string Version { get; set; } = string.Empty;

    /// <summary>NuGet version range of Pipeline.Core that can load the model, e.g. "[0.1.0, 0.2.0)".</summary>
    public string? FrameworkVersion { get; set; }

    /// <summary>One-line description.</summary>
    public string? Description { get; set; }

    /// <summary>Who made the model.</summary>
    public string? Author { get; set; }

    /// <summary>Contact address.</summary>
    public string? Email { get; set; }

    /// <summary>Home page.</summary>
    public string? Url { get; set; }

    /// <summary>Licence of the model data (SPDX expression).</summary>
    public string? License { get; set; }

    /// <summary>The corpora and resources the model was built from.</summary>
    public List<ModelSource> Sources { get; set; } = [];

    /// <summary>Component names in processing order.</summary>
    public List<string> Pipeline { get; set; } = [];

    /// <summary>Labels of each component.</summary>
    public Dictionary<string, List<string>> Labels { get; set; } = [];

    /// <summary>Evaluation scores, e.g. "upos": 95.1.</summary>
    public Dictionary<string, double> Accuracy { get; set; } = [];

    /// <summary>Speed figures, e.g. "words_per_second".</summary>
    public Dictionary<string, double> Speed { get; set; } = [];

    /// <summary>
    /// Packages (NuGet ids with optional versions, e.g. "Snek&gt;=1.0") that provide the model's plugin
    /// components or language; entries written as {"name", "version"} objects are read as such strings.
    /// </summary>
    [JsonConverter(typeof(RequirementListConverter))]
    public List<string> Requirements { get; set; } = [];

    /// <summary>Keys not modelled above, kept verbatim for the round trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Extra { get; set; } = [];

    /// <summary>The package id, <c>&lt;lang&gt;_&lt;name&gt;</c>.</summary>
    [JsonIgnore]
    public string PackageId => $"{Lang}_{Name}";

    /// <summary>Parses meta.json text; <paramref name="source"/> names the file in errors.</summary>
    public static ModelMeta Parse(string json, string source = "meta.json") => MetaJson.Parse(json, source);

    /// <summary>Reads and validates a meta.json file.</summary>
    public static ModelMeta Read(string path)
    {
        if (!File.Exists(path))
        {
            throw Errors.MetaMissing(Path.GetDirectoryName(Path.GetFullPath(path)) ?? path);
        }

        return Parse(InputFiles.ReadAllText(path, InputFiles.MetaBytes, FileName), path);
    }

    /// <summary>
    /// Reads a meta.json that may still lack lang, name or version (a draft, e.g. one a packaging tool completes from
    /// its options and then checks itself); everything else is validated as by <see cref="Read"/>.
    /// </summary>
    public static ModelMeta ReadDraft(string path) =>
        MetaJson.Parse(InputFiles.ReadAllText(path, InputFiles.MetaBytes, FileName), path, requireIdentity: false);

    /// <summary>
    /// The settings component <paramref name="name"/> gets from this meta's <c>pipeline_args</c> (E005 naming
    /// <paramref name="source"/> when that entry is not an object of settings): what a training tool passes to
    /// <see cref="Language.CreatePipe(string, IReadOnlyDictionary{string, object?}?)"/> to build the pipeline a meta
    /// template describes.
    /// </summary>
    public Dictionary<string, object?> ComponentSettings(string name, string source = FileName) =>
        ModelLoader.ConfigFor(this, name, new Dictionary<string, object?>(), source);

    /// <summary>The meta as indented JSON with snake_case keys.</summary>
    public string ToJson() => MetaJson.Write(this);

    /// <summary>Writes meta.json atomically.</summary>
    public void Write(string path) => Serialization.AtomicFile.WriteAllText(path, ToJson());

    /// <summary>A deep copy.</summary>
    public ModelMeta Clone() => Parse(ToJson());
}
