using MessagePack;

namespace Pipeline.Serialization;

/// <summary>Reads the value of one key of a MessagePack map; false when the key is unknown (its value is then skipped).</summary>
internal delegate bool MsgPackField(ref MessagePackReader reader, string key);

/// <summary>
/// The one loop over a MessagePack map with string keys that every binary format shares: each key goes to a
/// reader (a switch on the key), and the values of keys it does not know are skipped, so newer writers may add
/// fields that older readers pass over.
/// </summary>
internal static class MsgPackMap
{
    /// <summary>Reads a map, calling <paramref name="field"/> for each key in the order written.</summary>
    public static void Read(ref MessagePackReader reader, MsgPackField field)
    {
        var fields = reader.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            var key = MsgPack.ReadString(ref reader);
            if (!field(ref reader, key))
            {
                reader.Skip();
            }
        }
    }

    /// <summary>Reads an array header that must announce <paramref name="fields"/> values (<paramref name="what"/> names the entry in the error).</summary>
    public static void ReadTuple(ref MessagePackReader reader, int fields, string what)
    {
        var found = reader.ReadArrayHeader();
        if (found != fields)
        {
            throw new InvalidDataException($"{what} must have {fields} fields, found {found}");
        }
    }
}
