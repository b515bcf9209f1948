namespace Pipeline.Tokenization;

/// <summary>
/// Per-thread scratch space of the tokenizer: growing arrays for the token hashes and space flags of the doc being
/// built (plus per-token norms, only once a special case writes one), and lists for splitting a chunk. Reused across calls so tokenizing allocates only the doc's own arrays.
/// </summary>
internal sealed class TokenBuffer
{
    private const int MaxKeptCapacity = 1 << 16;

    [ThreadStatic]
    private static TokenBuffer? _current;

    private ulong[] _orth = new ulong[256];
    private bool[] _spaces = new bool[256];
    private ulong[]? _norms;
    private bool _hasNorms;

    /// <summary>The number of tokens added since <see cref="Rent"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Scratch list of token lengths within a chunk.</summary>
    public List<int> Lengths { get; } = new(16);

    /// <summary>Scratch list of suffix lengths within a chunk.</summary>
    public List<int> Suffixes { get; } = new(8);

    /// <summary>Scratch list of (token index, norm) within a chunk, from special cases.</summary>
    public List<(int Index, string Norm)> Norms { get; } = new(4);

    /// <summary>The calling thread's buffer, emptied.</summary>
    public static TokenBuffer Rent()
    {
        var buffer = _current ??= new TokenBuffer();
        buffer.Count = 0;
        buffer._hasNorms = false;
        if (buffer._orth.Length > MaxKeptCapacity)
        {
            // A huge document grew the arrays; do not keep that memory for the life of the thread.
            buffer._orth = new ulong[256];
            buffer._spaces = new bool[256];
            buffer._norms = null;
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
        if (_hasNorms)
        {
            _norms![Count] = 0;
        }

        Count++;
    }

    /// <summary>Appends tokens, none followed by a space, with their norm hashes when a special case gave some.</summary>
    public void AddRange(ReadOnlySpan<ulong> orths, ulong[]? norms)
    {
        if (Count + orths.Length > _orth.Length)
        {
            Grow(Count + orths.Length);
        }

        orths.CopyTo(_orth.AsSpan(Count));
        _spaces.AsSpan(Count, orths.Length).Clear();
        if (norms is not null)
        {
            StartNorms();
            norms.CopyTo(_norms.AsSpan(Count));
        }
        else if (_hasNorms)
        {
            _norms.AsSpan(Count, orths.Length).Clear();
        }

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

    /// <summary>Copies the tokens out as the columns of a new doc; the norm column is null when no token has a norm.</summary>
    public (ulong[] Orth, bool[] Spaces, ulong[]? Norms) ToArrays() =>
        (_orth.AsSpan(0, Count).ToArray(), _spaces.AsSpan(0, Count).ToArray(), _hasNorms ? _norms.AsSpan(0, Count).ToArray() : null);

    /// <summary>Makes the norm column live for this doc: tokens added so far get none (0).</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_norms))]
    private void StartNorms()
    {
        if (_norms is null || _norms.Length < _orth.Length)
        {
            _norms = new ulong[_orth.Length];
        }
        else if (!_hasNorms)
        {
            _norms.AsSpan(0, Count).Clear();
        }

        _hasNorms = true;
    }

    private void Grow(int needed)
    {
        var size = Math.Max(needed, _orth.Length * 2);
        Array.Resize(ref _orth, size);
        Array.Resize(ref _spaces, size);
        if (_norms is not null)
        {
            Array.Resize(ref _norms, size);
        }
    }
}
