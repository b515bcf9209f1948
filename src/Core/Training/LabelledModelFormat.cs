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

    public static byte[] Write(IReadOnlyCollection<string> labels, AveragedPerceptron model) =>
        MsgPack.Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(3);
            w.Write("format");
            w.Write(FormatVersion);
            w.Write("labels");
            MsgPack.WriteStringArray(ref w, labels);
            w.Write("model");
            model.Write(ref w);
        });

    /// <summary>Reads the labels and model; <paramref name="validate"/> throws InvalidDataException when they do not fit.</summary>
    public static (string[] Labels, AveragedPerceptron Model) Read(
        byte[] data, string source, string component, Action<string[], AveragedPerceptron> validate)
    {
        ArgumentNullException.ThrowIfNull(data);
        return MsgPack.Read(data, source, (ref MessagePackReader r) =>
        {
            string[]? labels = null;
            AveragedPerceptron? model = null;
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
            return (labels, model);
        });
    }
}
