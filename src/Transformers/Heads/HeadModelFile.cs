namespace Pipeline.Transformers.Heads;

/// <summary>
/// A neural head's saved model, <c>model.bin</c>: magic, the seven <see cref="NetworkShape"/> sizes, the labels
/// (UTF-8, length-prefixed), then every parameter's floats in <see cref="TokenWindowNetwork.Parameters"/> order,
/// little-endian. Reading checks every size against its limit and the file's exact length before allocating
/// (E271 otherwise), so a damaged file never makes the reader allocate or read past it.
/// </summary>
internal static class HeadModelFile
{
    public const string FileName = "model.bin";
    private static readonly byte[] Magic = "PLHEAD02"u8.ToArray(); // 02: ten lexical features (01 had four)

    /// <summary>Writes the network and labels to <paramref name="directory"/>/model.bin atomically.</summary>
    public static void Write(string directory, TokenWindowNetwork network, IReadOnlyList<string> labels)
    {
        ModelFileParts.Write(Path.Combine(directory, FileName), Magic, network.Shape.Values, labels, network.Parameters);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; anything else is E271 naming the file.</summary>
    public static (TokenWindowNetwork Network, List<string> Labels) Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var (stream, values) = ModelFileParts.Open(path, Magic, 7);
        using var owned = stream;
        for (var i = 0; i < values.Length; i++)
        {
            var min = i == 4 ? 0 : 1;
            if (values[i] < min || values[i] > NetworkShape.MaxSize || (i == 4 && values[i] > 16))
            {
                throw TransformerErrors.BadHeadModel(path, $"size {i} of the network is {values[i]}, outside its limits");
            }
        }

        var shape = NetworkShape.From(values);
        var labels = ModelFileParts.ReadLabels(stream, path, shape.Classes);

        // The parameter sizes follow from the shape alone; the rest of the file must hold exactly them.
        long floats = ((long)shape.EmbeddingRows * shape.EmbeddingWidth)
            + Layer(shape.VectorWidth + (LexicalFeatures.Count * shape.EmbeddingWidth), shape.Projection)
            + Layer(shape.Window * shape.Projection, shape.Hidden)
            + Layer(shape.Hidden, shape.Classes);
        ModelFileParts.RequireRemaining(stream, path, floats);
        var network = new TokenWindowNetwork(shape, 0);
        ModelFileParts.ReadParameters(stream, network.Parameters);
        return (network, labels);
    }

    private static long Layer(int inputs, int outputs) => ((long)inputs * outputs) + outputs;
}
