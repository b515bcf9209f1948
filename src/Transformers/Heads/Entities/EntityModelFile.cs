namespace Pipeline.Transformers.Heads.Entities;

/// <summary>
/// The entity recognizer's saved model, <c>model.bin</c>: magic (<c>PLNER002</c>: the version with the attention sizes), the ten <see cref="EntityShape"/> sizes, the
/// entity labels (UTF-8, length-prefixed), then every parameter's floats in <see cref="EntityNetwork.Parameters"/>
/// order, little-endian. Reading checks each size against its limit and the file's exact length before allocating
/// (E271 otherwise), so a damaged file never makes the reader allocate or read past it.
/// </summary>
internal static class EntityModelFile
{
    public const string FileName = "model.bin";
    private const int MaxLabels = 1024;
    private static readonly byte[] Magic = "PLNER002"u8.ToArray();

    /// <summary>Writes the network and labels to <paramref name="directory"/>/model.bin atomically.</summary>
    public static void Write(string directory, EntityNetwork network, IReadOnlyList<string> labels)
    {
        ModelFileParts.Write(Path.Combine(directory, FileName), Magic, network.Shape.Values, labels, network.Parameters);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; anything else is E271 naming the file.</summary>
    public static (EntityNetwork Network, List<string> Labels) Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var (stream, values) = ModelFileParts.Open(path, Magic, EntityShape.Count);
        using var owned = stream;

        // Depth (4), radius (5) and attention layers (7) may be 0; the rest must be positive. All are bounded.
        int[] max = [NetworkShape.MaxSize, NetworkShape.MaxSize, 4096, 4096, 16, 16, MaxLabels, 8, 64, 512];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < (i is 4 or 5 or 7 ? 0 : 1) || values[i] > max[i])
            {
                throw TransformerErrors.BadHeadModel(path, $"size {i} of the network is {values[i]}, outside its limits");
            }
        }

        if (values[7] > 0 && values[3] % values[8] != 0)
        {
            throw TransformerErrors.BadHeadModel(path, $"its {values[8]} attention heads do not divide its width {values[3]}");
        }

        var shape = EntityShape.From(values);
        var labels = ModelFileParts.ReadLabels(stream, path, shape.Labels, minBytes: 1);
        ModelFileParts.RequireRemaining(stream, path, shape.Floats);
        var network = new EntityNetwork(shape, 0);
        ModelFileParts.ReadParameters(stream, network.Parameters);
        return (network, labels);
    }
}
