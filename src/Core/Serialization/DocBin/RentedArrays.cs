using System.Buffers;

namespace Pipeline.Serialization.DocBin;

/// <summary>Scratch arrays rented from the shared pools for one encode or decode, all returned on dispose.</summary>
internal sealed class RentedArrays : IDisposable
{
    private readonly List<int[]> _ints = [];
    private readonly List<uint[]> _uints = [];
    private readonly List<byte[]> _bytes = [];

    /// <summary>An int array of at least <paramref name="length"/> elements, with unspecified contents.</summary>
    public int[] Ints(int length) => Rent(_ints, length);

    /// <summary>A uint array of at least <paramref name="length"/> elements, with unspecified contents.</summary>
    public uint[] UInts(int length) => Rent(_uints, length);

    /// <summary>A byte array of at least <paramref name="length"/> elements, with unspecified contents.</summary>
    public byte[] Bytes(int length) => Rent(_bytes, length);

    public void Dispose()
    {
        _ints.ForEach(a => ArrayPool<int>.Shared.Return(a));
        _uints.ForEach(a => ArrayPool<uint>.Shared.Return(a));
        _bytes.ForEach(a => ArrayPool<byte>.Shared.Return(a));
        _ints.Clear();
        _uints.Clear();
        _bytes.Clear();
    }

    private static T[] Rent<T>(List<T[]> rented, int length)
    {
        var array = ArrayPool<T>.Shared.Rent(Math.Max(length, 1));
        rented.Add(array);
        return array;
    }
}
