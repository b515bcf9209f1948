using System.Text.Json;
using MessagePack;
using Pipeline.IO;
using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Components;

/// <summary>
/// Rule-based sentence splitting for pipelines without a parser: a new sentence starts after a token of the
/// punctuation set, once any closing quotes, brackets and further punctuation that follow it have been taken into
/// the sentence ("He left . ) Then" splits before "Then"). Registered as the "sentencizer" factory; config key
/// "punct_chars" (list of strings) replaces the default multilingual set. Safe for concurrent use.
/// </summary>
public sealed class Sentencizer : IPipe, IByteSerializable, IDiskSerializable, IDeclaresAttributes
{
    /// <summary>The factory name and default component name.</summary>
    public const string FactoryName = "sentencizer";

    /// <summary>The config key holding the punctuation strings.</summary>
    public const string PunctCharsKey = "punct_chars";

    private const int FormatVersion = 1;
    private const string ConfigFile = "cfg.json";
    private const string BytesSource = "sentencizer bytes";

    private static readonly JsonSerializerOptions JsonOptions = Serialization.CoreJsonContext.Resolving(new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private volatile SentencePunctuation _punct;

    /// <summary>Creates a sentencizer that ends sentences at <paramref name="punctChars"/> (default: <see cref="DefaultPunctChars"/>).</summary>
    public Sentencizer(IEnumerable<string>? punctChars = null)
    {
        _punct = Build(punctChars?.ToList() ?? [.. SentencePunctuation.Defaults], s => Errors.InvalidArgument("punctChars", s));
    }

    /// <summary>The built-in multilingual set of sentence-final punctuation.</summary>
    public static IReadOnlyList<string> DefaultPunctChars => SentencePunctuation.Defaults;

    /// <inheritdoc />
    public string Name => FactoryName;

    /// <summary>The punctuation strings that end a sentence, in the order given, without duplicates.</summary>
    public IReadOnlyList<string> PunctChars => _punct.Strings;

    /// <summary>Creates a sentencizer from a factory config (key "punct_chars"; other keys are ignored).</summary>
    public static Sentencizer FromConfig(IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var chars = ConfigValues.GetStringList(config, FactoryName, PunctCharsKey);
        if (chars is null)
        {
            return new Sentencizer();
        }

        var sentencizer = new Sentencizer();
        sentencizer._punct = Build(chars, problem => Errors.BadConfig(FactoryName, PunctCharsKey, problem));
        return sentencizer;
    }

    /// <inheritdoc />
    public IReadOnlyList<Attr> Reads { get; } = Array.AsReadOnly<Attr>([Attr.Orth]);

    /// <inheritdoc />
    public IReadOnlyList<Attr> Writes { get; } = Array.AsReadOnly<Attr>([Attr.SentStart]);

    /// <summary>Sets <see cref="Token.IsSentStart"/> on every token, replacing earlier sentence boundaries.</summary>
    public Doc Process(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var n = doc.Length;
        if (n == 0)
        {
            return doc;
        }

        var punct = _punct;
        var starts = Doc.Ensure(ref doc.SentStartColumn, n);
        var strings = doc.Vocab.Strings;
        var pending = false;
        for (var i = 0; i < n; i++)
        {
            var orth = doc.OrthColumn[i];
            var kind = punct.Classify(orth, strings[orth]);
            var start = i == 0 || (pending && kind == SentencePunctuation.Kind.Other);
            starts[i] = start ? (sbyte)1 : (sbyte)-1;
            if (start)
            {
                pending = false;
            }

            if (kind == SentencePunctuation.Kind.Terminal)
            {
                pending = true;
            }
        }

        return doc;
    }

    /// <summary>The punctuation set as MessagePack with a format version.</summary>
    public byte[] ToBytes()
    {
        var strings = _punct.Strings;
        return MsgPack.Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(2);
            w.Write("format");
            w.Write(FormatVersion);
            w.Write(PunctCharsKey);
            MsgPack.WriteStringArray(ref w, strings.ToList());
        });
    }

    /// <summary>Restores the set written by <see cref="ToBytes"/>; bad data raises <see cref="PipelineFormatException"/>.</summary>
    public void FromBytes(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var strings = MsgPack.Read(data, BytesSource, (ref MessagePackReader r) =>
        {
            string[]? result = null;
            var version = -1;
            MsgPackMap.Read(ref r, (ref MessagePackReader r, string key) =>
            {
                switch (key)
                {
                    case "format":
                        version = MsgPack.ReadFormatVersion(ref r, BytesSource, FormatVersion);
                        break;
                    case PunctCharsKey:
                        result = MsgPack.ReadStringArray(ref r);
                        break;
                    default:
                        return false;
                }

                return true;
            });

            if (version < 1)
            {
                throw new InvalidDataException("the 'format' field is missing or invalid");
            }

            return result ?? throw new InvalidDataException($"the '{PunctCharsKey}' field is missing");
        });
        _punct = Build(strings, problem => Errors.Corrupt(BytesSource, $"'{PunctCharsKey}' {problem}"));
    }

    /// <summary>Writes <c>cfg.json</c> (the punctuation set) into <paramref name="directory"/>.</summary>
    public void ToDisk(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var json = JsonSerializer.Serialize(
            new Dictionary<string, object> { ["format"] = FormatVersion, [PunctCharsKey] = _punct.Strings },
            Serialization.CoreJsonContext.Info<Dictionary<string, object>>(JsonOptions));
        AtomicFile.WriteAllText(Path.Combine(directory, ConfigFile), json + "\n");
    }

    /// <summary>Reads <c>cfg.json</c> written by <see cref="ToDisk"/>; a damaged file raises <see cref="PipelineFormatException"/>.</summary>
    public void FromDisk(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var file = Path.Combine(directory, ConfigFile);
        if (!File.Exists(file))
        {
            throw Errors.ComponentDataMissing(FactoryName, file);
        }

        List<string> strings;
        try
        {
            using var json = JsonDocument.Parse(InputFiles.ReadAllBytes(file, InputFiles.MetaBytes, "the sentencizer cfg file"));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Errors.Corrupt(file, "the file must hold a JSON object");
            }

            if (root.TryGetProperty("format", out var format))
            {
                if (format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out var version))
                {
                    throw Errors.Corrupt(file, "'format' is not an integer");
                }

                if (version > FormatVersion)
                {
                    throw Errors.UnsupportedFormat(file, version, FormatVersion);
                }
            }

            if (!root.TryGetProperty(PunctCharsKey, out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw Errors.Corrupt(file, $"'{PunctCharsKey}' is missing or not a list");
            }

            strings = [];
            foreach (var item in array.EnumerateArray())
            {
                strings.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Errors.Corrupt(file, $"'{PunctCharsKey}' holds a {item.ValueKind}, not a string"));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw Errors.Corrupt(file, $"invalid JSON: {e.Message}", e);
        }

        _punct = Build(strings, problem => Errors.Corrupt(file, $"'{PunctCharsKey}' {problem}"));
    }

    private static SentencePunctuation Build(IReadOnlyList<string> strings, Func<string, Exception> fail)
    {
        if (strings.Count == 0)
        {
            throw fail("must list at least one punctuation string");
        }

        for (var i = 0; i < strings.Count; i++)
        {
            if (string.IsNullOrEmpty(strings[i]))
            {
                throw fail($"item {i} is empty; every entry must be a non-empty string such as \".\"");
            }
        }

        return new SentencePunctuation(strings);
    }
}
