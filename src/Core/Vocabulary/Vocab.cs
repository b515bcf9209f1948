using System.Collections.Concurrent;
using MessagePack;
using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline;

/// <summary>
/// The shared vocabulary of a pipeline: its <see cref="StringStore"/> and the lexical attributes of each word
/// type. Every doc made by a pipeline refers to its vocab; safe for concurrent use.
/// </summary>
public sealed class Vocab : IByteSerializable
{
    // Version 2 stores the strings front-coded (FrontCodedStrings); version 1 stored a MessagePack array, which still loads.
    private const int FormatVersion = 2;
    private const string StringsFile = "strings.bin";
    private readonly ConcurrentDictionary<ulong, Lexeme> _lexemes = new();

    /// <summary>Creates an empty vocabulary.</summary>
    public Vocab(string lang = "xx")
    {
        Lang = lang;
    }

    /// <summary>The language code the vocabulary belongs to.</summary>
    public string Lang { get; }

    /// <summary>The string-to-hash table shared by all docs of this vocabulary.</summary>
    public StringStore Strings { get; private set; } = new();

    /// <summary>The lexeme of a word text, added if new.</summary>
    public Lexeme this[string text] => GetLexeme(Strings.Add(text));

    /// <summary>The lexeme of a word hash; the text must be in <see cref="Strings"/>.</summary>
    public Lexeme GetLexeme(ulong orth)
    {
        if (_lexemes.TryGetValue(orth, out var lexeme))
        {
            return lexeme;
        }

        var built = LexemeBuilder.Build(Strings, orth, Strings[orth]);
        return _lexemes.GetOrAdd(orth, built);
    }

    /// <summary>The vocabulary's strings as bytes.</summary>
    public byte[] ToBytes() => MsgPack.Write((ref MessagePackWriter w) =>
    {
        w.WriteMapHeader(2);
        w.Write("format");
        w.Write(FormatVersion);
        w.Write("strings");
        w.Write(FrontCodedStrings.Write(Strings));
    });

    /// <summary>Adds the strings written by <see cref="ToBytes"/> to this vocabulary.</summary>
    public void FromBytes(byte[] data) => Read(data, "vocab bytes");

    /// <summary>Writes <c>strings.bin</c> into <paramref name="directory"/>.</summary>
    public void ToDisk(string directory) => AtomicFile.WriteAllBytes(Path.Combine(directory, StringsFile), ToBytes());

    /// <summary>Adds the strings saved in <paramref name="directory"/>.</summary>
    public void FromDisk(string directory)
    {
        var file = Path.Combine(directory, StringsFile);
        if (!File.Exists(file))
        {
            throw Errors.ComponentDataMissing("vocab", file);
        }

        Read(InputFiles.ReadAllBytes(file, InputFiles.DataBytes, "the vocabulary file"), file);
    }

    private void Read(byte[] data, string source)
    {
        var strings = MsgPack.Read(data, source, (ref MessagePackReader r) =>
        {
            IReadOnlyList<string>? result = null;
            var fields = r.ReadMapHeader();
            for (var i = 0; i < fields; i++)
            {
                switch (MsgPack.ReadString(ref r))
                {
                    case "format":
                        MsgPack.ReadFormatVersion(ref r, source, FormatVersion);
                        break;
                    case "strings":
                        result = r.NextMessagePackType == MessagePackType.Binary
                            ? FrontCodedStrings.Read(MsgPack.ReadBinary(ref r).Span)
                            : MsgPack.ReadStringArray(ref r);
                        break;
                    default:
                        r.Skip();
                        break;
                }
            }

            return result ?? throw new InvalidDataException("the 'strings' field is missing");
        });
        foreach (var s in strings)
        {
            Strings.Add(s);
        }
    }
}
