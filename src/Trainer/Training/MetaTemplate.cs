using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.IO;
using Pipeline.Trainer.Packaging;

namespace Pipeline.Trainer.Training;

/// <summary>
/// A meta.json template: the fields that do not change from release to release (lang, name, description,
/// author, ..., pipeline) and a <c>training</c> block (<c>n_iter</c>, <c>seed</c>, <c>score_weights</c>, <c>model_best</c>, corpora).
/// A template may leave out <c>version</c> (stamped at training) and <c>lang</c> (taken from the command).
/// </summary>
internal sealed class MetaTemplate
{
    private const string DefaultName = "model";
    private const string DefaultVersion = "0.0.0";

    private MetaTemplate(ModelMeta meta, string source, JsonElement? training, string text)
    {
        Meta = meta;
        Source = source;
        Training = training;
        Text = text;
    }

    /// <summary>The template as meta (lang and version filled in).</summary>
    public ModelMeta Meta { get; }

    /// <summary>The template's path, or "(no template)".</summary>
    public string Source { get; }

    /// <summary>The template's <c>training</c> block, if any.</summary>
    public JsonElement? Training { get; }

    /// <summary>The template's text, part of the run's fingerprint.</summary>
    public string Text { get; }

    /// <summary>Epochs from <c>training.n_iter</c>.</summary>
    public int? Epochs => WholeNumber("n_iter", int.MaxValue) is { } n ? (int)n : null;

    /// <summary>Seed from <c>training.seed</c> (E005 unless a whole number from 0 to <see cref="ulong.MaxValue"/>).</summary>
    public ulong? Seed => WholeNumber("seed", ulong.MaxValue);

    /// <summary>The template's pipeline, or null when it names none.</summary>
    public IReadOnlyList<string>? Pipeline => Meta.Pipeline.Count > 0 ? Meta.Pipeline : null;

    /// <summary>Loads a template (or makes an empty one when <paramref name="path"/> is null).</summary>
    public static MetaTemplate Load(string? path, string lang, string? version)
    {
        if (version is not null && !MetaValidator.IsSemVer(version))
        {
            throw TrainerErrors.ModelVersionInvalid("--version", version);
        }

        if (path is null)
        {
            var meta = new ModelMeta { Lang = lang, Name = DefaultName, Version = version ?? DefaultVersion };
            return new MetaTemplate(meta, "(no template)", null, string.Empty);
        }

        if (!File.Exists(path))
        {
            throw TrainerErrors.InputMissing("Meta template", path);
        }

        var text = InputFiles.ReadAllText(path, InputFiles.MetaBytes, "the meta template");
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            // meta.json's reader names what is wrong with text that is not a JSON object (E004) and never accepts it.
            ModelMeta.Parse(text, path);
            throw new UnreachableException($"'{path}' is not a JSON object, yet it parsed as meta.json.");
        }

        var templateLang = json["lang"]?.GetValueKind() == JsonValueKind.String ? json["lang"]!.GetValue<string>() : null;
        if (!string.IsNullOrEmpty(templateLang) && templateLang != lang)
        {
            throw TrainerErrors.TemplateLangMismatch(path, templateLang, lang);
        }

        json["lang"] = lang;
        if (version is null && json["version"] is { } own)
        {
            var ownVersion = own.GetValueKind() == JsonValueKind.String ? own.GetValue<string>() : own.ToJsonString();
            if (!MetaValidator.IsSemVer(ownVersion))
            {
                throw TrainerErrors.ModelVersionInvalid($"The meta template '{path}' field \"version\"", ownVersion);
            }
        }
        else
        {
            json["version"] = version ?? DefaultVersion;
        }

        json["name"] ??= DefaultName;
        var parsed = ModelMeta.Parse(json.ToJsonString(), path);
        JsonElement? training = parsed.Extra.TryGetValue("training", out var block) ? block : null;
        return new MetaTemplate(parsed, path, training, text);
    }

    /// <summary>The score weights: <c>training.score_weights</c> when present, else the default for the pipeline.</summary>
    public ScoreWeights Weights(IEnumerable<string> pipeline) =>
        Training is { ValueKind: JsonValueKind.Object } t && t.TryGetProperty("score_weights", out var weights)
            ? ScoreWeights.FromJson(weights, Source)
            : ScoreWeights.Default(pipeline);

    /// <summary>
    /// How model-best is made, from <c>training.model_best</c>: "epoch" (the default) or "per_component" (E186 for
    /// anything else).
    /// </summary>
    public ModelBestMode ModelBest
    {
        get
        {
            if (Training is not { ValueKind: JsonValueKind.Object } t || !t.TryGetProperty("model_best", out var value))
            {
                return ModelBestMode.Epoch;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() switch
            {
                "epoch" => ModelBestMode.Epoch,
                "per_component" => ModelBestMode.PerComponent,
                _ => throw TrainerErrors.ModelBestInvalid(Source, value.GetRawText()),
            }
            : throw TrainerErrors.ModelBestInvalid(Source, value.GetRawText());
        }
    }

    /// <summary>The tokenizer from <c>training.tokenizer</c>: "learned" (from the corpus) or "rules" (the default).</summary>
    public string? Tokenizer
    {
        get
        {
            if (Training is not { ValueKind: JsonValueKind.Object } t || !t.TryGetProperty("tokenizer", out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String && value.GetString() is "learned" or "rules"
                ? value.GetString()
                : throw PipelineFormatException.InvalidField(Source, "training.tokenizer", "must be \"learned\" or \"rules\"");
        }
    }

    // A whole number from 0 to max (E005 otherwise, never rounded or clamped): 7, 7.0 and 7e0 are 7.
    private ulong? WholeNumber(string name, ulong max)
    {
        if (Training is not { ValueKind: JsonValueKind.Object } t || !t.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var whole) && whole <= max)
        {
            return whole;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || number != decimal.Truncate(number)
            || number < 0 || number > max)
        {
            var range = name == "n_iter" ? $"from 1 to {max}" : $"from 0 to {max}";
            throw PipelineFormatException.InvalidField(Source, $"training.{name}", $"must be a whole number {range}, not {value.GetRawText()}");
        }

        return (ulong)number;
    }
}
