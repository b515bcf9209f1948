using Pipeline.Tokens;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// The tagged encoding of cats and user data in a DocBin. Values keep their .NET type: null, bool, int, long,
/// ulong, float, double, string, byte[], and <c>List&lt;object?&gt;</c>, <c>object?[]</c> and
/// <c>Dictionary&lt;string, object?&gt;</c> of these. Strings go to the shared <see cref="StringTable"/>.
/// </summary>
internal static class UserDataCodec
{
    /// <summary>How deeply lists and dictionaries may nest; also stops self-containing values.</summary>
    public const int MaxDepth = 64;

    private const byte TagNull = 0;
    private const byte TagFalse = 1;
    private const byte TagTrue = 2;
    private const byte TagInt = 3;
    private const byte TagLong = 4;
    private const byte TagULong = 5;
    private const byte TagFloat = 6;
    private const byte TagDouble = 7;
    private const byte TagString = 8;
    private const byte TagBytes = 9;
    private const byte TagList = 10;
    private const byte TagArray = 11;
    private const byte TagDictionary = 12;

    /// <summary>Collections grow as items are read, so a forged count cannot reserve memory up front.</summary>
    private const int InitialCapacity = 64;

    public static void WriteCats(PackedWriter w, KeyValuePair<string, double>[]? cats, StringTable table)
    {
        w.WriteVarUInt((ulong)(cats?.Length ?? 0));
        foreach (var (label, score) in cats ?? [])
        {
            WriteString(w, label, table);
            w.WriteDouble(score);
        }
    }

    public static void WriteUserData(PackedWriter w, KeyValuePair<UserDataKey, object?>[]? entries, StringTable table)
    {
        w.WriteVarUInt((ulong)(entries?.Length ?? 0));
        foreach (var (key, value) in entries ?? [])
        {
            WriteString(w, key.Namespace, table);
            WriteString(w, key.Name, table);
            w.WriteVarInt(key.Start);
            w.WriteVarInt(key.End);
            WriteValue(w, value, table, key.Name ?? string.Empty, 0);
        }
    }

    public static KeyValuePair<string, double>[]? ReadCats(ref PackedReader r, string[] table)
    {
        var count = r.ReadCount("cat count", 9);
        if (count == 0)
        {
            return null;
        }

        var cats = new KeyValuePair<string, double>[count];
        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var label = ReadString(ref r, table) ?? throw r.Invalid("a cat label is null");
            cats[i] = new(seen.Add(label) ? label : throw r.Invalid($"cat '{label}' appears twice"), r.ReadDouble());
        }

        return cats;
    }

    public static KeyValuePair<UserDataKey, object?>[]? ReadUserData(ref PackedReader r, string[] table)
    {
        var count = r.ReadCount("user data count", 5);
        if (count == 0)
        {
            return null;
        }

        var entries = new KeyValuePair<UserDataKey, object?>[count];
        var seen = new HashSet<UserDataKey>(count);
        for (var i = 0; i < count; i++)
        {
            var key = new UserDataKey(ReadString(ref r, table)!, ReadString(ref r, table)!, r.ReadSignedInt("key start"), r.ReadSignedInt("key end"));
            if (!seen.Add(key))
            {
                throw r.Invalid($"user data key '{key.Name}' appears twice");
            }

            entries[i] = new(key, ReadValue(ref r, table, 0));
        }

        return entries;
    }

    /// <summary>Copies lists, arrays, dictionaries and byte arrays so that every doc read from a bin owns its values.</summary>
    public static object? Clone(object? value, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return value;
        }

        switch (value)
        {
            case byte[] bytes:
                return bytes.Clone();
            case List<object?> list when list.GetType() == typeof(List<object?>):
                var copy = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    copy.Add(Clone(item, depth + 1));
                }

                return copy;
            case object?[] array when array.GetType() == typeof(object[]):
                var arrayCopy = new object?[array.Length];
                for (var i = 0; i < array.Length; i++)
                {
                    arrayCopy[i] = Clone(array[i], depth + 1);
                }

                return arrayCopy;
            case Dictionary<string, object?> dict when dict.GetType() == typeof(Dictionary<string, object?>):
                var dictCopy = new Dictionary<string, object?>(dict.Count, dict.Comparer);
                foreach (var (k, v) in dict)
                {
                    dictCopy[k] = Clone(v, depth + 1);
                }

                return dictCopy;
            default:
                return value;
        }
    }

    private static void WriteString(PackedWriter w, string? text, StringTable table) => w.WriteVarUInt(text switch
    {
        null => 0UL,
        "" => 1UL,
        _ => (ulong)table.Add(text) + 2,
    });

    private static string? ReadString(ref PackedReader r, string[] table)
    {
        var code = r.ReadInt(table.Length + 1, "string reference");
        return code switch
        {
            0 => null,
            1 => string.Empty,
            _ => table[code - 2],
        };
    }

    private static void WriteValue(PackedWriter w, object? value, StringTable table, string key, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Errors.UserDataTooDeep(key, MaxDepth);
        }

        switch (value)
        {
            case null:
                w.WriteByte(TagNull);
                break;
            case bool b:
                w.WriteByte(b ? TagTrue : TagFalse);
                break;
            case int i:
                w.WriteByte(TagInt);
                w.WriteVarInt(i);
                break;
            case long l:
                w.WriteByte(TagLong);
                w.WriteVarInt(l);
                break;
            case ulong u:
                w.WriteByte(TagULong);
                w.WriteVarUInt(u);
                break;
            case float f:
                w.WriteByte(TagFloat);
                w.WriteSingle(f);
                break;
            case double d:
                w.WriteByte(TagDouble);
                w.WriteDouble(d);
                break;
            case string s:
                w.WriteByte(TagString);
                WriteString(w, s, table);
                break;
            case byte[] bytes:
                w.WriteByte(TagBytes);
                w.WriteVarUInt((ulong)bytes.Length);
                w.WriteBytes(bytes);
                break;
            case List<object?> list when list.GetType() == typeof(List<object?>):
                w.WriteByte(TagList);
                w.WriteVarUInt((ulong)list.Count);
                foreach (var item in list)
                {
                    WriteValue(w, item, table, key, depth + 1);
                }

                break;
            case object?[] array when array.GetType() == typeof(object[]):
                w.WriteByte(TagArray);
                w.WriteVarUInt((ulong)array.Length);
                foreach (var item in array)
                {
                    WriteValue(w, item, table, key, depth + 1);
                }

                break;
            case Dictionary<string, object?> dict when dict.GetType() == typeof(Dictionary<string, object?>):
                w.WriteByte(TagDictionary);
                w.WriteVarUInt((ulong)dict.Count);
                foreach (var (k, v) in dict)
                {
                    WriteString(w, k, table);
                    WriteValue(w, v, table, key, depth + 1);
                }

                break;
            default:
                throw Errors.ExtensionValueNotSerializable(key, value.GetType());
        }
    }

    private static object? ReadValue(ref PackedReader r, string[] table, int depth)
    {
        if (depth > MaxDepth)
        {
            throw r.Invalid($"user data nests deeper than {MaxDepth} levels");
        }

        var tag = r.ReadByte();
        switch (tag)
        {
            case TagNull:
                return null;
            case TagFalse:
                return false;
            case TagTrue:
                return true;
            case TagInt:
                return r.ReadSignedInt("int value");
            case TagLong:
                return r.ReadVarInt();
            case TagULong:
                return r.ReadVarUInt();
            case TagFloat:
                return r.ReadSingle();
            case TagDouble:
                return r.ReadDouble();
            case TagString:
                return ReadString(ref r, table) ?? throw r.Invalid("a string value is null");
            case TagBytes:
                return r.ReadBytes(r.ReadCount("byte array length")).ToArray();
            case TagList:
                return ReadItems(ref r, table, depth);
            case TagArray:
                return ReadItems(ref r, table, depth).ToArray();
            case TagDictionary:
                var size = r.ReadCount("dictionary size", 2);
                var dict = new Dictionary<string, object?>(Math.Min(size, InitialCapacity), StringComparer.Ordinal);
                for (var i = 0; i < size; i++)
                {
                    var k = ReadString(ref r, table) ?? throw r.Invalid("a dictionary key is null");
                    if (!dict.TryAdd(k, ReadValue(ref r, table, depth + 1)))
                    {
                        throw r.Invalid($"dictionary key '{k}' appears twice");
                    }
                }

                return dict;
            default:
                throw r.Invalid($"unknown value tag {tag}");
        }
    }

    private static List<object?> ReadItems(ref PackedReader r, string[] table, int depth)
    {
        var count = r.ReadCount("list length");
        var list = new List<object?>(Math.Min(count, InitialCapacity));
        for (var i = 0; i < count; i++)
        {
            list.Add(ReadValue(ref r, table, depth + 1));
        }

        return list;
    }
}
