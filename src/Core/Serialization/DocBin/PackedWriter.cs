using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// Writes the packed columns of a DocBin: LEB128 varints, raw bytes and little-endian floats into a growable
/// buffer rented from the shared pool. Dispose returns the buffer.
/// </summary>
internal sealed class PackedWriter : IDisposable
{
    private byte[] _buffer;

    public PackedWriter(int capacity = 256)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));
    }

    /// <summary>The number of bytes written.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    /// <summary>The bytes written, as memory (valid until the writer grows or is disposed).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Length);

    /// <summary>Makes room for <paramref name="count"/> more bytes and returns the buffer and write position.</summary>
    public Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            var size = (int)Math.Min(Array.MaxLength, Math.Max(Length + (long)count, 2L * _buffer.Length));
            var bigger = ArrayPool<byte>.Shared.Rent(size);
            _buffer.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        return _buffer.AsSpan(Length);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the last <see cref="Reserve"/> as written.</summary>
    public void Advance(int count) => Length += count;

    public void WriteByte(byte value)
    {
        Reserve(1)[0] = value;
        Length++;
    }

    public void WriteVarUInt(ulong value)
    {
        var span = Reserve(10);
        Length += WriteVarUInt(span, 0, value);
    }

    public void WriteVarInt(long value) => WriteVarUInt(ZigZag(value));

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);
        Length += 8;
    }

    public void WriteSingle(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);
        Length += 4;
    }

    /// <summary>Writes a LEB128 varint at <paramref name="pos"/> and returns the number of bytes used (1-10).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteVarUInt(Span<byte> span, int pos, ulong value)
    {
        var start = pos;
        while (value >= 0x80)
        {
            span[pos++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[pos++] = (byte)value;
        return pos - start;
    }

    /// <summary>Maps signed to unsigned so that small magnitudes stay small: 0, -1, 1, -2 become 0, 1, 2, 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
