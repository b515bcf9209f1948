using static Pipeline.Transformers.OnnxProtobuf;

namespace Pipeline.Transformers;

/// <summary>What the graph rewrites read of an ONNX <c>NodeProto</c>: its operator, domain, name, inputs and outputs.</summary>
internal sealed record OnnxNode(string Op, string Domain, string Name, string[] Inputs, string[] Outputs)
{
    /// <summary>The node whose message is <c>model[start..end]</c>.</summary>
    public static OnnxNode Read(byte[] model, int start, int end)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        string op = string.Empty, domain = string.Empty, name = string.Empty;
        foreach (var n in Fields(model, start, end).Where(f => f.Wire == Delimited))
        {
            switch (n.Field)
            {
                case 1: inputs.Add(Text(model, n.Start, n.End)); break;
                case 2: outputs.Add(Text(model, n.Start, n.End)); break;
                case 3: name = Text(model, n.Start, n.End); break;
                case 4: op = Text(model, n.Start, n.End); break;
                case 7: domain = Text(model, n.Start, n.End); break;
            }
        }

        return new OnnxNode(op, domain, name, [.. inputs], [.. outputs]);
    }
}
