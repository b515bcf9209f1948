using System.Buffers;
using System.IO.Compression;
using System.Text;
using MessagePack;

namespace Pipeline.Serialization;

/// <summary>Reads one value from a MessagePack reader.</summary>
internal delegate T MsgPackRead<out T>(ref MessagePackReader reader);

/// <summary>Writes values to a MessagePack writer.</summary>
internal delegate void MsgPackWrite(ref MessagePackWriter writer);

/// <summary>
/// Low-level MessagePack helpers shared by every binary format: writing to a byte array, and reading untrusted
/// bytes so that any malformation surfaces as <see cref="PipelineFormatException"/> naming the source.
/// </summary>
internal static class MsgPack
{
    /// <summary>Upper bound on decompressed payloads, so a crafted file cannot exhaust memory.</summary>
    public const int MaxDecompressedBytes = 1 << 30;

    public static byte[] Write(MsgPackWrite write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new MessagePackWriter(buffer);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads bytes with <paramref name="read"/>, turning every decoding failure into E008.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> data, string source, MsgPackRead<T> read)
    {
        try
        {
            var reader = new MessagePackReader(data);
            var result = read(ref reader);
            if (!reader.End)
            {
                throw new InvalidDataException("unexpected bytes after the end of the data");
            }

            return result;
        }
        catch (PipelineException)
        {
            throw;
        }
        catch (Exception e) when (IsDecodeFailure(e))
        {
            throw Errors.Corrupt(source, e.Message, e);
        }
    }

    public static bool IsDecodeFailure(Exception e) => e is MessagePackSerializationException or EndOfStreamException
        or InvalidOperationException or OverflowException or ArgumentException or FormatException
        or IndexOutOfRangeException or InvalidDataException or DecoderFallbackException or InvalidCastException
        or OutOfMemoryException or KeyNotFoundException or NullReferenceException;

    /// <summary>Reads a format version field, refusing versions newer than <paramref name="supported"/> (E018).</summary>
    public static int ReadFormatVersion(ref MessagePackReader reader, string source, int supported)
    {
        var version = reader.ReadInt32();
        return version <= supported ? version : throw Errors.UnsupportedFormat(source, version, supported);
    }

    public static string ReadString(ref MessagePackReader reader) =>
        reader.ReadString() ?? throw new InvalidDataException("expected a string, found nil");

    public static void WriteStringArray(ref MessagePackWriter writer, IReadOnlyCollection<string> strings)
    {
        writer.WriteArrayHeader(strings.Count);
        foreach (var s in strings)
        {
            writer.Write(s);
        }
    }

    public static string[] ReadStringArray(ref MessagePackReader reader)
    {
        var count = reader.ReadArrayHeader();
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = ReadString(ref reader);
        }

        return result;
    }

    public static byte[] ReadBytes(ref MessagePackReader reader) => ReadBinary(ref reader).ToArray();

    /// <summary>Binary data without a copy when the input is one block of memory (as when read from a file).</summary>
    public static ReadOnlyMemory<byte> ReadBinary(ref MessagePackReader reader) =>
        reader.ReadBytes() is { } bytes
            ? bytes.IsSingleSegment ? bytes.First : bytes.ToArray()
            : throw new InvalidDataException("expected binary data, found nil");

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 3 + 16);
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(data);
        }

        return output.ToArray();
    }
}
