using System.Buffers;
using System.Numerics;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// Entropy-codes a column of non-negative integer codes. Short columns are written as LEB128 varints; longer ones
/// with the static <see cref="Rans"/> coder over a 256-symbol alphabet: codes below <see cref="Direct"/> are symbols of their own, larger ones a bucket symbol (bit length plus one
/// mantissa bit) followed by raw extra bits. Long columns may use one frequency table per context (a value of an
/// earlier column, such as the dependency label for head offsets). Mostly-zero columns shrink to a fraction of a
/// bit per token.
/// </summary>
internal static class CodeStream
{
    /// <summary>The most contexts (frequency tables) one column may use.</summary>
    public const int MaxContexts = 64;

    private const int Direct = 192;
    private const int Alphabet = Rans.Alphabet;
    private const int MinRansCount = 128;
    private const int MinContextCount = 4096;
    private const byte ModeVarint = 0;
    private const byte ModeRans = 1;

    /// <summary>
    /// The most codes <paramref name="bytes"/> bytes of stream can hold. No symbol may have a probability above
    /// 63/64, so each one shrinks the rANS state by more than 1% and a 16-bit refill lasts under 1,000 symbols: a
    /// forged token count cannot make the reader allocate more than a bounded multiple of the input.
    /// </summary>
    public static long MaxCodes(int bytes) => 1024L * bytes + 4096;

    /// <summary>Writes <paramref name="codes"/>; <paramref name="contexts"/> (one per code, below <paramref name="contextCount"/>) may be empty.</summary>
    public static void Write(ReadOnlySpan<uint> codes, ReadOnlySpan<byte> contexts, int contextCount, PackedWriter w)
    {
        if (codes.Length < MinRansCount)
        {
            w.WriteByte(ModeVarint);
            var span = w.Reserve(codes.Length * 5);
            var at = 0;
            foreach (var code in codes)
            {
                at += PackedWriter.WriteVarUInt(span, at, code);
            }

            w.Advance(at);
            return;
        }

        if (codes.Length < MinContextCount || contexts.IsEmpty)
        {
            contexts = [];
            contextCount = 1;
        }

        w.WriteByte(ModeRans);
        w.WriteVarUInt((ulong)contextCount);
        var symbols = ArrayPool<byte>.Shared.Rent(codes.Length);
        var counts = ArrayPool<int>.Shared.Rent(contextCount * Alphabet);
        var freqs = ArrayPool<uint>.Shared.Rent(contextCount * Alphabet);
        using var extra = new PackedWriter(64);
        try
        {
            Array.Clear(counts, 0, contextCount * Alphabet);
            Symbolize(codes, contexts, symbols, counts, extra);
            for (var c = 0; c < contextCount; c++)
            {
                var table = freqs.AsSpan(c * Alphabet, Alphabet);
                Rans.Normalize(counts.AsSpan(c * Alphabet, Alphabet), table);
                Rans.WriteTable(table, w);
            }

            Rans.Encode(symbols.AsSpan(0, codes.Length), contexts, freqs.AsSpan(0, contextCount * Alphabet), w);
            w.WriteVarUInt((ulong)extra.Length);
            w.WriteBytes(extra.WrittenSpan);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(symbols);
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<uint>.Shared.Return(freqs);
        }
    }

    /// <summary>Reads exactly <paramref name="codes"/>.Length codes written with the same contexts.</summary>
    public static void Read(ref PackedReader r, scoped ReadOnlySpan<byte> contexts, int contextCount, scoped Span<uint> codes)
    {
        var mode = r.ReadByte();
        if (mode == ModeVarint)
        {
            var span = r.Rest;
            var pos = 0;
            for (var i = 0; i < codes.Length; i++)
            {
                if (!PackedReader.TryReadVarUInt32(span, ref pos, out codes[i]))
                {
                    throw r.Invalid($"code {i} is cut off or malformed");
                }
            }

            r.Advance(pos);
            return;
        }

        if (mode != ModeRans || codes.Length < MinRansCount)
        {
            throw r.Invalid($"unknown code stream mode {mode}");
        }

        var tables = r.ReadInt(MaxContexts, "context count");
        if (tables != 1 && (tables != contextCount || contexts.IsEmpty || codes.Length < MinContextCount))
        {
            throw r.Invalid($"{tables} contexts where {contextCount} were expected");
        }

        if (tables == 1)
        {
            contexts = [];
        }

        var freqs = ArrayPool<uint>.Shared.Rent(tables * Alphabet);
        try
        {
            var bucketed = false;
            for (var c = 0; c < tables; c++)
            {
                var table = freqs.AsSpan(c * Alphabet, Alphabet);
                Rans.ReadTable(ref r, table);
                bucketed |= table[Direct..].ContainsAnyExcept(0u);
            }

            Rans.Decode(ref r, freqs.AsSpan(0, tables * Alphabet), contexts, codes);
            Desymbolize(ref r, codes, bucketed);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(freqs);
        }
    }

    /// <summary>Maps codes to symbols (counting them per context) and writes the extra bits of bucketed codes.</summary>
    private static void Symbolize(ReadOnlySpan<uint> codes, ReadOnlySpan<byte> contexts, byte[] symbols, int[] counts, PackedWriter extra)
    {
        ulong bits = 0;
        var pending = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            int symbol;
            if (code < Direct)
            {
                symbol = (int)code;
            }
            else
            {
                // Bucket: the bit length and the bit below the top one; the remaining bits go out raw.
                var x = (ulong)code - Direct + 2;
                var count = BitOperations.Log2(x) - 1;
                symbol = Direct + (count << 1) + (int)((x >> count) & 1);
                bits |= (x & ((1UL << count) - 1)) << pending;
                pending += count;
                while (pending >= 8)
                {
                    extra.WriteByte((byte)bits);
                    bits >>= 8;
                    pending -= 8;
                }
            }

            symbols[i] = (byte)symbol;
            counts[(contexts.IsEmpty ? 0 : contexts[i] * Alphabet) + symbol]++;
        }

        if (pending > 0)
        {
            extra.WriteByte((byte)bits);
        }
    }

    /// <summary>Completes bucket symbols (at or above <see cref="Direct"/>) with their extra bits.</summary>
    private static void Desymbolize(ref PackedReader r, scoped Span<uint> codes, bool bucketed)
    {
        var extra = new BitReader(r.ReadBytes(r.ReadCount("extra bit bytes")));
        for (var i = 0; bucketed && i < codes.Length; i++)
        {
            var symbol = (int)codes[i];
            if (symbol < Direct)
            {
                continue;
            }

            var e = (symbol - Direct) >> 1;
            var top = (2UL | (uint)((symbol - Direct) & 1)) << e;
            var value = top + extra.Read(e) - 2 + Direct;
            codes[i] = value <= uint.MaxValue ? (uint)value : throw r.Invalid($"code {i} overflows 32 bits");
        }

        if (!extra.AtEnd)
        {
            throw r.Invalid("the extra bits do not match the codes");
        }
    }

    /// <summary>Reads the raw extra bits of bucketed codes, least significant bit first.</summary>
    private ref struct BitReader
    {
        private readonly ReadOnlySpan<byte> _data;
        private ulong _bits;
        private int _count;
        private int _pos;

        public BitReader(ReadOnlySpan<byte> data)
        {
            _data = data;
        }

        /// <summary>Whether every byte was used and the padding bits are zero.</summary>
        public readonly bool AtEnd => _pos == _data.Length && _count < 8 && _bits == 0;

        public ulong Read(int count)
        {
            while (_count < count)
            {
                if (_pos >= _data.Length)
                {
                    throw new InvalidDataException("the extra bits are cut off");
                }

                _bits |= (ulong)_data[_pos++] << _count;
                _count += 8;
            }

            var value = _bits & ((1UL << count) - 1);
            _bits >>= count;
            _count -= count;
            return value;
        }
    }
}
