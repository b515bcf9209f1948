using Pipeline.Transformers.Neural;

namespace Pipeline.Transformers.Heads;

/// <summary>
/// A neural head's saved model, <c>model.bin</c>: magic (which also names the format's version), the network's sizes,
/// the labels (UTF-8, length-prefixed), then every parameter's floats in the network's parameter order,
/// little-endian (the parts are <see cref="ModelFileParts"/>). Reading checks every size against its limit and the
/// file's exact length before allocating (E271 otherwise), so a damaged file never makes the reader allocate or read
/// past it. The token classifiers write magic <c>PLHEAD02</c> and the seven <see cref="NetworkShape"/> sizes; the
/// parser <c>PLPARS01</c> and its <see cref="ParserShape"/> sizes.
/// </summary>
internal static class HeadModelFile
{
    public const string FileName = "model.bin";
    private static readonly byte[] Magic = "PLHEAD02"u8.ToArray(); // 02: ten lexical features (01 had four)

    /// <summary>Writes the network and labels to <paramref name="directory"/>/model.bin atomically.</summary>
    public static void Write(string directory, TokenWindowNetwork network, IReadOnlyList<string> labels) =>
        Write(directory, Magic, network.Shape.Values, labels, network.Parameters);

    /// <summary>Reads what <see cref="Write(string, TokenWindowNetwork, IReadOnlyList{string})"/> wrote; anything else is E271 naming the file.</summary>
    public static (TokenWindowNetwork Network, List<string> Labels) Read(string directory) => Read(
        directory,
        Magic,
        7,
        (i, value) => value >= (i == 4 ? 0 : 1) && value <= NetworkShape.MaxSize && (i != 4 || value <= 16),
        sizes => (NetworkShape.From(sizes).Classes, NetworkShape.From(sizes).Floats),
        (sizes, labels) => (new TokenWindowNetwork(NetworkShape.From(sizes), 0), labels),
        read => read.Item1.Parameters);

    /// <summary>Writes <paramref name="magic"/>, the sizes, the labels and the parameters' floats atomically.</summary>
    public static void Write(string directory, byte[] magic, int[] sizes, IReadOnlyList<string> labels, IReadOnlyList<Parameter> parameters) =>
        ModelFileParts.Write(Path.Combine(directory, FileName), magic, sizes, labels, parameters);

    /// <summary>
    /// Reads a model file: <paramref name="valid"/> checks size i, <paramref name="counts"/> gives the label count and the
    /// floats the sizes need, and <paramref name="create"/> builds the model whose <paramref name="parameters"/> are filled
    /// from the file. Anything else than such a file is E271 naming it.
    /// </summary>
    public static T Read<T>(
        string directory,
        byte[] magic,
        int sizeCount,
        Func<int, int, bool> valid,
        Func<int[], (int Labels, long Floats)> counts,
        Func<int[], List<string>, T> create,
        Func<T, IReadOnlyList<Parameter>> parameters)
    {
        var path = Path.Combine(directory, FileName);
        var (stream, values) = ModelFileParts.Open(path, magic, sizeCount);
        using var owned = stream;
        for (var i = 0; i < values.Length; i++)
        {
            if (!valid(i, values[i]))
            {
                throw TransformerErrors.BadHeadModel(path, $"size {i} of the network is {values[i]}, outside its limits");
            }
        }

        var (labelCount, floats) = counts(values);
        var labels = ModelFileParts.ReadLabels(stream, path, labelCount);
        // The parameter sizes follow from the sizes alone; the rest of the file must hold exactly them.
        ModelFileParts.RequireRemaining(stream, path, floats);
        var model = create(values, labels);
        ModelFileParts.ReadParameters(stream, parameters(model));
        return model;
    }
}
