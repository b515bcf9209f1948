using static Pipeline.Transformers.OnnxProtobuf;

namespace Pipeline.Transformers.Tests;

/// <summary>Writes tiny ONNX models (one node over a float input X of shape [rows, k]) for the graph-rewriting tests.</summary>
internal static class TinyOnnxGraph
{
    /// <summary>Y = X · W with W a float initializer of shape [k, n].</summary>
    public static byte[] MatMul(float[,] weight, int rows) =>
        Model(
            node => { WriteString(node, 1, "X"); WriteString(node, 1, "W"); WriteString(node, 2, "Y"); WriteString(node, 4, "MatMul"); },
            graph => WriteFloatTensor(graph, "W", weight),
            ("X", [rows, weight.GetLength(0)]),
            ("Y", [rows, weight.GetLength(1)]));

    /// <summary>Y = X, a graph without a matrix product.</summary>
    public static byte[] Identity(int rows, int k) =>
        Model(
            node => { WriteString(node, 1, "X"); WriteString(node, 2, "Y"); WriteString(node, 4, "Identity"); },
            _ => { },
            ("X", [rows, k]),
            ("Y", [rows, k]));

    private static byte[] Model(Action<MemoryStream> writeNode, Action<MemoryStream> writeInitializers, (string Name, long[] Shape) input, (string Name, long[] Shape) output)
    {
        using var graph = new MemoryStream();
        using (var node = new MemoryStream())
        {
            writeNode(node);
            WriteMessage(graph, 1, node);
        }

        WriteString(graph, 2, "tiny");
        writeInitializers(graph);
        WriteValueInfo(graph, 11, input.Name, input.Shape);
        WriteValueInfo(graph, 12, output.Name, output.Shape);

        using var model = new MemoryStream();
        WriteVarintField(model, 1, 8); // ir_version
        using (var opset = new MemoryStream())
        {
            WriteString(opset, 1, string.Empty);
            WriteVarintField(opset, 2, 13);
            WriteMessage(model, 8, opset);
        }

        WriteMessage(model, 7, graph);
        return model.ToArray();
    }

    private static void WriteFloatTensor(MemoryStream graph, string name, float[,] values)
    {
        using var tensor = new MemoryStream();
        WriteVarintField(tensor, 1, values.GetLength(0));
        WriteVarintField(tensor, 1, values.GetLength(1));
        WriteVarintField(tensor, 2, 1); // FLOAT
        WriteString(tensor, 8, name);
        var raw = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        WriteDelimited(tensor, 9, raw);
        WriteMessage(graph, 5, tensor);
    }

    // ValueInfoProto { name = 1; type = 2 { tensor_type = 1 { elem_type = 1; shape = 2 { dim = 1 { dim_value = 1 } } } } }
    private static void WriteValueInfo(MemoryStream graph, int field, string name, long[] shape)
    {
        using var dims = new MemoryStream();
        foreach (var size in shape)
        {
            using var dim = new MemoryStream();
            WriteVarintField(dim, 1, size);
            WriteMessage(dims, 1, dim);
        }

        using var tensorType = new MemoryStream();
        WriteVarintField(tensorType, 1, 1);
        WriteMessage(tensorType, 2, dims);
        using var type = new MemoryStream();
        WriteMessage(type, 1, tensorType);
        using var info = new MemoryStream();
        WriteString(info, 1, name);
        WriteMessage(info, 2, type);
        WriteMessage(graph, field, info);
    }
}
