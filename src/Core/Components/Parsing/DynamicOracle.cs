namespace Pipeline.Components.Parsing;

/// <summary>
/// The dynamic oracle of the arc-eager system (Goldberg and Nivre 2012) for one gold tree: the cost of a move in
/// any configuration is the number of gold arcs it makes unreachable. With a projective gold tree the system is
/// arc-decomposable, so this count is exact, and training can follow the model's own (wrong) moves and still
/// learn the best continuation. Gold heads are segment positions, the virtual root is <c>Length</c>, and -1 marks
/// a head outside the segment (unreachable, so it costs nothing).
/// </summary>
internal sealed class DynamicOracle
{
    /// <summary>Marks a gold head that the parse cannot reach.</summary>
    public const int Unreachable = -1;

    private int[] _heads = new int[64];
    private int[] _labels = new int[64];
    private int[] _depStart = new int[66];
    private int[] _deps = new int[64];

    /// <summary>The number of tokens.</summary>
    public int Length { get; private set; }

    /// <summary>The gold head of each token (segment positions; <see cref="Length"/> = root; -1 unreachable).</summary>
    public ReadOnlySpan<int> Heads => _heads.AsSpan(0, Length);

    /// <summary>
    /// Loads the gold tree of a segment: <paramref name="heads"/> and <paramref name="labels"/> hold absolute heads
    /// of the whole doc (a token heading itself is a root) and label ids (0 = unknown, any label is right).
    /// </summary>
    public void Load(ReadOnlySpan<int> heads, ReadOnlySpan<int> labels, int start, int end)
    {
        var n = end - start;
        if (_heads.Length < n)
        {
            var capacity = Math.Max(n, _heads.Length * 2);
            _heads = new int[capacity];
            _labels = new int[capacity];
            _deps = new int[capacity];
            _depStart = new int[capacity + 2];
        }

        Length = n;
        var counts = _depStart.AsSpan(0, n + 2);
        counts.Clear();
        for (var i = 0; i < n; i++)
        {
            var h = heads[start + i];
            var head = h == start + i ? n : h >= start && h < end ? h - start : Unreachable;
            _heads[i] = head;
            _labels[i] = labels[start + i];
            if (head >= 0)
            {
                counts[head + 1]++;
            }
        }

        for (var h = 1; h <= n + 1; h++)
        {
            counts[h] += counts[h - 1];
        }

        // Fill dependents in position order; _depStart[h] temporarily advances and is shifted back after.
        for (var i = 0; i < n; i++)
        {
            var head = _heads[i];
            if (head >= 0)
            {
                _deps[_depStart[head]++] = i;
            }
        }

        for (var h = n; h > 0; h--)
        {
            _depStart[h] = _depStart[h - 1];
        }

        _depStart[0] = 0;
    }

    /// <summary>
    /// The cost of a valid move in <paramref name="state"/> given the right label: the gold arcs it rules out. A move
    /// that builds a gold arc with another label than <see cref="RequiredLabel"/> costs one more.
    /// </summary>
    public int Cost(ParseState state, Move move)
    {
        var b = state.B0;
        var s = state.S0;
        switch (move)
        {
            case Move.Shift:
                // b can no longer take a head or a dependent from the stack.
                var shiftHead = _heads[b];
                return (shiftHead >= 0 && shiftHead < Length && state.InStack(shiftHead) ? 1 : 0) + HeadlessStackDependents(state, b);
            case Move.Reduce:
                return BufferDependents(b, s);
            case Move.Left:
                // s takes b as head and leaves: a head further in the buffer and its buffer dependents are lost.
                return (_heads[s] > b ? 1 : 0) + BufferDependents(b, s);
            case Move.Right when b == Length:
                // At the end of a single tree, s takes the word below it as head: another head is lost if reachable.
                var wanted = _heads[s];
                return wanted != state.S1 && (wanted == Length || (wanted >= 0 && state.InStack(wanted))) ? 1 : 0;
            default:
                // b takes s as head: a head elsewhere in the stack or the buffer and its headless stack dependents are lost.
                var head = _heads[b];
                var lost = head != s && (head > b || (head >= 0 && head < b && state.InStack(head)));
                return (lost ? 1 : 0) + HeadlessStackDependents(state, b);
        }
    }

    /// <summary>
    /// The label id that <paramref name="move"/> must carry when it builds a gold arc, or 0 when any label costs the
    /// same (no arc, an arc to the root, an unknown gold label, or an empty stack).
    /// </summary>
    public int RequiredLabel(ParseState state, Move move)
    {
        var b = state.B0;
        var s = state.S0;
        if (state.Depth == 0)
        {
            return 0;
        }

        return move switch
        {
            Move.Left when b < Length && _heads[s] == b => _labels[s],
            Move.Right when b == Length => _heads[s] == state.S1 ? _labels[s] : 0,
            Move.Right when _heads[b] == s => _labels[b],
            _ => 0,
        };
    }

    private int BufferDependents(int b, int s)
    {
        var cost = 0;
        for (var k = _depStart[s]; k < _depStart[s + 1]; k++)
        {
            cost += _deps[k] >= b ? 1 : 0;
        }

        return cost;
    }

    private int HeadlessStackDependents(ParseState state, int b)
    {
        var cost = 0;
        var none = state.None;
        for (var k = _depStart[b]; k < _depStart[b + 1]; k++)
        {
            var d = _deps[k];
            if (d < b && state.InStack(d) && state.Heads[d] == none)
            {
                cost++;
            }
        }

        return cost;
    }
}
