using MessagePack;
using Pipeline.Tokens;

namespace Pipeline.Serialization.DocBin;

/// <summary>The fields of a DocBin payload map as read, before they are decoded; refuses unknown or repeated fields.</summary>
internal sealed class DocBinPayload
{
    public Attr[]? Attrs { get; private set; }

    public bool? StoreUserData { get; private set; }

    public int? DocCount { get; private set; }

    public int? TokenCount { get; private set; }

    public int? StringCount { get; private set; }

    public ReadOnlyMemory<byte>? DocLengths { get; private set; }

    public ReadOnlyMemory<byte>? DocFlags { get; private set; }

    public ReadOnlyMemory<byte>? StringLengths { get; private set; }

    public ReadOnlyMemory<byte>? StringData { get; private set; }

    public ReadOnlyMemory<byte>? Cats { get; private set; }

    public ReadOnlyMemory<byte>? UserData { get; private set; }

    public ReadOnlyMemory<byte>? Multiwords { get; private set; }

    /// <summary>The dictionary of each string column.</summary>
    public Dictionary<Attr, ReadOnlyMemory<byte>> Dictionaries { get; } = [];

    private bool HasDictionaries { get; set; }

    public void ReadField(ref MessagePackReader r, Dictionary<string, Attr> attrsByName)
    {
        var name = MsgPack.ReadString(ref r);
        switch (name)
        {
            case DocBinFields.Attrs when Attrs is null:
                Attrs = ReadAttrs(ref r, attrsByName);
                break;
            case DocBinFields.StoreUserData when StoreUserData is null:
                StoreUserData = r.ReadBoolean();
                break;
            case DocBinFields.DocCount when DocCount is null:
                DocCount = Count(r.ReadInt32(), name);
                break;
            case DocBinFields.TokenCount when TokenCount is null:
                TokenCount = Count(r.ReadInt32(), name);
                break;
            case DocBinFields.StringCount when StringCount is null:
                StringCount = Count(r.ReadInt32(), name);
                break;
            case DocBinFields.DocLengths when DocLengths is null:
                DocLengths = DocBinReader.ReadBin(ref r);
                break;
            case DocBinFields.DocFlags when DocFlags is null:
                DocFlags = DocBinReader.ReadBin(ref r);
                break;
            case DocBinFields.StringLengths when StringLengths is null:
                StringLengths = DocBinReader.ReadBin(ref r);
                break;
            case DocBinFields.StringData when StringData is null:
                StringData = DocBinReader.ReadBin(ref r);
                break;
            case DocBinFields.Cats when Cats is null:
                Cats = DocBinReader.ReadBin(ref r);
                break;
            case DocBinFields.UserData when UserData is null:
                UserData = DocBinReader.ReadBin(ref r);
                break;
            case DocBinFields.Multiwords when Multiwords is null:
                Multiwords = DocBinReader.ReadBin(ref r);
                break;
            case DocBinFields.Dictionaries when !HasDictionaries:
                HasDictionaries = true;
                var count = r.ReadMapHeader();
                for (var i = 0; i < count; i++)
                {
                    var attr = ParseAttr(MsgPack.ReadString(ref r), attrsByName);
                    if (!Dictionaries.TryAdd(attr, DocBinReader.ReadBin(ref r)))
                    {
                        throw new InvalidDataException($"dictionary {attr} appears twice");
                    }
                }

                break;
            default:
                throw new InvalidDataException($"unexpected or repeated field '{name}'");
        }
    }

    private static int Count(int value, string field) =>
        value >= 0 ? value : throw new InvalidDataException($"'{field}' is negative ({value})");

    private static Attr ParseAttr(string name, Dictionary<string, Attr> attrsByName) =>
        attrsByName.TryGetValue(name, out var attr) ? attr : throw new InvalidDataException($"unknown attribute '{name}'");

    private static Attr[] ReadAttrs(ref MessagePackReader r, Dictionary<string, Attr> attrsByName)
    {
        var count = r.ReadArrayHeader();
        if (count > attrsByName.Count)
        {
            throw new InvalidDataException($"{count} attributes listed, there are only {attrsByName.Count}");
        }

        var set = new SortedSet<Attr>();
        for (var i = 0; i < count; i++)
        {
            var attr = ParseAttr(MsgPack.ReadString(ref r), attrsByName);
            if (!set.Add(attr))
            {
                throw new InvalidDataException($"attribute {attr} is listed twice");
            }
        }

        return set.Contains(Attr.Orth) && set.Contains(Attr.Spacy)
            ? [.. set]
            : throw new InvalidDataException("the attributes lack Orth or Spacy");
    }
}
