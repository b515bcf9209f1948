namespace Pipeline.Serialization.DocBin;

/// <summary>The field names of the DocBin MessagePack payload and envelope.</summary>
internal static class DocBinFields
{
    public const string Kind = "kind";
    public const string KindValue = "docbin";
    public const string Format = "format";
    public const string Codec = "codec";
    public const string Size = "size";
    public const string Payload = "payload";
    public const string Attrs = "attrs";
    public const string StoreUserData = "store_user_data";
    public const string DocCount = "doc_count";
    public const string TokenCount = "token_count";
    public const string DocLengths = "doc_lengths";
    public const string DocFlags = "doc_flags";
    public const string StringCount = "string_count";
    public const string StringLengths = "string_lengths";
    public const string StringData = "string_data";
    public const string Columns = "columns";
    public const string Dictionaries = "dictionaries";
    public const string Cats = "cats";
    public const string UserData = "user_data";
    public const string Multiwords = "multiwords";
}
