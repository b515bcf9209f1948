using System.Buffers.Binary;
using static Pipeline.Transformers.OnnxProtobuf;

namespace Pipeline.Transformers;

/// <summary>
/// Dynamic int8 quantization of an ONNX graph's weight matrices, done on the model's protobuf bytes in memory: each
/// <c>MatMul</c> whose second input is a float initializer of rank 2 (a layer's weights; not attention's
/// activation-by-activation products) becomes ONNX Runtime's <c>com.microsoft.DynamicQuantizeMatMul</c>, with the
/// weights stored as int8 and one scale per output column (symmetric, zero point 0); activations are quantized to
/// uint8 per run. The encoder's matrix products then run on integer kernels, at a quarter of the weights' bytes.
/// </summary>
internal static class OnnxInt8Quantizer
{
    private const int GraphField = 7;
    private const int OpsetField = 8;
    private const int NodeField = 1;
    private const int InitializerField = 5;
    private const int InputField = 11;
    private const int OutputField = 12;
    private const int FloatType = 1;
    private const int Int8Type = 3;
    private const string ContribDomain = "com.microsoft";

    /// <summary>
    /// The model with its weight matrices quantized, and how many were; null when the bytes hold no graph.
    /// A graph with no such matrix comes back unchanged with a count of 0.
    /// </summary>
    public static (byte[] Model, int Quantized)? Quantize(byte[] model)
    {
        var graph = Fields(model, 0, model.Length).FirstOrDefault(f => f.Field == GraphField && f.Wire == Delimited);
        if (graph.End == 0)
        {
            return null;
        }

        var graphFields = Fields(model, graph.Start, graph.End).ToList();
        var nodes = graphFields.Where(f => f.Field == NodeField && f.Wire == Delimited).ToDictionary(f => f.Start, f => OnnxNode.Read(model, f.Start, f.End));
        var weights = Candidates(model, graphFields, nodes.Values);
        if (weights.Count == 0)
        {
            return (model, 0);
        }

        using var newGraph = new MemoryStream(graph.End - graph.Start);
        foreach (var field in graphFields)
        {
            if (field.Field == NodeField && field.Wire == Delimited && nodes[field.Start] is { Op: "MatMul", Domain: "", Inputs: [var a, var b] } node
                && weights.ContainsKey(b))
            {
                WriteMessage(newGraph, NodeField, QuantizedNode(a, b, node));
            }
            else if (field.Field == InitializerField && field.Wire == Delimited && TensorName(model, field.Start, field.End) is { } name
                && weights.TryGetValue(name, out var weight))
            {
                WriteQuantized(newGraph, name, weight);
            }
            else
            {
                newGraph.Write(model, field.TagStart, field.End - field.TagStart);
            }
        }

        using var result = new MemoryStream(model.Length);
        var hasContrib = false;
        foreach (var field in Fields(model, 0, model.Length))
        {
            if (field.Field == GraphField && field.Wire == Delimited)
            {
                WriteMessage(result, GraphField, newGraph);
                continue;
            }

            hasContrib |= field.Field == OpsetField && field.Wire == Delimited
                && Fields(model, field.Start, field.End).Any(f => f.Field == 1 && f.Wire == Delimited && Text(model, f.Start, f.End) == ContribDomain);
            result.Write(model, field.TagStart, field.End - field.TagStart);
        }

        if (!hasContrib)
        {
            // OperatorSetIdProto { domain = 1; version = 2 }
            using var opset = new MemoryStream();
            WriteString(opset, 1, ContribDomain);
            WriteVarintField(opset, 2, 1);
            WriteMessage(result, OpsetField, opset);
        }

        return (result.ToArray(), weights.Count);
    }

    private static string? TensorName(byte[] model, int start, int end) =>
        Fields(model, start, end).Where(f => f.Field == 8 && f.Wire == Delimited).Select(f => Text(model, f.Start, f.End)).FirstOrDefault();

    // Float initializers of rank 2, stored in the model, that only MatMuls read, and only as their second input.
    private static Dictionary<string, float[,]> Candidates(byte[] model, List<(int Field, int Wire, int TagStart, int Start, int End, ulong Value)> graphFields, IEnumerable<OnnxNode> nodes)
    {
        // Older exporters list initializers among the graph's inputs too; those stay float (a caller could feed them).
        var graphIo = graphFields.Where(f => f.Field is InputField or OutputField && f.Wire == Delimited)
            .SelectMany(f => Fields(model, f.Start, f.End).Where(n => n.Field == 1 && n.Wire == Delimited).Take(1))
            .Select(n => Text(model, n.Start, n.End))
            .ToHashSet(StringComparer.Ordinal);
        var weightUses = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            for (var i = 0; i < node.Inputs.Length; i++)
            {
                var asWeight = node is { Op: "MatMul", Domain: "", Inputs.Length: 2 } && i == 1;
                weightUses[node.Inputs[i]] = asWeight && weightUses.GetValueOrDefault(node.Inputs[i], true);
            }
        }

        var initializers = graphFields.Where(f => f.Field == InitializerField && f.Wire == Delimited).ToList();

        // The quantized tensors' names must be new to the graph.
        var taken = initializers.Select(f => TensorName(model, f.Start, f.End)).OfType<string>()
            .Concat(nodes.SelectMany(n => n.Inputs.Concat(n.Outputs))).Concat(graphIo).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, float[,]>(StringComparer.Ordinal);
        foreach (var field in initializers)
        {
            if (TensorName(model, field.Start, field.End) is { } name && weightUses.GetValueOrDefault(name) && !graphIo.Contains(name)
                && !taken.Contains(name + "_int8") && !taken.Contains(name + "_scale")
                && ReadMatrix(model, field.Start, field.End) is { } matrix)
            {
                result[name] = matrix;
            }
        }

        return result;
    }

    // A float tensor of rank 2 with its values in the model (raw_data or float_data); null for anything else.
    private static float[,]? ReadMatrix(byte[] model, int start, int end)
    {
        var dims = new List<long>();
        var type = 0L;
        (int Start, int End)? data = null;
        foreach (var f in Fields(model, start, end))
        {
            switch (f.Field)
            {
                case 1: AddVarints(model, f, dims); break;
                case 2 when f.Wire == Varint: type = (long)f.Value; break;
                case 4 or 9 when f.Wire == Delimited: data = (f.Start, f.End); break;
                case 13 or 14: return null; // external data
            }
        }

        if (type != FloatType || dims is not [> 0 and <= int.MaxValue, > 0 and <= int.MaxValue] || data is not var (from, to)
            || dims[0] * dims[1] * 4 != to - from)
        {
            return null;
        }

        var matrix = new float[dims[0], dims[1]];
        var k = from;
        for (var r = 0; r < dims[0]; r++)
        {
            for (var c = 0; c < dims[1]; c++, k += 4)
            {
                matrix[r, c] = BinaryPrimitives.ReadSingleLittleEndian(model.AsSpan(k));
            }
        }

        return matrix;
    }

    private static MemoryStream QuantizedNode(string a, string b, OnnxNode node)
    {
        var message = new MemoryStream();
        foreach (var input in new[] { a, b + "_int8", b + "_scale" })
        {
            WriteString(message, 1, input);
        }

        foreach (var output in node.Outputs)
        {
            WriteString(message, 2, output);
        }

        WriteString(message, 3, node.Name.Length > 0 ? node.Name + "_int8" : b + "_int8_matmul");
        WriteString(message, 4, "DynamicQuantizeMatMul");
        WriteString(message, 7, ContribDomain);
        return message;
    }

    // The weights as int8 ([rows, columns]) and one float scale per column: the column's largest magnitude maps to 127.
    private static void WriteQuantized(MemoryStream graph, string name, float[,] weight)
    {
        int rows = weight.GetLength(0), columns = weight.GetLength(1);
        var scales = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var max = 0f;
            for (var r = 0; r < rows; r++)
            {
                max = Math.Max(max, Math.Abs(weight[r, c]));
            }

            scales[c] = max > 0 ? max / 127f : 1f;
        }

        var values = new byte[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[(r * columns) + c] = (byte)(sbyte)Math.Clamp(MathF.Round(weight[r, c] / scales[c]), -127f, 127f);
            }
        }

        var scaleBytes = new byte[columns * 4];
        for (var c = 0; c < columns; c++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(scaleBytes.AsSpan(c * 4), scales[c]);
        }

        WriteTensor(graph, name + "_int8", [rows, columns], Int8Type, values);
        WriteTensor(graph, name + "_scale", [columns], FloatType, scaleBytes);
    }

    // TensorProto { dims = 1; data_type = 2; name = 8; raw_data = 9 }
    private static void WriteTensor(MemoryStream graph, string name, long[] dims, int type, byte[] raw)
    {
        using var tensor = new MemoryStream(raw.Length + name.Length + 32);
        foreach (var dim in dims)
        {
            WriteVarintField(tensor, 1, dim);
        }

        WriteVarintField(tensor, 2, type);
        WriteString(tensor, 8, name);
        WriteDelimited(tensor, 9, raw);
        WriteMessage(graph, InitializerField, tensor);
    }
}
