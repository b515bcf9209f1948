using static Pipeline.Transformers.OnnxProtobuf;

namespace Pipeline.Transformers;

/// <summary>
/// Exposes a BERT-family ONNX graph's inner layer outputs. Exported graphs return only the last layer
/// (<c>last_hidden_state</c>), but each layer ends in a layer normalization whose output is a named tensor: this
/// finds them (a <c>LayerNormalization</c> node, or the ReduceMean, Sub, Div, Mul, Add pattern older exporters
/// write) and adds them to the graph's outputs by editing the model's protobuf bytes, so that ONNX Runtime returns
/// them beside the last layer. A graph of another shape is refused rather than guessed at.
/// </summary>
internal static class OnnxLayerOutputs
{
    private const int GraphField = 7;
    private const int NodeField = 1;
    private const int OutputField = 12;

    /// <summary>
    /// The model with the outputs of its last <paramref name="layers"/> layers added as graph outputs, and their
    /// names (the last layer's last). Null when the graph's layer normalizations cannot be told apart.
    /// </summary>
    public static (byte[] Model, string[] Names)? Expose(byte[] model, int layers)
    {
        var graph = Fields(model, 0, model.Length).FirstOrDefault(f => f.Field == GraphField && f.Wire == Delimited);
        if (graph.End == 0)
        {
            return null;
        }

        List<OnnxNode> nodes = [.. Fields(model, graph.Start, graph.End)
            .Where(f => f.Field == NodeField && f.Wire == Delimited)
            .Select(f => OnnxNode.Read(model, f.Start, f.End))];

        var norms = LayerNormOutputs(nodes);

        // The embeddings' normalization, then two per layer (after attention, after the feed-forward block).
        if (norms.Count < 3 || norms.Count % 2 == 0 || layers > (norms.Count - 1) / 2)
        {
            return null;
        }

        string[] names = [.. Enumerable.Range(0, layers).Select(k => norms[norms.Count - 1 - (2 * (layers - 1 - k))])];
        using var extra = new MemoryStream();
        foreach (var name in names)
        {
            // ValueInfoProto { name = 1; type = 2 { tensor_type = 1 { elem_type = 1 (FLOAT) } } }
            using var info = new MemoryStream();
            WriteString(info, 1, name);
            info.Write([0x12, 4, 0x0a, 2, 0x08, 1]);
            WriteMessage(extra, OutputField, info);
        }

        using var result = new MemoryStream(model.Length + (int)extra.Length + 16);
        result.Write(model, 0, graph.TagStart);
        WriteVarint(result, (GraphField << 3) | Delimited);
        WriteVarint(result, (ulong)(graph.End - graph.Start + extra.Length));
        result.Write(model, graph.Start, graph.End - graph.Start);
        extra.WriteTo(result);
        result.Write(model, graph.End, model.Length - graph.End);
        return (result.ToArray(), names);
    }

    // The output of every layer normalization, in graph order.
    private static List<string> LayerNormOutputs(List<OnnxNode> nodes)
    {
        if (nodes.Any(n => n.Op == "LayerNormalization"))
        {
            return [.. nodes.Where(n => n.Op == "LayerNormalization" && n.Outputs.Length > 0).Select(n => n.Outputs[0])];
        }

        var consumers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var input in nodes[i].Inputs)
            {
                (consumers.TryGetValue(input, out var list) ? list : consumers[input] = []).Add(i);
            }
        }

        string? Next(string tensor, string op) =>
            consumers.TryGetValue(tensor, out var list) && list.FirstOrDefault(i => nodes[i].Op == op, -1) is var i and >= 0
                ? nodes[i].Outputs.FirstOrDefault() : null;

        var result = new List<string>();
        foreach (var node in nodes.Where(n => n.Op == "ReduceMean" && n.Inputs.Length > 0 && n.Outputs.Length > 0))
        {
            // x - mean(x), divided by the deviation, scaled (Mul) and shifted (Add); the Sub must take x itself.
            var sub = consumers.TryGetValue(node.Outputs[0], out var list)
                ? list.Select(i => nodes[i]).FirstOrDefault(n => n.Op == "Sub" && n.Inputs.Contains(node.Inputs[0])) : null;
            if (sub?.Outputs is not [var centred, ..] || Next(centred, "Div") is not { } divided
                || Next(divided, "Mul") is not { } scaled || Next(scaled, "Add") is not { } output)
            {
                continue;
            }

            if (!result.Contains(output))
            {
                result.Add(output);
            }
        }

        return result;
    }
}
