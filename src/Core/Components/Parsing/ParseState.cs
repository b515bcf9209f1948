using System.Runtime.CompilerServices;

namespace Pipeline.Components.Parsing;

/// <summary>
/// A configuration of the arc-eager transition system over one sentence (or a whole doc) of <see cref="Length"/>
/// tokens, with the virtual root placed at the end of the buffer (Ballesteros and Nivre 2013): position
/// <see cref="Root"/>. Tokens left without a head attach to it with a left arc, so several roots (sentences) can
/// come out of one input. Position <see cref="None"/> is a sentinel for "no token", which lets feature extraction
/// read heads and children without branches. Arrays are reused between sentences; nothing is allocated per token.
/// </summary>
internal sealed class ParseState
{
    /// <summary>The label id of "no arc".</summary>
    public const int NoLabel = 0;

    /// <summary>The label id of an attachment to the virtual root.</summary>
    public const int RootLabel = 1;

    private int[] _stack = new int[64];
    private bool[] _inStack = new bool[66];

    /// <summary>The number of real tokens.</summary>
    public int Length { get; private set; }

    /// <summary>The position of the virtual root (= <see cref="Length"/>).</summary>
    public int Root => Length;

    /// <summary>The sentinel position meaning "no token" (= <see cref="Length"/> + 1).</summary>
    public int None => Length + 1;

    /// <summary>The first buffer position; <see cref="Root"/> once every token has been read.</summary>
    public int B0 { get; private set; }

    /// <summary>The number of tokens on the stack.</summary>
    public int Depth { get; private set; }

    /// <summary>The lower-cased word hash of each position (root and sentinel included).</summary>
    public ulong[] Words { get; private set; } = new ulong[66];

    /// <summary>The tag hash of each position.</summary>
    public ulong[] Tags { get; private set; } = new ulong[66];

    /// <summary>The universal tag hash of each position (<see cref="Tags"/> holds the finest tag available).</summary>
    public ulong[] Upos { get; private set; } = new ulong[66];

    /// <summary>The morphological features (FEATS hash) of each position, 0 when the doc has none.</summary>
    public ulong[] Morphs { get; private set; } = new ulong[66];

    /// <summary>The hash of each position's last three letters (lower-cased), a cue to morphology.</summary>
    public ulong[] Suffixes { get; private set; } = new ulong[66];

    /// <summary>The ambiguity class (tags seen in training) of each position's word.</summary>
    public ulong[] Classes { get; private set; } = new ulong[66];

    /// <summary>The head of each position, <see cref="None"/> while it has none.</summary>
    public int[] Heads { get; private set; } = new int[66];

    /// <summary>The label id of each position's arc, <see cref="NoLabel"/> while it has none.</summary>
    public int[] Labels { get; private set; } = new int[66];

    /// <summary>Leftmost and second-leftmost children (<see cref="None"/> when absent).</summary>
    public int[] Left1 { get; private set; } = new int[66];

    /// <summary>The second-leftmost child.</summary>
    public int[] Left2 { get; private set; } = new int[66];

    /// <summary>Rightmost child.</summary>
    public int[] Right1 { get; private set; } = new int[66];

    /// <summary>The second-rightmost child.</summary>
    public int[] Right2 { get; private set; } = new int[66];

    /// <summary>The number of left children.</summary>
    public int[] LeftCount { get; private set; } = new int[66];

    /// <summary>The number of right children.</summary>
    public int[] RightCount { get; private set; } = new int[66];

    /// <summary>The set of left-children labels as a 64-bit signature.</summary>
    public ulong[] LeftSet { get; private set; } = new ulong[66];

    /// <summary>The set of right-children labels as a 64-bit signature.</summary>
    public ulong[] RightSet { get; private set; } = new ulong[66];

    /// <summary>The stack top, or <see cref="None"/>.</summary>
    public int S0 => Depth > 0 ? _stack[Depth - 1] : None;

    /// <summary>The token below the stack top, or <see cref="None"/>.</summary>
    public int S1 => Depth > 1 ? _stack[Depth - 2] : None;

    /// <summary>Whether the final configuration is reached (buffer at the root, empty stack).</summary>
    public bool IsFinal => B0 == Root && Depth == 0;

    /// <summary>Whether position <paramref name="i"/> is on the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool InStack(int i) => _inStack[i];

    /// <summary>
    /// Starts a new parse of <paramref name="length"/> tokens (one tree when <paramref name="singleRoot"/>); fill
    /// <see cref="Words"/>, <see cref="Tags"/>, <see cref="Upos"/>, <see cref="Classes"/>,
    /// <see cref="Suffixes"/> and <see cref="Morphs"/> next.
    /// </summary>
    public void Reset(int length, ulong rootWord, ulong rootTag, ulong noneWord, ulong noneTag, bool singleRoot = false)
    {
        var size = length + 2;
        if (Words.Length < size)
        {
            var capacity = Math.Max(size, Words.Length * 2);
            Words = new ulong[capacity];
            Tags = new ulong[capacity];
            Upos = new ulong[capacity];
            Classes = new ulong[capacity];
            Suffixes = new ulong[capacity];
            Morphs = new ulong[capacity];
            Heads = new int[capacity];
            Labels = new int[capacity];
            Left1 = new int[capacity];
            Left2 = new int[capacity];
            Right1 = new int[capacity];
            Right2 = new int[capacity];
            LeftCount = new int[capacity];
            RightCount = new int[capacity];
            LeftSet = new ulong[capacity];
            RightSet = new ulong[capacity];
            _inStack = new bool[capacity];
            _stack = new int[capacity];
        }

        Length = length;
        B0 = 0;
        Depth = 0;
        HeadlessInStack = 0;
        SingleRoot = singleRoot;
        var none = length + 1;
        Heads.AsSpan(0, size).Fill(none);
        Labels.AsSpan(0, size).Clear();
        Left1.AsSpan(0, size).Fill(none);
        Left2.AsSpan(0, size).Fill(none);
        Right1.AsSpan(0, size).Fill(none);
        Right2.AsSpan(0, size).Fill(none);
        LeftCount.AsSpan(0, size).Clear();
        RightCount.AsSpan(0, size).Clear();
        LeftSet.AsSpan(0, size).Clear();
        RightSet.AsSpan(0, size).Clear();
        _inStack.AsSpan(0, size).Clear();
        Words[length] = rootWord;
        Tags[length] = rootTag;
        Upos[length] = rootTag;
        Classes[length] = rootTag;
        Suffixes[length] = rootWord;
        Morphs[length] = rootTag;
        Words[none] = noneWord;
        Tags[none] = noneTag;
        Upos[none] = noneTag;
        Classes[none] = noneTag;
        Suffixes[none] = noneWord;
        Morphs[none] = noneTag;
    }

    /// <summary>
    /// Whether the input is one known sentence that must come out as a single tree: at the end, a headless stack
    /// top with another headless word below it then attaches to the word below it (a right arc) instead of to
    /// the root.
    /// </summary>
    public bool SingleRoot { get; private set; }

    /// <summary>The number of words on the stack that have no head yet.</summary>
    public int HeadlessInStack { get; private set; }

    /// <summary>Whether the stack top must attach to the word below it to keep a single root (see <see cref="SingleRoot"/>).</summary>
    public bool MustSink => SingleRoot && B0 == Root && HeadlessInStack > 1 && Heads[S0] == None;

    /// <summary>Whether <paramref name="move"/> is allowed now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsValid(Move move) => move switch
    {
        Move.Shift => B0 < Root,
        Move.Reduce => Depth > 0 && Heads[S0] != None,
        Move.Left => Depth > 0 && Heads[S0] == None && !MustSink,
        _ => Depth > 0 && (B0 < Root || MustSink),
    };

    /// <summary>
    /// Applies a valid move; arcs get label id <paramref name="label"/>. A right arc with the buffer at the root
    /// attaches the stack top to the word below it and pops it.
    /// </summary>
    public void Apply(Move move, int label)
    {
        switch (move)
        {
            case Move.Shift:
                HeadlessInStack++;
                Push(B0++);
                break;
            case Move.Reduce:
                Pop();
                break;
            case Move.Left:
                HeadlessInStack--;
                AddArc(B0, Pop(), B0 == Root ? RootLabel : label);
                break;
            default:
                if (B0 == Root)
                {
                    HeadlessInStack--;
                    var top = Pop();
                    AddArc(S0, top, label);
                }
                else
                {
                    AddArc(S0, B0, label);
                    Push(B0++);
                }

                break;
        }
    }

    private void Push(int i)
    {
        _stack[Depth++] = i;
        _inStack[i] = true;
    }

    private int Pop()
    {
        var i = _stack[--Depth];
        _inStack[i] = false;
        return i;
    }

    private void AddArc(int head, int dependent, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        var bit = 1UL << (label & 63);
        if (dependent < head)
        {
            LeftCount[head]++;
            LeftSet[head] |= bit;
            if (dependent < Left1[head])
            {
                Left2[head] = Left1[head];
                Left1[head] = dependent;
            }
            else if (dependent < Left2[head])
            {
                Left2[head] = dependent;
            }
        }
        else
        {
            RightCount[head]++;
            RightSet[head] |= bit;
            var none = None;
            if (Right1[head] == none || dependent > Right1[head])
            {
                Right2[head] = Right1[head];
                Right1[head] = dependent;
            }
            else if (Right2[head] == none || dependent > Right2[head])
            {
                Right2[head] = dependent;
            }
        }
    }
}
