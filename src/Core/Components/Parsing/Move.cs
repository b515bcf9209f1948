namespace Pipeline.Components.Parsing;

/// <summary>The four moves of the arc-eager transition system; arcs carry a label chosen with the move.</summary>
internal enum Move : byte
{
    /// <summary>Pushes the first buffer token onto the stack.</summary>
    Shift = 0,

    /// <summary>Pops the stack top, which must already have a head.</summary>
    Reduce = 1,

    /// <summary>Makes the first buffer token (or the virtual root) the head of the stack top and pops it.</summary>
    Left = 2,

    /// <summary>Makes the stack top the head of the first buffer token and pushes that token.</summary>
    Right = 3,
}
