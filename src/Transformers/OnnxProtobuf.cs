using System.Text;

namespace Pipeline.Transformers;

/// <summary>
/// The little of the protobuf wire format that editing an ONNX model in memory needs: walking a message's fields
/// (as byte ranges of the model, nothing copied) and writing varints and length-delimited fields. Malformed bytes
/// end the walk early rather than throwing; ONNX Runtime then reports the graph itself.
/// </summary>
internal static class OnnxProtobuf
{
    /// <summary>Wire type of varint fields.</summary>
    public const int Varint = 0;

    /// <summary>Wire type of length-delimited fields (messages, strings, bytes, packed arrays).</summary>
    public const int Delimited = 2;

    /// <summary>
    /// The fields of the message in <c>b[start..end]</c>: number, wire type, where the field's tag starts, and its
    /// payload (a varint's value for wire type 0; the bytes for wire type 2; the raw bytes for fixed sizes).
    /// </summary>
    public static IEnumerable<(int Field, int Wire, int TagStart, int Start, int End, ulong Value)> Fields(byte[] b, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var tagStart = i;
            var key = ReadVarint(b, ref i, end);
            var (field, wire) = ((int)(key >> 3), (int)(key & 7));
            switch (wire)
            {
                case Varint:
                    var valueStart = i;
                    var value = ReadVarint(b, ref i, end);
                    yield return (field, wire, tagStart, valueStart, i, value);
                    break;
                case 1 or 5:
                    var size = wire == 1 ? 8 : 4;
                    if (size > end - i)
                    {
                        yield break;
                    }

                    yield return (field, wire, tagStart, i, i + size, 0);
                    i += size;
                    break;
                case Delimited:
                    var length = ReadVarint(b, ref i, end);
                    if (length > (ulong)(end - i))
                    {
                        yield break;
                    }

                    yield return (field, wire, tagStart, i, i + (int)length, length);
                    i += (int)length;
                    break;
                default:
                    yield break;
            }
        }
    }

    /// <summary>The payload of a length-delimited field as UTF-8 text.</summary>
    public static string Text(byte[] b, int start, int end) => Encoding.UTF8.GetString(b, start, end - start);

    /// <summary>The varints of a repeated integer field, packed (one length-delimited field) or not.</summary>
    public static void AddVarints(byte[] b, (int Field, int Wire, int TagStart, int Start, int End, ulong Value) field, List<long> values)
    {
        if (field.Wire == Varint)
        {
            values.Add((long)field.Value);
            return;
        }

        for (var i = field.Start; i < field.End;)
        {
            values.Add((long)ReadVarint(b, ref i, field.End));
        }
    }

    /// <summary>Reads a varint at <paramref name="i"/>, advancing it.</summary>
    public static ulong ReadVarint(byte[] b, ref int i, int end)
    {
        ulong value = 0;
        for (var shift = 0; i < end && shift < 64; shift += 7)
        {
            var c = b[i++];
            value |= (ulong)(c & 0x7f) << shift;
            if (c < 0x80)
            {
                return value;
            }
        }

        return value;
    }

    /// <summary>Writes a varint.</summary>
    public static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    /// <summary>Writes a varint field (tag and value).</summary>
    public static void WriteVarintField(Stream stream, int field, long value)
    {
        WriteVarint(stream, (ulong)field << 3);
        WriteVarint(stream, (ulong)value);
    }

    /// <summary>Writes a length-delimited field (tag, length, payload).</summary>
    public static void WriteDelimited(Stream stream, int field, ReadOnlySpan<byte> payload)
    {
        WriteVarint(stream, ((ulong)field << 3) | Delimited);
        WriteVarint(stream, (ulong)payload.Length);
        stream.Write(payload);
    }

    /// <summary>Writes a string field.</summary>
    public static void WriteString(Stream stream, int field, string text) => WriteDelimited(stream, field, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes a field holding the message built in <paramref name="message"/>.</summary>
    public static void WriteMessage(Stream stream, int field, MemoryStream message)
    {
        WriteVarint(stream, ((ulong)field << 3) | Delimited);
        WriteVarint(stream, (ulong)message.Length);
        message.WriteTo(stream);
    }
}
