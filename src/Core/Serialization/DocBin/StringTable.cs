using System.Text;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// The strings of a DocBin being written, each stored once: column dictionaries, cat labels, user-data keys and
/// string values refer to them by index. Written as UTF-8 bytes plus one varint length per string.
/// </summary>
internal sealed class StringTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly HashIndex _index = new(1024);
    private readonly List<string> _strings = new(1024);

    /// <summary>The number of strings.</summary>
    public int Count => _strings.Count;

    /// <summary>The index of a non-empty string whose <see cref="StringStore"/> hash is already known, added if new.</summary>
    public int Add(ulong hash, string text)
    {
        var found = _index.Find(hash);
        if (found >= 0 && string.Equals(_strings[found], text, StringComparison.Ordinal))
        {
            return found;
        }

        _strings.Add(text);
        if (found < 0)
        {
            _index.Add(hash, _strings.Count - 1);
        }

        return _strings.Count - 1;
    }

    /// <summary>The index of a non-empty string, added if new.</summary>
    public int Add(string text) => Add(StringStore.Hash(text), text);

    /// <summary>Writes the UTF-8 bytes of all strings to <paramref name="data"/> and their byte lengths to <paramref name="lengths"/>.</summary>
    public void Write(PackedWriter lengths, PackedWriter data)
    {
        foreach (var text in _strings)
        {
            var span = data.Reserve(StrictUtf8.GetMaxByteCount(text.Length));
            int written;
            try
            {
                written = StrictUtf8.GetBytes(text, span);
            }
            catch (EncoderFallbackException)
            {
                throw Errors.UnpairedSurrogate("String", text);
            }

            data.Advance(written);
            lengths.WriteVarUInt((ulong)written);
        }
    }

    /// <summary>Decodes strict UTF-8 (invalid sequences throw, so corrupt tables are detected).</summary>
    public static string Decode(ReadOnlySpan<byte> utf8) => StrictUtf8.GetString(utf8);
}
