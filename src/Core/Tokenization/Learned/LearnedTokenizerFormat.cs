using MessagePack;
using Pipeline.Serialization;
using Pipeline.Training;

namespace Pipeline.Tokenization.Learned;

/// <summary>
/// The binary form of a learned tokenizer: a MessagePack map with <c>kind = "learned"</c> (which tells it from the
/// rule tokenizer's file), a format version, the labels fixed per class context, the perceptron and the
/// multiword lexicon. Reading validates everything and fails only with PipelineFormatException.
/// </summary>
internal static class LearnedTokenizerFormat
{
    /// <summary>The source named in errors about tokenizer bytes.</summary>
    public const string Source = "tokenizer";

    public const string KindValue = "learned";

    private const string KindKey = "kind";

    // Version 2 holds the perceptron in its version-2 form (12-bit weights, 40-bit keys); version 1 still loads.
    private const int FormatVersion = 2;
    private const int MaxWords = 16;

    public static byte[] Write(TokenizerModel model) => MsgPack.Write((ref MessagePackWriter w) =>
    {
        w.WriteMapHeader(7);
        w.Write(KindKey);
        w.Write(KindValue);
        w.Write("format");
        w.Write(FormatVersion);
        w.Write("fixed");
        w.Write(model.Fixed);
        w.Write("model");
        model.Perceptron.Write(ref w);
        w.Write("multiwords");
        var entries = model.Lexicon.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        w.WriteMapHeader(entries.Count);
        foreach (var (surface, words) in entries)
        {
            w.Write(surface);
            MsgPack.WriteStringArray(ref w, words);
        }

        w.Write("ambiguous");
        MsgPack.WriteStringArray(ref w, model.Lexicon.Ambiguous.Order(StringComparer.Ordinal).ToList());
        w.Write("chooser");
        if (model.Chooser is { } chooser)
        {
            chooser.Perceptron.Write(ref w);
        }
        else
        {
            w.WriteNil();
        }
    });

    /// <summary>Whether the bytes are a MessagePack map whose <c>kind</c> is "learned"; false for anything else.</summary>
    public static bool IsLearned(byte[] data)
    {
        try
        {
            var r = new MessagePackReader(data);
            if (r.NextMessagePackType != MessagePackType.Map)
            {
                return false;
            }

            var fields = r.ReadMapHeader();
            for (var i = 0; i < fields; i++)
            {
                if (r.NextMessagePackType == MessagePackType.String && r.ReadString() == KindKey)
                {
                    return r.NextMessagePackType == MessagePackType.String && r.ReadString() == KindValue;
                }

                r.Skip();
            }

            return false;
        }
        catch (Exception e) when (MsgPack.IsDecodeFailure(e))
        {
            return false;
        }
    }

    public static TokenizerModel Read(byte[] data, string source) =>
        MsgPack.Read(data, source, (ref MessagePackReader r) => ReadModel(ref r, source));

    private static TokenizerModel ReadModel(ref MessagePackReader r, string source)
    {
        string? kind = null;
        var sawFormat = false;
        byte[]? skip = null;
        AveragedPerceptron? perceptron = null;
        Dictionary<string, string[]>? multiwords = null;
        string[]? ambiguous = null;
        AveragedPerceptron? chooser = null;
        var sawChooser = false;
        var fields = r.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            var key = MsgPack.ReadString(ref r);
            switch (key)
            {
                case KindKey when kind is null:
                    kind = MsgPack.ReadString(ref r);
                    break;
                case "format" when !sawFormat:
                    var version = MsgPack.ReadFormatVersion(ref r, source, FormatVersion);
                    sawFormat = version >= 1 ? true : throw new InvalidDataException($"format version {version} is not valid");
                    break;
                case "fixed" when skip is null:
                    skip = ReadFixed(MsgPack.ReadBytes(ref r));
                    break;
                case "model" when perceptron is null:
                    perceptron = AveragedPerceptron.Read(ref r, source);
                    break;
                case "multiwords" when multiwords is null:
                    multiwords = ReadMultiwords(ref r);
                    break;
                case "ambiguous" when ambiguous is null:
                    ambiguous = MsgPack.ReadStringArray(ref r);
                    break;
                case "chooser" when !sawChooser:
                    sawChooser = true;
                    chooser = r.TryReadNil() ? null : AveragedPerceptron.Read(ref r, source);
                    break;
                default:
                    r.Skip();
                    break;
            }
        }

        if (kind != KindValue)
        {
            throw new InvalidDataException($"the 'kind' field is {(kind is null ? "missing" : $"'{kind}'")}, not '{KindValue}'");
        }

        if (!sawFormat || skip is null || perceptron is null || multiwords is null)
        {
            throw new InvalidDataException("a field (format, fixed, model or multiwords) is missing");
        }

        if (perceptron.Classes != TokenizerModel.Classes)
        {
            throw new InvalidDataException($"the model has {perceptron.Classes} classes, not {TokenizerModel.Classes}");
        }

        ambiguous ??= [];
        if (Array.Exists(ambiguous, a => !multiwords.ContainsKey(a)) || (ambiguous.Length > 0) != (chooser is not null)
            || chooser is { Classes: not MultiwordChooser.Classes })
        {
            throw new InvalidDataException("the ambiguous forms, the multiword entries and the chooser do not match");
        }

        return new TokenizerModel(perceptron, skip, new MultiwordLexicon(multiwords, ambiguous), chooser is null ? null : new MultiwordChooser(chooser));
    }

    private static byte[] ReadFixed(byte[] table)
    {
        if (table.Length != CharClass.Contexts)
        {
            throw new InvalidDataException($"the table of fixed labels has {table.Length} entries, not {CharClass.Contexts}");
        }

        foreach (var label in table)
        {
            if (label >= TokenizerModel.Classes && label != TokenizerModel.Scored)
            {
                throw new InvalidDataException($"fixed label {label} is not a label");
            }
        }

        return table;
    }

    private static Dictionary<string, string[]> ReadMultiwords(ref MessagePackReader r)
    {
        var count = r.ReadMapHeader();
        var entries = new Dictionary<string, string[]>(Math.Min(count, 1024), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var surface = MsgPack.ReadString(ref r);
            var words = MsgPack.ReadStringArray(ref r);
            if (surface.Length is 0 or > MultiwordLexicon.MaxSurface || words.Length is < 2 or > MaxWords || Array.Exists(words, w => w.Length == 0))
            {
                throw new InvalidDataException($"multiword entry '{surface}' needs a surface form and 2 to {MaxWords} non-empty words");
            }

            if (!entries.TryAdd(surface, words))
            {
                throw new InvalidDataException($"multiword entry '{surface}' appears twice");
            }
        }

        return entries;
    }
}
