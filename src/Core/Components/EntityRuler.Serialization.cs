using System.Collections;
using System.Text.Json;
using MessagePack;
using Pipeline.Components.Matching;
using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Components;

public sealed partial class EntityRuler
{
    private const int FormatVersion = 1;
    private const string PatternsFile = "patterns.jsonl";
    private const string ConfigFile = "cfg.json";
    private const string BytesSource = "entity_ruler bytes";

    /// <summary>Adds the patterns of a JSONL file (one pattern object per line); a bad line raises E051 naming it.</summary>
    public void FromJsonl(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw Errors.ComponentDataMissing(FactoryName, path);
        }

        AddCompiled(ParseFile(InputFiles.ReadAllText(path, InputFiles.JsonBytes, "the patterns file"), path), replace: false);
    }

    /// <summary>Writes all patterns to a JSONL file that spaCy's entity ruler and <see cref="FromJsonl"/> read.</summary>
    public void ToJsonl(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, PatternJson.ToJsonl(Patterns));
    }

    /// <summary>The patterns (as JSONL text) and settings as MessagePack with a format version.</summary>
    public byte[] ToBytes()
    {
        var (jsonl, lower) = Read(rules => (PatternJson.ToJsonl(rules.Patterns.Select(p => p.Pattern)), rules.PhraseLower));
        var overwrite = _overwriteEnts;
        return MsgPack.Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(4);
            w.Write("format");
            w.Write(FormatVersion);
            w.Write(OverwriteEntsKey);
            w.Write(overwrite);
            w.Write(PhraseMatcherAttrKey);
            w.Write(lower ? "LOWER" : "ORTH");
            w.Write(PatternsKey);
            w.Write(jsonl);
        });
    }

    /// <summary>Replaces patterns and settings with those of <see cref="ToBytes"/>; bad data raises <see cref="PipelineFormatException"/>.</summary>
    public void FromBytes(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (overwrite, attr, jsonl) = MsgPack.Read(data, BytesSource, (ref MessagePackReader r) =>
        {
            var version = -1;
            var overwrite = false;
            string? attr = null;
            string? jsonl = null;
            MsgPackMap.Read(ref r, (ref MessagePackReader r, string key) =>
            {
                switch (key)
                {
                    case "format":
                        version = MsgPack.ReadFormatVersion(ref r, BytesSource, FormatVersion);
                        break;
                    case OverwriteEntsKey:
                        overwrite = r.ReadBoolean();
                        break;
                    case PhraseMatcherAttrKey:
                        attr = MsgPack.ReadString(ref r);
                        break;
                    case PatternsKey:
                        jsonl = MsgPack.ReadString(ref r);
                        break;
                    default:
                        return false;
                }

                return true;
            });

            return version < 1 || jsonl is null
                ? throw new InvalidDataException("the 'format' or 'patterns' field is missing")
                : (overwrite, attr ?? "ORTH", jsonl);
        });
        Load(overwrite, attr, jsonl, BytesSource, BytesSource);
    }

    /// <summary>Writes <c>patterns.jsonl</c> and <c>cfg.json</c> into <paramref name="directory"/>.</summary>
    public void ToDisk(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var (jsonl, lower) = Read(rules => (PatternJson.ToJsonl(rules.Patterns.Select(p => p.Pattern)), rules.PhraseLower));
        var cfg = new Dictionary<string, object> { [OverwriteEntsKey] = _overwriteEnts, [PhraseMatcherAttrKey] = lower ? "LOWER" : "ORTH" };
        AtomicFile.WriteAllText(Path.Combine(directory, PatternsFile), jsonl);
        AtomicFile.WriteAllText(Path.Combine(directory, ConfigFile), JsonSerializer.Serialize(cfg, CoreJsonContext.Default.DictionaryStringObject) + "\n");
    }

    /// <summary>Replaces patterns and settings with those saved by <see cref="ToDisk"/>; bad files raise <see cref="PipelineFormatException"/>.</summary>
    public void FromDisk(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var patternsPath = Path.Combine(directory, PatternsFile);
        var cfgPath = Path.Combine(directory, ConfigFile);
        if (!File.Exists(patternsPath))
        {
            throw Errors.ComponentDataMissing(FactoryName, patternsPath);
        }

        var overwrite = false;
        var attr = "ORTH";
        if (File.Exists(cfgPath))
        {
            try
            {
                using var json = JsonDocument.Parse(InputFiles.ReadAllBytes(cfgPath, InputFiles.MetaBytes, "the entity_ruler cfg file"));
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw Errors.Corrupt(cfgPath, "the file must hold a JSON object");
                }

                if (root.TryGetProperty(OverwriteEntsKey, out var o))
                {
                    overwrite = o.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? o.GetBoolean()
                        : throw Errors.Corrupt(cfgPath, $"'{OverwriteEntsKey}' must be true or false");
                }

                if (root.TryGetProperty(PhraseMatcherAttrKey, out var a))
                {
                    attr = a.ValueKind == JsonValueKind.String ? a.GetString()! : throw Errors.Corrupt(cfgPath, $"'{PhraseMatcherAttrKey}' must be a string");
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                throw Errors.Corrupt(cfgPath, $"invalid JSON: {e.Message}", e);
            }
        }

        Load(overwrite, attr, InputFiles.ReadAllText(patternsPath, InputFiles.JsonBytes, "the patterns file"), patternsPath, cfgPath);
    }

    private void Load(bool overwrite, string attr, string jsonl, string patternsSource, string cfgSource)
    {
        var lower = ParsePhraseAttr(attr) ?? throw Errors.Corrupt(cfgSource, $"'{PhraseMatcherAttrKey}' is '{attr}', not ORTH or LOWER");
        var compiled = ParseFile(jsonl, patternsSource);
        AddCompiled(compiled, replace: true, lower);
        _overwriteEnts = overwrite;
    }

    /// <summary>Parses and compiles JSONL pattern text, reporting any bad line as E051 (a format error).</summary>
    private List<CompiledPattern> ParseFile(string jsonl, string source)
    {
        var lines = PatternJson.ParseJsonl(jsonl, (line, detail, inner) => Errors.PatternLineInvalid(source, line, detail, inner));
        return Compile(
            lines.ConvertAll(l => l.Pattern),
            k => (field, problem) => Errors.PatternLineInvalid(source, lines[k].Line, $"field '{field}' {problem}"));
    }

    /// <summary>Adds the "patterns" config value: JSONL text, or a list of patterns or pattern objects.</summary>
    private void AddConfigPatterns(object patterns)
    {
        if (patterns is JsonElement { ValueKind: JsonValueKind.String } text)
        {
            patterns = text.GetString()!;
        }

        if (patterns is string jsonl)
        {
            var lines = PatternJson.ParseJsonl(jsonl, (line, detail, inner) =>
                Errors.BadConfig(FactoryName, PatternsKey, $"line {line}: {detail}"));
            AddCompiled(Compile(
                lines.ConvertAll(l => l.Pattern),
                k => (field, problem) => Errors.InvalidEntityPattern($"on line {lines[k].Line} of config '{PatternsKey}' (label '{lines[k].Pattern.Label}')", field, problem)),
                replace: false);
            return;
        }

        var items = patterns switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Cast<object?>().ToList(),
            IEnumerable enumerable => enumerable.Cast<object?>().ToList(),
            _ => throw Errors.BadConfig(FactoryName, PatternsKey, $"must be JSONL text or a list of patterns, not {ConfigValues.Describe(patterns)}"),
        };
        var list = new List<EntityPattern>(items.Count);
        for (var k = 0; k < items.Count; k++)
        {
            var index = k;
            PatternFailure fail = (field, problem) => Errors.InvalidEntityPattern($"#{index} of config '{PatternsKey}'", field, problem);
            list.Add(items[k] switch
            {
                EntityPattern p => p,
                JsonElement element => PatternJson.FromElement(element, fail),
                { } other => PatternJson.FromElement(JsonSerializer.SerializeToElement(PatternValues.Canonical(other, "(pattern)", fail, 0), CoreJsonContext.Default.Object), fail),
                null => throw fail("(pattern)", "is null"),
            });
        }

        AddPatterns(list);
    }
}
