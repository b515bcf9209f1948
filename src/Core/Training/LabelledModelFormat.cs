using MessagePack;
using Pipeline.Serialization;

namespace Pipeline.Training;

/// <summary>
/// The saved form shared by perceptron components that predict from a label list: a MessagePack map of
/// <c>format</c>, <c>labels</c> and <c>model</c>. Each component validates that the labels fit its model.
/// </summary>
internal static class LabelledModelFormat
{
    public const int FormatVersion = 1;

    /// <summary>
    /// Writes the labels and model and, when given, a word table (<c>lexicon</c>: key and value pairs, sorted by key
    /// so the bytes do not depend on insertion order).
    /// </summary>
    public static byte[] Write(IReadOnlyCollection<string> labels, AveragedPerceptron model, IReadOnlyDictionary<ulong, ulong>? lexicon = null) =>
        MsgPack.Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(lexicon is null ? 3 : 4);
            w.Write("format");
            w.Write(FormatVersion);
            w.Write("labels");
            MsgPack.WriteStringArray(ref w, labels);
            w.Write("model");
            model.Write(ref w);
            if (lexicon is not null)
            {
                w.Write("lexicon");
                w.WriteArrayHeader(2 * lexicon.Count);
                foreach (var (key, value) in lexicon.OrderBy(e => e.Key))
                {
                    w.Write(key);
                    w.Write(value);
                }
            }
        });

    /// <summary>Reads the labels and model; <paramref name="validate"/> throws InvalidDataException when they do not fit.</summary>
    public static (string[] Labels, AveragedPerceptron Model) Read(
        byte[] data, string source, string component, Action<string[], AveragedPerceptron> validate)
    {
        var (labels, model, _) = ReadWithLexicon(data, source, component, validate);
        return (labels, model);
    }

    /// <summary>Reads the labels, the model and the word table (empty when the data has none).</summary>
    public static (string[] Labels, AveragedPerceptron Model, Dictionary<ulong, ulong> Lexicon) ReadWithLexicon(
        byte[] data, string source, string component, Action<string[], AveragedPerceptron> validate)
    {
        ArgumentNullException.ThrowIfNull(data);
        return MsgPack.Read(data, source, (ref MessagePackReader r) =>
        {
            string[]? labels = null;
            AveragedPerceptron? model = null;
            var lexicon = new Dictionary<ulong, ulong>();
            var version = 0;
            var fields = r.ReadMapHeader();
            for (var i = 0; i < fields; i++)
            {
                switch (MsgPack.ReadString(ref r))
                {
                    case "format":
                        version = MsgPack.ReadFormatVersion(ref r, source, FormatVersion);
                        break;
                    case "labels":
                        labels = MsgPack.ReadStringArray(ref r);
                        break;
                    case "model":
                        model = AveragedPerceptron.Read(ref r, source);
                        break;
                    case "lexicon":
                        lexicon = ReadLexicon(ref r);
                        break;
                    default:
                        r.Skip();
                        break;
                }
            }

            if (version < 1 || labels is null || model is null)
            {
                throw new InvalidDataException($"a {component} model needs 'format', 'labels' and 'model'");
            }

            validate(labels, model);
            return (labels, model, lexicon);
        });
    }

    private static Dictionary<ulong, ulong> ReadLexicon(ref MessagePackReader r)
    {
        var count = r.ReadArrayHeader();
        if (count % 2 != 0)
        {
            throw new InvalidDataException("the lexicon must hold key and value pairs");
        }

        var lexicon = new Dictionary<ulong, ulong>(Math.Min(count / 2, 1 << 20));
        for (var k = 0; k < count; k += 2)
        {
            var key = r.ReadUInt64();
            if (!lexicon.TryAdd(key, r.ReadUInt64()))
            {
                throw new InvalidDataException($"the lexicon has key {key} twice");
            }
        }

        return lexicon;
    }
}
