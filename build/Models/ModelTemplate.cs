using System.Text.Json;
using Pipeline.Build.Corpora;
using Pipeline.Build.Engine;
using Pipeline.IO;
using Pipeline.Serialization;
using Pipeline.Trainer.Training;

namespace Pipeline.Build.Models;

/// <summary>
/// A model template, <c>meta-templates/&lt;lang&gt;_&lt;name&gt;.json</c>: the meta.json fields that do not change from
/// release to release (which the trainer stamps into every checkpoint) and a <c>training</c> block with, per
/// component, the <c>train</c> and <c>dev</c> corpora relative to the corpus root, plus <c>n_iter</c>, <c>seed</c>,
/// <c>score_weights</c> and <c>model_best</c> (read by the trainer), and <c>assets</c>: where each corpus file comes from and its SHA-256.
/// </summary>
internal sealed class ModelTemplate
{
    private ModelTemplate(string path, string lang, string name, string? version, IReadOnlyList<string> pipeline, IReadOnlyDictionary<string, ComponentCorpora> corpora, IReadOnlyList<CorpusAsset> assets)
    {
        Assets = assets;
        Path = path;
        Lang = lang;
        Name = name;
        Version = version;
        Pipeline = pipeline;
        Corpora = corpora;
    }

    /// <summary>The template file.</summary>
    public string Path { get; }

    /// <summary>The language code.</summary>
    public string Lang { get; }

    /// <summary>The model name without the language.</summary>
    public string Name { get; }

    /// <summary>The package id and folder name: <c>&lt;lang&gt;_&lt;name&gt;</c>.</summary>
    public string Id => $"{Lang}_{Name}";

    /// <summary>The template's version, if it has one.</summary>
    public string? Version { get; }

    /// <summary>The component factories in order.</summary>
    public IReadOnlyList<string> Pipeline { get; }

    /// <summary>The corpora of each component.</summary>
    public IReadOnlyDictionary<string, ComponentCorpora> Corpora { get; }

    /// <summary>The corpus files' sources and hashes (<c>training.assets</c>); a file without one is used unchecked.</summary>
    public IReadOnlyList<CorpusAsset> Assets { get; }

    /// <summary>Every corpus file the template names, in order, each once.</summary>
    public IReadOnlyList<string> CorpusNames => Corpora.Values.SelectMany(c => new[] { c.Train, c.Dev }).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Loads every template of <paramref name="directory"/>, sorted by id.</summary>
    public static IReadOnlyList<ModelTemplate> LoadAll(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new BuildException($"The template folder {directory} does not exist; set --templates or add meta-templates/<lang>_<name>.json files.");
        }

        return Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Load).ToList();
    }

    /// <summary>Picks the templates named in <paramref name="models"/> (all when empty); unknown names are an error that lists the known ones.</summary>
    public static IReadOnlyList<ModelTemplate> Select(IReadOnlyList<ModelTemplate> all, IReadOnlyList<string> models)
    {
        if (models.Count == 0)
        {
            return all;
        }

        var unknown = models.Where(m => !all.Any(t => string.Equals(t.Id, m, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new BuildException($"--models names {string.Join(", ", unknown)}, which has no template. Templates: {string.Join(", ", all.Select(t => t.Id))}.");
        }

        return all.Where(t => models.Any(m => string.Equals(t.Id, m, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>Reads and checks one template; errors name the file and the field.</summary>
    public static ModelTemplate Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(BuildFiles.ReadJson(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new BuildException($"{path} is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Field(path, "(root)", "must be a JSON object");
            }

            var lang = String(root, "lang", path) ?? throw Field(path, "lang", "is missing");
            var name = String(root, "name", path) ?? throw Field(path, "name", "is missing");
            var expected = $"{lang}_{name}.json";
            if (!string.Equals(System.IO.Path.GetFileName(path), expected, StringComparison.Ordinal))
            {
                throw Field(path, "name", $"gives the id {lang}_{name}, so the file must be named {expected}");
            }

            if (!root.TryGetProperty("pipeline", out var pipelineElement) || pipelineElement.ValueKind != JsonValueKind.Array
                || pipelineElement.GetArrayLength() == 0 || pipelineElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                throw Field(path, "pipeline", "must be a non-empty list of component names");
            }

            var pipeline = pipelineElement.EnumerateArray().Select(e => e.GetString()!).ToList();
            if (!root.TryGetProperty("training", out var training) || training.ValueKind != JsonValueKind.Object
                || !training.TryGetProperty("corpora", out var corporaElement) || corporaElement.ValueKind != JsonValueKind.Object)
            {
                throw Field(path, "training.corpora", "is missing: give each component's {\"train\": ..., \"dev\": ...} relative to the corpus root");
            }

            var corpora = new Dictionary<string, ComponentCorpora>(StringComparer.Ordinal);
            foreach (var component in corporaElement.EnumerateObject())
            {
                if (!pipeline.Contains(component.Name))
                {
                    throw Field(path, $"training.corpora.{component.Name}", "names a component that is not in the pipeline");
                }

                var train = String(component.Value, "train", path) ?? throw Field(path, $"training.corpora.{component.Name}.train", "is missing");
                var dev = String(component.Value, "dev", path) ?? throw Field(path, $"training.corpora.{component.Name}.dev", "is missing");
                corpora[component.Name] = new ComponentCorpora(train, dev);
            }

            var assets = CorpusAsset.ReadAll(training, path);
            var template = new ModelTemplate(path, lang, name, String(root, "version", path), pipeline, corpora, assets);
            template.Check();
            return template;
        }
    }

    /// <summary>The trainer's inputs for this template under <paramref name="corpusRoot"/>; every file must exist.</summary>
    public TrainingInputs Inputs(string corpusRoot) => Inputs(CorpusFiles.Under(corpusRoot));

    /// <summary>The trainer's inputs for this template, each file where the Corpora target found it; every file must exist.</summary>
    public TrainingInputs Inputs(CorpusFiles files)
    {
        var corpusRoot = files.Root;
        var ner = EntityCorpora?.Value;
        var other = Corpora.Where(c => !IsIob2Entities(c)).Select(c => c.Value).FirstOrDefault();
        TrainingInputs inputs = other is null
            ? new(Full(ner!.Train), Full(ner.Dev), null, null)
            : new(Full(other.Train), Full(other.Dev), ner is not null && IsIob2(ner.Train) ? Full(ner.Train) : null, ner is not null && IsIob2(ner.Dev) ? Full(ner.Dev) : null);
        foreach (var file in inputs.Files.Where(f => !File.Exists(f)))
        {
            throw new BuildException($"{Id}: corpus file {file} is missing. Templates name corpora relative to --corpora (now {corpusRoot}); point it at the folder holding ud/ and ner/.");
        }

        return inputs;

        // A corpus named with '..', as an absolute path or through a link must not reach outside the corpus root (E181),
        // wherever the Corpora target found it.
        string Full(string relative)
        {
            RootedPath.Inside(files.Root, relative, $"corpus of template {Path}");
            return files.Locate(relative);
        }
    }

    private void Check()
    {
        var missing = Pipeline.Where(c => !Corpora.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw Field(Path, "training.corpora", $"has no corpora for {string.Join(", ", missing)}");
        }

        // The trainer reads one CoNLL-U corpus for all components, and IOB2 for an entity recognizer (ner, trf_ner).
        var conllu = Corpora.Where(c => !IsIob2Entities(c)).Select(c => c.Value).Distinct().ToList();
        if (conllu.Count > 1)
        {
            throw Field(Path, "training.corpora", "names different CoNLL-U corpora for different components; the trainer trains them on one corpus (ner may use IOB2 files)");
        }

        var unused = Assets.FirstOrDefault(a => !CorpusNames.Contains(a.Dest));
        if (unused is not null)
        {
            throw CorpusErrors.AssetInvalid(Path, "training.assets", $"gives {unused.Dest}, which no component of training.corpora trains or is scored on");
        }

        if (EntityCorpora is { } ner && IsIob2(ner.Value.Train) != IsIob2(ner.Value.Dev))
        {
            throw Field(Path, $"training.corpora.{ner.Key}", "mixes an IOB2 and a CoNLL-U file; use the same format for train and dev");
        }
    }

    // The corpora of the entity recognizer (ner or trf_ner), if the template has one.
    private KeyValuePair<string, ComponentCorpora>? EntityCorpora =>
        Corpora.Where(c => ScoreWeights.EntityRecognizers.Contains(c.Key)).Select(c => (KeyValuePair<string, ComponentCorpora>?)c).FirstOrDefault();

    private static bool IsIob2Entities(KeyValuePair<string, ComponentCorpora> corpora) =>
        ScoreWeights.EntityRecognizers.Contains(corpora.Key) && IsIob2(corpora.Value.Train);

    private static bool IsIob2(string path) => path.EndsWith(".iob2", StringComparison.OrdinalIgnoreCase);

    private static string? String(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s
            : throw Field(path, name, "must be a non-empty string");
    }

    private static BuildException Field(string path, string field, string problem) =>
        new($"Template {path}: '{field}' {problem}.");
}
