using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// A static rANS entropy coder for byte symbols: 32-bit states, 16-bit renormalization, 12-bit probabilities, one
/// frequency table per context, two interleaved states. No symbol may take more than 63/64 of a table, which bounds
/// how many symbols a forged stream can claim per byte (see <see cref="CodeStream.MaxCodes"/>).
/// </summary>
internal static class Rans
{
    /// <summary>Symbols per table.</summary>
    public const int Alphabet = 256;

    private const int ScaleBits = 12;
    private const uint Scale = 1u << ScaleBits;
    private const uint Lower = 1u << 16;
    private const uint MaxFreq = Scale - (Scale >> 6);

    /// <summary>Scales counts to frequencies summing to <see cref="Scale"/>: every used symbol gets 1 or more, none more than <see cref="MaxFreq"/>.</summary>
    public static void Normalize(ReadOnlySpan<int> counts, Span<uint> freqs)
    {
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        if (total == 0)
        {
            freqs.Clear();
            return;
        }

        long sum = 0;
        var largest = 0;
        for (var s = 0; s < Alphabet; s++)
        {
            freqs[s] = counts[s] == 0 ? 0 : (uint)Math.Max(1, counts[s] * Scale / total);
            sum += freqs[s];
            largest = counts[s] > counts[largest] ? s : largest;
        }

        var adjusted = freqs[largest] + Scale - sum;
        while (adjusted < 1)
        {
            // Rare: many rare symbols were rounded up to 1. Take the shortfall from the other large symbols.
            adjusted++;
            var donor = -1;
            for (var s = 0; s < Alphabet; s++)
            {
                donor = s != largest && freqs[s] > 1 && (donor < 0 || freqs[s] > freqs[donor]) ? s : donor;
            }

            freqs[donor]--;
        }

        freqs[largest] = (uint)adjusted;
        if (freqs[largest] > MaxFreq)
        {
            var other = largest == 0 ? 1 : 0;
            for (var s = 0; s < Alphabet; s++)
            {
                other = s != largest && counts[s] > counts[other] ? s : other;
            }

            freqs[other] += freqs[largest] - MaxFreq;
            freqs[largest] = MaxFreq;
        }
    }

    public static void WriteTable(ReadOnlySpan<uint> freqs, PackedWriter w)
    {
        var used = 0;
        foreach (var f in freqs)
        {
            used += f > 0 ? 1 : 0;
        }

        w.WriteVarUInt((ulong)used);
        var previous = -1;
        for (var s = 0; s < Alphabet; s++)
        {
            if (freqs[s] > 0)
            {
                w.WriteVarUInt((ulong)(s - previous - 1));
                w.WriteVarUInt(freqs[s] - 1);
                previous = s;
            }
        }
    }

    public static void ReadTable(ref PackedReader r, scoped Span<uint> freqs)
    {
        freqs.Clear();
        var used = r.ReadInt(Alphabet, "symbol count");
        var symbol = -1;
        uint sum = 0;
        for (var i = 0; i < used; i++)
        {
            symbol += r.ReadInt(Alphabet, "symbol gap") + 1;
            var freq = (uint)r.ReadInt((int)MaxFreq - 1, "symbol frequency") + 1;
            if (symbol >= Alphabet || sum + freq > Scale)
            {
                throw r.Invalid("the symbol table is invalid");
            }

            freqs[symbol] = freq;
            sum += freq;
        }

        if (sum != Scale && used > 0)
        {
            throw r.Invalid("the symbol frequencies do not add up");
        }
    }

    /// <summary>
    /// Encodes the symbols backwards with two interleaved rANS states (even and odd positions), so the decoder's two
    /// dependency chains overlap. Renormalizes 16 bits at a time (at most once per symbol, without branches).
    /// Writes the word count, both final states, then the renormalization words.
    /// </summary>
    public static void Encode(ReadOnlySpan<byte> symbols, ReadOnlySpan<byte> contexts, ReadOnlySpan<uint> freqs, PackedWriter w)
    {
        var table = ArrayPool<EncodeEntry>.Shared.Rent(freqs.Length);
        var buffer = ArrayPool<ushort>.Shared.Rent(symbols.Length + 8);
        try
        {
            for (var c = 0; c < freqs.Length; c += Alphabet)
            {
                uint start = 0;
                for (var s = c; s < c + Alphabet; s++)
                {
                    var f = freqs[s];
                    // floor(x / f) == (x * ceil(2^(32 + k) / f)) >> (32 + k) for x below 2^32 when 2^(k-1) < f <= 2^k.
                    var k = f > 1 ? 32 - BitOperations.LeadingZeroCount(f - 1) : 0;
                    table[s] = new EncodeEntry(
                        f,
                        start,
                        f > 1 ? ((1UL << (32 + k)) + f - 1) / f : 1UL << 32,
                        32 + k,
                        ((Lower >> ScaleBits) << 16) * f);
                    start += f;
                }
            }

            ref var words = ref MemoryMarshal.GetArrayDataReference(buffer);
            ref var entries = ref MemoryMarshal.GetArrayDataReference(table);
            var at = symbols.Length + 8;
            var x0 = Lower;
            var x1 = Lower;

            // Backwards, in pairs: even positions use state 0, odd ones state 1.
            var i = symbols.Length - 1;
            if ((i & 1) == 0)
            {
                Put(ref x0, ref Unsafe.Add(ref entries, Index(contexts, symbols, i)), ref words, ref at);
                i--;
            }

            for (; i > 0; i -= 2)
            {
                Put(ref x1, ref Unsafe.Add(ref entries, Index(contexts, symbols, i)), ref words, ref at);
                Put(ref x0, ref Unsafe.Add(ref entries, Index(contexts, symbols, i - 1)), ref words, ref at);
            }

            var count = symbols.Length + 8 - at;
            w.WriteVarUInt((ulong)count);
            var output = w.Reserve(8 + count * 2);
            BinaryPrimitives.WriteUInt32LittleEndian(output, x0);
            BinaryPrimitives.WriteUInt32LittleEndian(output[4..], x1);
            var payload = buffer.AsSpan(at, count);
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.AsBytes(payload).CopyTo(output[8..]);
            }
            else
            {
                for (var k = 0; k < count; k++)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(output[(8 + (k * 2))..], payload[k]);
                }
            }

            w.Advance(8 + count * 2);
        }
        finally
        {
            ArrayPool<EncodeEntry>.Shared.Return(table);
            ArrayPool<ushort>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes symbols straight into codes (bucketed ones are completed from the extra bits afterwards).</summary>
    public static void Decode(ref PackedReader r, scoped ReadOnlySpan<uint> freqs, scoped ReadOnlySpan<byte> contexts, scoped Span<uint> codes)
    {
        var count = r.ReadCount("rANS words", 2);
        var data = r.ReadBytes(8 + (count * 2));
        var tables = freqs.Length / Alphabet;
        var slots = ArrayPool<byte>.Shared.Rent(tables << ScaleBits);
        var entries = ArrayPool<ulong>.Shared.Rent(freqs.Length);
        try
        {
            for (var c = 0; c < tables; c++)
            {
                uint start = 0;
                for (var s = 0; s < Alphabet; s++)
                {
                    var f = freqs[(c * Alphabet) + s];
                    entries[(c * Alphabet) + s] = ((ulong)f << 32) | start;
                    slots.AsSpan((c << ScaleBits) + (int)start, (int)f).Fill((byte)s);
                    start += f;
                }

                if (start == 0)
                {
                    // An unused context: a token that claims it decodes a zero-frequency symbol and is refused below.
                    slots.AsSpan(c << ScaleBits, (int)Scale).Clear();
                }
            }

            ref var slotRef = ref MemoryMarshal.GetArrayDataReference(slots);
            ref var entryRef = ref MemoryMarshal.GetArrayDataReference(entries);
            var x0 = BinaryPrimitives.ReadUInt32LittleEndian(data);
            var x1 = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            var pos = 8;
            var damaged = false;
            var input = data;
            var i = 0;
            for (; i + 1 < codes.Length; i += 2)
            {
                codes[i] = Take(ref x0, contexts.IsEmpty ? 0 : contexts[i], ref slotRef, ref entryRef, input, ref pos, ref damaged);
                codes[i + 1] = Take(ref x1, contexts.IsEmpty ? 0 : contexts[i + 1], ref slotRef, ref entryRef, input, ref pos, ref damaged);
            }

            if (i < codes.Length)
            {
                codes[i] = Take(ref x0, contexts.IsEmpty ? 0 : contexts[i], ref slotRef, ref entryRef, input, ref pos, ref damaged);
            }

            var end = data.Length;
            if (damaged || x0 != Lower || x1 != Lower || pos != end)
            {
                throw r.Invalid("the rANS stream is damaged or does not end where it should");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(slots);
            ArrayPool<ulong>.Shared.Return(entries);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index(ReadOnlySpan<byte> contexts, ReadOnlySpan<byte> symbols, int i) =>
        (contexts.IsEmpty ? 0 : contexts[i] * Alphabet) + symbols[i];

    /// <summary>Encodes one symbol into state <paramref name="x"/>, first moving its low 16 bits out when it is too large.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(ref uint x, ref EncodeEntry e, ref ushort words, ref int at)
    {
        // Always store the low word; keep it (move the cursor) only when the state is too large.
        Unsafe.Add(ref words, at - 1) = (ushort)x;
        var flush = (int)((e.Limit - 1 - (ulong)x) >> 63);
        at -= flush;
        var y = x >> (flush << 4);
        var q = (uint)((y * e.Reciprocal) >> e.Shift);
        x = (q << ScaleBits) + (y - q * e.Freq) + e.Start;
    }

    /// <summary>Decodes one symbol from state <paramref name="x"/> and refills it (without a branch) when it runs low.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Take(ref uint x, int c, ref byte slotRef, ref ulong entryRef, ReadOnlySpan<byte> data, ref int pos, ref bool damaged)
    {
        // Indices stay in range by construction: a slot is below Scale, a context below the table count.
        var slot = x & (Scale - 1);
        var s = Unsafe.Add(ref slotRef, (c << ScaleBits) + (int)slot);
        var entry = Unsafe.Add(ref entryRef, (c * Alphabet) + s);
        var f = (uint)(entry >> 32);
        damaged |= f == 0;
        var y = f * (x >> ScaleBits) + slot - (uint)entry;
        var refill = (uint)(((long)y - Lower) >> 63);
        uint word = 0;
        if (pos + 2 <= data.Length)
        {
            word = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(pos, 2));
        }
        else
        {
            damaged |= refill != 0;
        }

        x = (y & ~refill) | (((y << 16) | word) & refill);
        pos += (int)(refill & 2);
        return s;
    }

    /// <summary>What the encoder needs per symbol: frequency, cumulative start, division by reciprocal, renormalization limit.</summary>
    private readonly record struct EncodeEntry(uint Freq, uint Start, ulong Reciprocal, int Shift, uint Limit);
}
