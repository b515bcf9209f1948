using System.Runtime.CompilerServices;

namespace Pipeline.Serialization;

/// <summary>
/// An open-addressing map from non-zero 64-bit string hashes to dense indices. DocBin looks up one hash per token
/// and attribute, so this avoids the overhead of <see cref="Dictionary{TKey, TValue}"/> on that hot path.
/// </summary>
internal sealed class HashIndex
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;
    private ulong[] _keys;
    private int[] _values;
    private int _shift;

    public HashIndex(int capacity = 8)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _keys = new ulong[size];
        _values = new int[size];
        _shift = 64 - Log2(size);
    }

    /// <summary>The number of keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The index stored for <paramref name="key"/>, or -1 when absent. The key must not be 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        var keys = _keys;
        var mask = keys.Length - 1;
        var slot = (int)((key * Multiplier) >> _shift);
        while (true)
        {
            var k = keys[slot];
            if (k == key)
            {
                return _values[slot];
            }

            if (k == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Stores <paramref name="value"/> for a key that is not present yet (and not 0).</summary>
    public void Add(ulong key, int value)
    {
        if ((Count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        Insert(_keys, _values, _shift, key, value);
        Count++;
    }

    private static void Insert(ulong[] keys, int[] values, int shift, ulong key, int value)
    {
        var mask = keys.Length - 1;
        var slot = (int)((key * Multiplier) >> shift);
        while (keys[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        keys[slot] = key;
        values[slot] = value;
    }

    private void Grow()
    {
        var size = _keys.Length * 2;
        var keys = new ulong[size];
        var values = new int[size];
        var shift = 64 - Log2(size);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                Insert(keys, values, shift, _keys[i], _values[i]);
            }
        }

        _keys = keys;
        _values = values;
        _shift = shift;
    }

    private static int Log2(int size) => System.Numerics.BitOperations.Log2((uint)size);
}
