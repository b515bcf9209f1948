using Pipeline.Tokens;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// The DocBin encoding of multiword tokens: per doc a count, then per token its first word, its word count minus
/// two and its surface text as an index into the shared string table. Reading checks every range against its doc.
/// </summary>
internal static class MultiwordCodec
{
    public static void Write(PackedWriter w, MultiwordToken[]? tokens, StringTable table)
    {
        w.WriteVarUInt((ulong)(tokens?.Length ?? 0));
        var previousEnd = 0;
        foreach (var token in tokens ?? [])
        {
            w.WriteVarUInt((ulong)(token.Start - previousEnd));
            w.WriteVarUInt((ulong)(token.End - token.Start - 2));
            w.WriteVarUInt((ulong)table.Add(token.Text));
            previousEnd = token.End;
        }
    }

    /// <summary>Reads one doc's tokens; <paramref name="spaces"/> are the doc's trailing-space flags.</summary>
    public static MultiwordToken[]? Read(ref PackedReader r, string[] table, ReadOnlySpan<byte> spaces)
    {
        var length = spaces.Length;
        var count = r.ReadCount("multiword count", 3);
        if (count == 0)
        {
            return null;
        }

        var tokens = new MultiwordToken[count];
        var previousEnd = 0;
        for (var i = 0; i < count; i++)
        {
            var start = previousEnd + r.ReadInt(length, "multiword start");
            var end = start + 2 + r.ReadInt(length, "multiword length");
            if (end > length)
            {
                throw r.Invalid($"multiword token {start}-{end} is outside its doc of {length} words");
            }

            for (var k = start; k < end - 1; k++)
            {
                if (spaces[k] != 0)
                {
                    throw r.Invalid($"multiword token {start}-{end} has a space inside");
                }
            }

            var text = table.Length == 0 ? throw r.Invalid("a multiword token refers to an empty string table") : table[r.ReadInt(table.Length - 1, "multiword text")];
            tokens[i] = new MultiwordToken(start, end, text);
            previousEnd = end;
        }

        return tokens;
    }
}
