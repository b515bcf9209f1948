using System.Buffers;
using System.IO.Compression;
using MessagePack;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// The outer layer of DocBin bytes: a MessagePack map naming the kind, format version, codec and payload size, then
/// the Brotli-compressed payload (strings, dictionaries, per-doc data) and the token columns, which are
/// entropy-coded already (<see cref="CodeStream"/>) and so stored as they are. The declared size caps decompression.
/// </summary>
internal static class DocBinEnvelope
{
    /// <summary>
    /// The newest payload layout this code writes and reads. Version 2 added the per-token Norm column; version 1
    /// bytes (which never list it) are still read.
    /// </summary>
    public const int FormatVersion = 2;

    /// <summary>Brotli quality for payloads of 64 KiB and more: quality 5 and up cost several times as much for under 1% smaller.</summary>
    public const int Quality = 4;

    /// <summary>Brotli quality for smaller payloads, where the fixed cost of quality 4 dominates and the sizes barely differ.</summary>
    public const int SmallQuality = 2;

    private const string Brotli = "brotli";
    private const string None = "none";

    /// <summary>Compresses <paramref name="payload"/> and wraps it with the named column blobs.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> payload, IReadOnlyList<(string Name, ReadOnlyMemory<byte> Blob)> columns)
    {
        var compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(payload.Length));
        try
        {
            var window = Math.Clamp(System.Numerics.BitOperations.Log2((uint)Math.Max(payload.Length, 1) - 1) + 1, 10, 24);
            var useBrotli = BrotliEncoder.TryCompress(payload, compressed, out var written, payload.Length < 1 << 16 ? SmallQuality : Quality, window) && written < payload.Length;
            var body = useBrotli ? compressed.AsSpan(0, written) : payload;
            var output = new ArrayBufferWriter<byte>(body.Length + 64 + columns.Sum(c => c.Blob.Length + 16));
            var w = new MessagePackWriter(output);
            w.WriteMapHeader(6);
            w.Write(DocBinFields.Kind);
            w.Write(DocBinFields.KindValue);
            w.Write(DocBinFields.Format);
            w.Write(FormatVersion);
            w.Write(DocBinFields.Codec);
            w.Write(useBrotli ? Brotli : None);
            w.Write(DocBinFields.Size);
            w.Write(payload.Length);
            w.Write(DocBinFields.Payload);
            w.Write(body);
            w.Write(DocBinFields.Columns);
            w.WriteMapHeader(columns.Count);
            foreach (var (name, blob) in columns)
            {
                w.Write(name);
                w.Write(blob.Span);
            }

            w.Flush();
            return output.WrittenSpan.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    /// <summary>How many leading bytes <see cref="HasSignature"/> looks at.</summary>
    public const int SignatureLength = 13;

    /// <summary>
    /// Whether <paramref name="start"/> (a file's first bytes) begins like a DocBin: a MessagePack map whose first
    /// entry is "kind": "docbin". Lets text readers tell a DocBin from a corpus without parsing it.
    /// </summary>
    public static bool HasSignature(ReadOnlySpan<byte> start) =>
        start.Length >= SignatureLength && (start[0] & 0xF0) == 0x80 && start[1] == 0xA0 + DocBinFields.Kind.Length &&
        start[2..6].SequenceEqual("kind"u8) && start[6] == 0xA0 + DocBinFields.KindValue.Length && start[7..13].SequenceEqual("docbin"u8);

    /// <summary>
    /// Checks the envelope and returns the uncompressed payload and the column blobs (slices of
    /// <paramref name="data"/>). <paramref name="rented"/> is a pooled buffer the caller must return (null when the
    /// payload was stored uncompressed).
    /// </summary>
    public static ReadOnlyMemory<byte> Unwrap(
        ReadOnlyMemory<byte> data, string source, out byte[]? rented, out List<(string Name, ReadOnlyMemory<byte> Blob)> columns)
    {
        var (codec, size, body, blobs) = MsgPack.Read(data, source, (ref MessagePackReader r) => ReadEnvelope(ref r, source));
        columns = blobs;
        rented = null;
        if (codec == None)
        {
            return body.Length == size ? body : throw Errors.Corrupt(source, $"the payload has {body.Length} bytes, not the declared {size}");
        }

        // The declared size is a claim: a small body can expand to gigabytes (a decompression bomb). So the body is
        // first decompressed into a small scratch buffer, counting, and stops as soon as it passes the declared size
        // (which the header check holds to the cap); only a body proven to expand to exactly that size gets a buffer.
        Measure(body.Span, size, source);
        rented = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        try
        {
            return rented.AsMemory(0, Decompress(body.Span, rented.AsSpan(0, size), source));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(rented);
            rented = null;
            throw;
        }
    }

    private static (string Codec, int Size, ReadOnlyMemory<byte> Body, List<(string, ReadOnlyMemory<byte>)> Columns) ReadEnvelope(
        ref MessagePackReader r, string source)
    {
        var fields = r.ReadMapHeader();
        if (fields < 2 || MsgPack.ReadString(ref r) != DocBinFields.Kind || r.ReadString() != DocBinFields.KindValue)
        {
            throw new InvalidDataException("these bytes are not a DocBin (no \"kind\": \"docbin\" header)");
        }

        if (MsgPack.ReadString(ref r) != DocBinFields.Format)
        {
            throw new InvalidDataException("the format version is missing");
        }

        var version = r.ReadInt32();
        if (version > FormatVersion)
        {
            throw Errors.UnsupportedFormat(source, version, FormatVersion);
        }

        if (version < 1 || fields != 6)
        {
            throw new InvalidDataException($"format version {version} with {fields} header fields is not a valid DocBin");
        }

        string? codec = null;
        var size = -1;
        ReadOnlyMemory<byte>? body = null;
        List<(string, ReadOnlyMemory<byte>)>? columns = null;
        for (var i = 2; i < fields; i++)
        {
            switch (MsgPack.ReadString(ref r))
            {
                case DocBinFields.Codec when codec is null:
                    codec = MsgPack.ReadString(ref r);
                    break;
                case DocBinFields.Size when size < 0:
                    size = r.ReadInt32();
                    break;
                case DocBinFields.Payload when body is null:
                    body = DocBinReader.ReadBin(ref r);
                    break;
                case DocBinFields.Columns when columns is null:
                    var count = r.ReadMapHeader();
                    columns = new List<(string, ReadOnlyMemory<byte>)>(Math.Min(count, 32));
                    for (var c = 0; c < count; c++)
                    {
                        columns.Add((MsgPack.ReadString(ref r), DocBinReader.ReadBin(ref r)));
                    }

                    break;
                default:
                    throw new InvalidDataException("unexpected or repeated header field");
            }
        }

        if (size > MsgPack.MaxDecompressedBytes)
        {
            throw Errors.DecompressedTooLarge(source, $"the DocBin payload (declared size {size:N0} bytes)", MsgPack.MaxDecompressedBytes);
        }

        if (codec is not (Brotli or None) || size < 0 || body is null || columns is null)
        {
            throw new InvalidDataException($"bad header (codec '{codec}', size {size})");
        }

        return (codec, size, body.Value, columns);
    }

    // Decompresses the body without keeping it: E163 once it yields more than the declared size (or the cap), E008
    // when it yields less or is damaged. Memory use is one 64 KiB scratch buffer, whatever the body claims.
    private static void Measure(ReadOnlySpan<byte> body, int size, string source)
    {
        using var decoder = new BrotliDecoder();
        var scratch = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var consumed = 0;
            long written = 0;
            while (true)
            {
                var status = decoder.Decompress(body[consumed..], scratch, out var read, out var produced);
                consumed += read;
                written += produced;
                if (written > size)
                {
                    throw written > MsgPack.MaxDecompressedBytes
                        ? Errors.DecompressedTooLarge(source, "the DocBin payload", MsgPack.MaxDecompressedBytes)
                        : Errors.Corrupt(source, $"the payload decompresses to more than the declared {size} bytes");
                }

                switch (status)
                {
                    case OperationStatus.Done when written == size && consumed == body.Length:
                        return;
                    case OperationStatus.Done:
                        throw Errors.Corrupt(source, $"the payload decompresses to {written} bytes, not the declared {size}");
                    case OperationStatus.DestinationTooSmall:
                        break;
                    default:
                        throw Errors.Corrupt(source, "the compressed payload is damaged or cut off");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    // Decompresses the body, measured to expand to exactly the destination's length, into the destination.
    private static int Decompress(ReadOnlySpan<byte> body, Span<byte> destination, string source)
    {
        using var decoder = new BrotliDecoder();
        var status = decoder.Decompress(body, destination, out var consumed, out var written);
        return status == OperationStatus.Done && written == destination.Length && consumed == body.Length
            ? written
            : throw Errors.Corrupt(source, "the compressed payload is damaged or cut off");
    }
}
