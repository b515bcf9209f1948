namespace Pipeline.Serialization.DocBin;

/// <summary>A growable array of one token attribute (or one per-doc value) across all docs of a DocBin.</summary>
internal sealed class ColumnBuffer<T>
    where T : struct
{
    private T[] _items;

    public ColumnBuffer(int capacity = 0)
    {
        _items = capacity == 0 ? [] : new T[capacity];
    }

    private ColumnBuffer(T[] items)
    {
        _items = items;
        Count = items.Length;
    }

    /// <summary>The number of values held.</summary>
    public int Count { get; private set; }

    /// <summary>The values held.</summary>
    public ReadOnlySpan<T> Span => _items.AsSpan(0, Count);

    /// <summary>The values held, as memory (valid until the next append).</summary>
    public ReadOnlyMemory<T> Memory => _items.AsMemory(0, Count);

    /// <summary>The value at <paramref name="i"/>.</summary>
    public T this[int i] => _items[i];

    /// <summary>Wraps an exactly sized array without copying it.</summary>
    public static ColumnBuffer<T> Adopt(T[] items) => new(items);

    /// <summary>Appends <paramref name="count"/> values and returns them for the caller to fill.</summary>
    public Span<T> Append(int count)
    {
        if (Count + count > _items.Length)
        {
            var size = Math.Max(Math.Max(16, Count + count), (int)Math.Min(Array.MaxLength, 2L * _items.Length));
            Array.Resize(ref _items, size);
        }

        var span = _items.AsSpan(Count, count);
        Count += count;
        return span;
    }

    /// <summary>Appends one value.</summary>
    public void Add(T value) => Append(1)[0] = value;

    /// <summary>Drops the values from <paramref name="count"/> on (used to undo a failed add).</summary>
    public void Truncate(int count) => Count = Math.Min(Count, count);
}
