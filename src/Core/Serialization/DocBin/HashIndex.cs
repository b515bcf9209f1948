using System.Runtime.CompilerServices;

namespace Pipeline.Serialization.DocBin;

/// <summary>
/// An open-addressing map from non-zero 64-bit string hashes to dense indices, keys and values side by side so a
/// lookup touches one cache line. DocBin looks up one hash per token and attribute, so this avoids the overhead of
/// <see cref="Dictionary{TKey, TValue}"/> on that hot path.
/// </summary>
internal sealed class HashIndex
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;
    private Slot[] _slots;
    private int _shift;

    public HashIndex(int capacity = 8)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = new Slot[size];
        _shift = 64 - Log2(size);
    }

    /// <summary>The number of keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The index stored for <paramref name="key"/>, or -1 when absent. The key must not be 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var at = (int)((key * Multiplier) >> _shift);
        while (true)
        {
            ref readonly var slot = ref slots[at];
            if (slot.Key == key)
            {
                return slot.Value;
            }

            if (slot.Key == 0)
            {
                return -1;
            }

            at = (at + 1) & mask;
        }
    }

    /// <summary>Stores <paramref name="value"/> for a key that is not present yet (and not 0).</summary>
    public void Add(ulong key, int value)
    {
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        Insert(_slots, _shift, key, value);
        Count++;
    }

    private static void Insert(Slot[] slots, int shift, ulong key, int value)
    {
        var mask = slots.Length - 1;
        var at = (int)((key * Multiplier) >> shift);
        while (slots[at].Key != 0)
        {
            at = (at + 1) & mask;
        }

        slots[at] = new Slot(key, value);
    }

    private static int Log2(int size) => System.Numerics.BitOperations.Log2((uint)size);

    private void Grow()
    {
        var slots = new Slot[_slots.Length * 2];
        var shift = 64 - Log2(slots.Length);
        foreach (var slot in _slots)
        {
            if (slot.Key != 0)
            {
                Insert(slots, shift, slot.Key, slot.Value);
            }
        }

        _slots = slots;
        _shift = shift;
    }

    private readonly record struct Slot(ulong Key, int Value);
}
