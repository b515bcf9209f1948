namespace Pipeline.Tokenization;

/// <summary>
/// Per-thread scratch space of the tokenizer: growing arrays for the token hashes and space flags of the doc being
/// built, and lists for splitting a chunk. Reused across calls so tokenizing allocates only the doc's own arrays.
/// </summary>
internal sealed class TokenBuffer
{
    private const int MaxKeptCapacity = 1 << 16;

    [ThreadStatic]
    private static TokenBuffer? _current;

    private ulong[] _orth = new ulong[256];
    private bool[] _spaces = new bool[256];

    /// <summary>The number of tokens added since <see cref="Rent"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Scratch list of token lengths within a chunk.</summary>
    public List<int> Lengths { get; } = new(16);

    /// <summary>Scratch list of suffix lengths within a chunk.</summary>
    public List<int> Suffixes { get; } = new(8);

    /// <summary>The calling thread's buffer, emptied.</summary>
    public static TokenBuffer Rent()
    {
        var buffer = _current ??= new TokenBuffer();
        buffer.Count = 0;
        if (buffer._orth.Length > MaxKeptCapacity)
        {
            // A huge document grew the arrays; do not keep that memory for the life of the thread.
            buffer._orth = new ulong[256];
            buffer._spaces = new bool[256];
        }

        return buffer;
    }

    /// <summary>Appends one token, not followed by a space.</summary>
    public void Add(ulong orth)
    {
        if (Count == _orth.Length)
        {
            Grow(Count + 1);
        }

        _orth[Count] = orth;
        _spaces[Count] = false;
        Count++;
    }

    /// <summary>Appends tokens, none followed by a space.</summary>
    public void AddRange(ReadOnlySpan<ulong> orths)
    {
        if (Count + orths.Length > _orth.Length)
        {
            Grow(Count + orths.Length);
        }

        orths.CopyTo(_orth.AsSpan(Count));
        _spaces.AsSpan(Count, orths.Length).Clear();
        Count += orths.Length;
    }

    /// <summary>Marks the last token as followed by a space; false when there is no token yet.</summary>
    public bool SetTrailingSpace()
    {
        if (Count == 0)
        {
            return false;
        }

        _spaces[Count - 1] = true;
        return true;
    }

    /// <summary>Copies the tokens out as the columns of a new doc.</summary>
    public (ulong[] Orth, bool[] Spaces) ToArrays() => (_orth.AsSpan(0, Count).ToArray(), _spaces.AsSpan(0, Count).ToArray());

    private void Grow(int needed)
    {
        var size = Math.Max(needed, _orth.Length * 2);
        Array.Resize(ref _orth, size);
        Array.Resize(ref _spaces, size);
    }
}
