using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// Reads what <see cref="PackedWriter"/> wrote, from untrusted bytes: every read is bounds-checked and every
/// malformation throws <see cref="InvalidDataException"/> (turned into E008 by <see cref="MsgPack.Read{T}"/>).
/// </summary>
internal ref struct PackedReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _what;
    private int _pos;

    public PackedReader(ReadOnlySpan<byte> data, string what)
    {
        _data = data;
        _what = what;
        _pos = 0;
    }

    /// <summary>The number of bytes not read yet.</summary>
    public readonly int Remaining => _data.Length - _pos;

    /// <summary>The unread bytes.</summary>
    public readonly ReadOnlySpan<byte> Rest => _data[_pos..];

    /// <summary>Skips bytes the caller decoded from <see cref="Rest"/> itself.</summary>
    public void Advance(int count) => _pos += count;

    public byte ReadByte()
    {
        if (_pos >= _data.Length)
        {
            throw Truncated();
        }

        return _data[_pos++];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadVarUInt()
    {
        if (_pos < _data.Length && _data[_pos] < 0x80)
        {
            return _data[_pos++];
        }

        return ReadVarUIntSlow();
    }

    public long ReadVarInt()
    {
        var v = ReadVarUInt();
        return (long)(v >> 1) ^ -(long)(v & 1);
    }

    /// <summary>Reads a varint that must fit in [0, <paramref name="max"/>].</summary>
    public int ReadInt(int max, string field)
    {
        var v = ReadVarUInt();
        return v <= (ulong)max ? (int)v : throw Invalid($"{field} {v} is out of range (at most {max})");
    }

    /// <summary>Reads a signed varint that must fit in an int.</summary>
    public int ReadSignedInt(string field)
    {
        var v = ReadVarInt();
        return v is >= int.MinValue and <= int.MaxValue ? (int)v : throw Invalid($"{field} {v} does not fit in 32 bits");
    }

    /// <summary>Reads an item count, refusing counts the remaining bytes cannot hold (each item takes a byte or more).</summary>
    public int ReadCount(string field, int minBytesPerItem = 1)
    {
        var v = ReadVarUInt();
        if (v > (ulong)(Remaining / Math.Max(1, minBytesPerItem)))
        {
            throw Invalid($"{field} {v} is more than the remaining {Remaining} bytes can hold");
        }

        return (int)v;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if ((uint)count > (uint)Remaining)
        {
            throw Truncated();
        }

        var span = _data.Slice(_pos, count);
        _pos += count;
        return span;
    }

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8));

    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(ReadBytes(4));

    /// <summary>Throws unless every byte was consumed.</summary>
    public readonly void ExpectEnd()
    {
        if (_pos != _data.Length)
        {
            throw Invalid($"{_data.Length - _pos} unexpected bytes at the end");
        }
    }

    /// <summary>Decodes one varint from <paramref name="span"/> at <paramref name="pos"/>; returns false when malformed or cut off.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadVarUInt32(ReadOnlySpan<byte> span, ref int pos, out uint value)
    {
        if ((uint)pos < (uint)span.Length)
        {
            var b = span[pos];
            if (b < 0x80)
            {
                pos++;
                value = b;
                return true;
            }
        }

        return TryReadVarUInt32Slow(span, ref pos, out value);
    }

    public readonly InvalidDataException Invalid(string detail) => new($"{_what}: {detail}");

    private readonly InvalidDataException Truncated() => Invalid("ends too early");

    private static bool TryReadVarUInt32Slow(ReadOnlySpan<byte> span, ref int pos, out uint value)
    {
        value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if ((uint)pos >= (uint)span.Length)
            {
                return false;
            }

            var b = span[pos++];
            if (shift == 28 && b > 0x0F)
            {
                return false;
            }

            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    private ulong ReadVarUIntSlow()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            if (shift == 63 && b > 1)
            {
                throw Invalid("a number overflows 64 bits");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Invalid("a number overflows 64 bits");
    }
}
